import { KalturaRequest, type KalturaRequestArgs } from '../kaltura-request.js';
import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaMetadataListResponse } from './KalturaMetadataListResponse.js';
import type { KalturaFilterPager } from './KalturaFilterPager.js';
import type { KalturaMetadataFilter } from './KalturaMetadataFilter.js';
export interface MetadataListActionArgs extends KalturaRequestArgs {
    filter?: KalturaMetadataFilter | null;
    pager?: KalturaFilterPager | null;
}
/**
 * Build request payload for service 'metadata' action 'list'.
 *
 * Usage: List metadata objects by filter and pager
 *
 * Server response type:         KalturaMetadataListResponse
 * Server failure response type: KalturaAPIException
 */
export declare class MetadataListAction extends KalturaRequest<KalturaMetadataListResponse> {
    static readonly metadata: KalturaTypeMetadata;
    filter?: KalturaMetadataFilter | null;
    pager?: KalturaFilterPager | null;
    constructor(data?: MetadataListActionArgs);
}
