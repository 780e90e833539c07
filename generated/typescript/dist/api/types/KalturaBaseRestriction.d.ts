import { KalturaObjectBase, type KalturaObjectBaseArgs, type KalturaTypeMetadata } from '../kaltura-object-base.js';
export interface KalturaBaseRestrictionArgs extends KalturaObjectBaseArgs {
}
/** @deprecated */
export declare class KalturaBaseRestriction extends KalturaObjectBase {
    static readonly metadata: KalturaTypeMetadata;
    constructor(data?: KalturaBaseRestrictionArgs);
}
