import { KalturaRequest, type KalturaRequestArgs } from '../kaltura-request.js';
import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaMediaEntry } from './KalturaMediaEntry.js';
export interface MediaUpdateActionArgs extends KalturaRequestArgs {
    /** Media entry id to update */
    entryId: string;
    /** Media entry metadata to update */
    mediaEntry: KalturaMediaEntry;
}
/**
 * Build request payload for service 'media' action 'update'.
 *
 * Usage: Update media entry. Only the properties that were set will be updated.
 *
 * Server response type:         KalturaMediaEntry
 * Server failure response type: KalturaAPIException
 */
export declare class MediaUpdateAction extends KalturaRequest<KalturaMediaEntry> {
    static readonly metadata: KalturaTypeMetadata;
    /** Media entry id to update */
    entryId: string;
    /** Media entry metadata to update */
    mediaEntry: KalturaMediaEntry;
    constructor(data: MediaUpdateActionArgs);
}
