import { KalturaObjectBase, type KalturaObjectBaseArgs, type KalturaTypeMetadata } from '../kaltura-object-base.js';
export interface KalturaSearchItemArgs extends KalturaObjectBaseArgs {
}
export declare class KalturaSearchItem extends KalturaObjectBase {
    static readonly metadata: KalturaTypeMetadata;
    constructor(data?: KalturaSearchItemArgs);
}
