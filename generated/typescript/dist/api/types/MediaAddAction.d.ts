import { KalturaRequest, type KalturaRequestArgs } from '../kaltura-request.js';
import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaMediaEntry } from './KalturaMediaEntry.js';
export interface MediaAddActionArgs extends KalturaRequestArgs {
    entry: KalturaMediaEntry;
}
/**
 * Build request payload for service 'media' action 'add'.
 *
 * Usage: Add entry
 *
 * Server response type:         KalturaMediaEntry
 * Server failure response type: KalturaAPIException
 */
export declare class MediaAddAction extends KalturaRequest<KalturaMediaEntry> {
    static readonly metadata: KalturaTypeMetadata;
    entry: KalturaMediaEntry;
    constructor(data: MediaAddActionArgs);
}
