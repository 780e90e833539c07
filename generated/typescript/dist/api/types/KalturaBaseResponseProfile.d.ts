import { KalturaObjectBase, type KalturaObjectBaseArgs, type KalturaTypeMetadata } from '../kaltura-object-base.js';
export interface KalturaBaseResponseProfileArgs extends KalturaObjectBaseArgs {
}
export declare class KalturaBaseResponseProfile extends KalturaObjectBase {
    static readonly metadata: KalturaTypeMetadata;
    constructor(data?: KalturaBaseResponseProfileArgs);
}
