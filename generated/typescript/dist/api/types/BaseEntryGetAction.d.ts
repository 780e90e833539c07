import { KalturaRequest, type KalturaRequestArgs } from '../kaltura-request.js';
import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaBaseEntry } from './KalturaBaseEntry.js';
export interface BaseEntryGetActionArgs extends KalturaRequestArgs {
    /** Entry id */
    entryId: string;
    /** Desired version of the data */
    version?: number | null;
}
/**
 * Build request payload for service 'baseEntry' action 'get'.
 *
 * Usage: Get base entry by ID.
 *
 * Server response type:         KalturaBaseEntry
 * Server failure response type: KalturaAPIException
 */
export declare class BaseEntryGetAction extends KalturaRequest<KalturaBaseEntry> {
    static readonly metadata: KalturaTypeMetadata;
    /** Entry id */
    entryId: string;
    /** Desired version of the data */
    version?: number | null;
    constructor(data: BaseEntryGetActionArgs);
}
