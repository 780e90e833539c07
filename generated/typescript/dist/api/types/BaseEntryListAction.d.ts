import { KalturaRequest, type KalturaRequestArgs } from '../kaltura-request.js';
import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaBaseEntryListResponse } from './KalturaBaseEntryListResponse.js';
import type { KalturaBaseEntryFilter } from './KalturaBaseEntryFilter.js';
import type { KalturaFilterPager } from './KalturaFilterPager.js';
export interface BaseEntryListActionArgs extends KalturaRequestArgs {
    /** Entry filter */
    filter?: KalturaBaseEntryFilter | null;
    /** Pager */
    pager?: KalturaFilterPager | null;
}
/**
 * Build request payload for service 'baseEntry' action 'list'.
 *
 * Usage: List base entries by filter with paging support.
 *
 * Server response type:         KalturaBaseEntryListResponse
 * Server failure response type: KalturaAPIException
 */
export declare class BaseEntryListAction extends KalturaRequest<KalturaBaseEntryListResponse> {
    static readonly metadata: KalturaTypeMetadata;
    /** Entry filter */
    filter?: KalturaBaseEntryFilter | null;
    /** Pager */
    pager?: KalturaFilterPager | null;
    constructor(data?: BaseEntryListActionArgs);
}
