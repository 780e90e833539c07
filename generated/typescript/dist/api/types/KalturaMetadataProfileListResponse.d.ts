import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaListResponse, type KalturaListResponseArgs } from './KalturaListResponse.js';
import type { KalturaMetadataProfile } from './KalturaMetadataProfile.js';
export interface KalturaMetadataProfileListResponseArgs extends KalturaListResponseArgs {
}
export declare class KalturaMetadataProfileListResponse extends KalturaListResponse {
    static readonly metadata: KalturaTypeMetadata;
    readonly objects?: KalturaMetadataProfile[];
    constructor(data?: KalturaMetadataProfileListResponseArgs);
}
