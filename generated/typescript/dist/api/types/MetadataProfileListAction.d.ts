import { KalturaRequest, type KalturaRequestArgs } from '../kaltura-request.js';
import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaMetadataProfileListResponse } from './KalturaMetadataProfileListResponse.js';
import type { KalturaFilterPager } from './KalturaFilterPager.js';
import type { KalturaMetadataProfileFilter } from './KalturaMetadataProfileFilter.js';
export interface MetadataProfileListActionArgs extends KalturaRequestArgs {
    filter?: KalturaMetadataProfileFilter | null;
    pager?: KalturaFilterPager | null;
}
/**
 * Build request payload for service 'metadataProfile' action 'list'.
 *
 * Usage: List metadata profile objects by filter and pager
 *
 * Server response type:         KalturaMetadataProfileListResponse
 * Server failure response type: KalturaAPIException
 */
export declare class MetadataProfileListAction extends KalturaRequest<KalturaMetadataProfileListResponse> {
    static readonly metadata: KalturaTypeMetadata;
    filter?: KalturaMetadataProfileFilter | null;
    pager?: KalturaFilterPager | null;
    constructor(data?: MetadataProfileListActionArgs);
}
