import { KalturaRequest, type KalturaRequestArgs } from '../kaltura-request.js';
import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaMediaListResponse } from './KalturaMediaListResponse.js';
import type { KalturaFilterPager } from './KalturaFilterPager.js';
import type { KalturaMediaEntryFilter } from './KalturaMediaEntryFilter.js';
export interface MediaListActionArgs extends KalturaRequestArgs {
    /** Media entry filter */
    filter?: KalturaMediaEntryFilter | null;
    /** Pager */
    pager?: KalturaFilterPager | null;
}
/**
 * Build request payload for service 'media' action 'list'.
 *
 * Usage: List media entries by filter with paging support.
 *
 * Server response type:         KalturaMediaListResponse
 * Server failure response type: KalturaAPIException
 */
export declare class MediaListAction extends KalturaRequest<KalturaMediaListResponse> {
    static readonly metadata: KalturaTypeMetadata;
    /** Media entry filter */
    filter?: KalturaMediaEntryFilter | null;
    /** Pager */
    pager?: KalturaFilterPager | null;
    constructor(data?: MediaListActionArgs);
}
