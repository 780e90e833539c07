import { KalturaRequest, type KalturaRequestArgs } from '../kaltura-request.js';
import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import type { KalturaBaseEntryFilter } from './KalturaBaseEntryFilter.js';
export interface BaseEntryBulkDeleteActionArgs extends KalturaRequestArgs {
    filter: KalturaBaseEntryFilter;
}
/**
 * Build request payload for service 'baseEntry' action 'bulkDelete'.
 *
 * Server response type:         number
 * Server failure response type: KalturaAPIException
 */
export declare class BaseEntryBulkDeleteAction extends KalturaRequest<number> {
    static readonly metadata: KalturaTypeMetadata;
    filter: KalturaBaseEntryFilter;
    constructor(data: BaseEntryBulkDeleteActionArgs);
}
