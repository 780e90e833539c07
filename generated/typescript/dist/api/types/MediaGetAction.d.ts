import { KalturaRequest, type KalturaRequestArgs } from '../kaltura-request.js';
import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaMediaEntry } from './KalturaMediaEntry.js';
export interface MediaGetActionArgs extends KalturaRequestArgs {
    /** Media entry id */
    entryId: string;
    /** Desired version of the data */
    version?: number | null;
}
/**
 * Build request payload for service 'media' action 'get'.
 *
 * Usage: Get media entry by ID.
 *
 * Server response type:         KalturaMediaEntry
 * Server failure response type: KalturaAPIException
 */
export declare class MediaGetAction extends KalturaRequest<KalturaMediaEntry> {
    static readonly metadata: KalturaTypeMetadata;
    /** Media entry id */
    entryId: string;
    /** Desired version of the data */
    version?: number | null;
    constructor(data: MediaGetActionArgs);
}
