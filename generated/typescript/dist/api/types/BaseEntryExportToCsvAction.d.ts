import { KalturaRequest, type KalturaRequestArgs } from '../kaltura-request.js';
import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import type { KalturaBaseEntryFilter } from './KalturaBaseEntryFilter.js';
import type { KalturaKeyValue } from './KalturaKeyValue.js';
export interface BaseEntryExportToCsvActionArgs extends KalturaRequestArgs {
    /** A filter used to exclude specific entries */
    filter?: KalturaBaseEntryFilter | null;
    metadataProfileId?: number | null;
    /** mapping between field headline and its mapped value */
    mappedFields?: KalturaKeyValue[] | null;
}
/**
 * Build request payload for service 'baseEntry' action 'exportToCsv'.
 *
 * Usage: add batch job that sends an email with a link to download an updated CSV that contains
 * list of entries
 *
 * Server response type:         string
 * Server failure response type: KalturaAPIException
 */
export declare class BaseEntryExportToCsvAction extends KalturaRequest<string> {
    static readonly metadata: KalturaTypeMetadata;
    /** A filter used to exclude specific entries */
    filter?: KalturaBaseEntryFilter | null;
    metadataProfileId?: number | null;
    /** mapping between field headline and its mapped value */
    mappedFields?: KalturaKeyValue[] | null;
    constructor(data?: BaseEntryExportToCsvActionArgs);
}
