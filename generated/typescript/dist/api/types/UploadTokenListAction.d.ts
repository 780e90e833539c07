import { KalturaRequest, type KalturaRequestArgs } from '../kaltura-request.js';
import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaUploadTokenListResponse } from './KalturaUploadTokenListResponse.js';
import type { KalturaFilterPager } from './KalturaFilterPager.js';
import type { KalturaUploadTokenFilter } from './KalturaUploadTokenFilter.js';
export interface UploadTokenListActionArgs extends KalturaRequestArgs {
    filter?: KalturaUploadTokenFilter | null;
    pager?: KalturaFilterPager | null;
}
/**
 * Build request payload for service 'uploadToken' action 'list'.
 *
 * Usage: List upload token by filter with pager support.
 *          When using a user session the service will be restricted to users objects only.
 *
 * Server response type:         KalturaUploadTokenListResponse
 * Server failure response type: KalturaAPIException
 */
export declare class UploadTokenListAction extends KalturaRequest<KalturaUploadTokenListResponse> {
    static readonly metadata: KalturaTypeMetadata;
    filter?: KalturaUploadTokenFilter | null;
    pager?: KalturaFilterPager | null;
    constructor(data?: UploadTokenListActionArgs);
}
