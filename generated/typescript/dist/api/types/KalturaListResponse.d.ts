import { KalturaObjectBase, type KalturaObjectBaseArgs, type KalturaTypeMetadata } from '../kaltura-object-base.js';
export interface KalturaListResponseArgs extends KalturaObjectBaseArgs {
}
export declare class KalturaListResponse extends KalturaObjectBase {
    static readonly metadata: KalturaTypeMetadata;
    readonly totalCount?: number;
    constructor(data?: KalturaListResponseArgs);
}
