import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaListResponse, type KalturaListResponseArgs } from './KalturaListResponse.js';
import type { KalturaMetadata } from './KalturaMetadata.js';
export interface KalturaMetadataListResponseArgs extends KalturaListResponseArgs {
}
export declare class KalturaMetadataListResponse extends KalturaListResponse {
    static readonly metadata: KalturaTypeMetadata;
    readonly objects?: KalturaMetadata[];
    constructor(data?: KalturaMetadataListResponseArgs);
}
