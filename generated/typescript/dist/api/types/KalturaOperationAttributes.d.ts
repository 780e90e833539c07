import { KalturaObjectBase, type KalturaObjectBaseArgs, type KalturaTypeMetadata } from '../kaltura-object-base.js';
export interface KalturaOperationAttributesArgs extends KalturaObjectBaseArgs {
}
/** Base class to all operation attributes types */
export declare class KalturaOperationAttributes extends KalturaObjectBase {
    static readonly metadata: KalturaTypeMetadata;
    constructor(data?: KalturaOperationAttributesArgs);
}
