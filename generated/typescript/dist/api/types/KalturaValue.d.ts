import { KalturaObjectBase, type KalturaObjectBaseArgs, type KalturaTypeMetadata } from '../kaltura-object-base.js';
export interface KalturaValueArgs extends KalturaObjectBaseArgs {
    description?: string | null;
}
/** A representation to return an array of values */
export declare class KalturaValue extends KalturaObjectBase {
    static readonly metadata: KalturaTypeMetadata;
    description?: string | null;
    constructor(data?: KalturaValueArgs);
}
