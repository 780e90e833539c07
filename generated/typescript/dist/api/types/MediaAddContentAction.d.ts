import { KalturaRequest, type KalturaRequestArgs } from '../kaltura-request.js';
import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaMediaEntry } from './KalturaMediaEntry.js';
import type { KalturaResource } from './KalturaResource.js';
export interface MediaAddContentActionArgs extends KalturaRequestArgs {
    entryId: string;
    resource?: KalturaResource | null;
}
/**
 * Build request payload for service 'media' action 'addContent'.
 *
 * Usage: Add content to media entry which is not yet associated with content (therefore is in
 * status NO_CONTENT).
 *      If the requirement is to replace the entry's associated content, use action updateContent.
 *
 * Server response type:         KalturaMediaEntry
 * Server failure response type: KalturaAPIException
 */
export declare class MediaAddContentAction extends KalturaRequest<KalturaMediaEntry> {
    static readonly metadata: KalturaTypeMetadata;
    entryId: string;
    resource?: KalturaResource | null;
    constructor(data: MediaAddContentActionArgs);
}
