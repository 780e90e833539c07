import { KalturaRequest, type KalturaRequestArgs } from '../kaltura-request.js';
import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import type { KalturaMediaEntryFilter } from './KalturaMediaEntryFilter.js';
export interface MediaCountActionArgs extends KalturaRequestArgs {
    /** Media entry filter */
    filter?: KalturaMediaEntryFilter | null;
}
/**
 * Build request payload for service 'media' action 'count'.
 *
 * Usage: Count media entries by filter.
 *
 * Server response type:         number
 * Server failure response type: KalturaAPIException
 */
export declare class MediaCountAction extends KalturaRequest<number> {
    static readonly metadata: KalturaTypeMetadata;
    /** Media entry filter */
    filter?: KalturaMediaEntryFilter | null;
    constructor(data?: MediaCountActionArgs);
}
