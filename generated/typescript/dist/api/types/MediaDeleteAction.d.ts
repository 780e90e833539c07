import { KalturaRequest, type KalturaRequestArgs } from '../kaltura-request.js';
import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
export interface MediaDeleteActionArgs extends KalturaRequestArgs {
    /** Media entry id to delete */
    entryId: string;
}
/**
 * Build request payload for service 'media' action 'delete'.
 *
 * Usage: Delete a media entry.
 *
 * Server response type:         void
 * Server failure response type: KalturaAPIException
 */
export declare class MediaDeleteAction extends KalturaRequest<void> {
    static readonly metadata: KalturaTypeMetadata;
    /** Media entry id to delete */
    entryId: string;
    constructor(data: MediaDeleteActionArgs);
}
