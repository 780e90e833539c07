import { KalturaRequest, type KalturaRequestArgs } from '../kaltura-request.js';
import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import type { KalturaMediaType } from './KalturaMediaType.js';
export interface MediaGetMediaTypeActionArgs extends KalturaRequestArgs {
    /** Media entry id */
    entryId: string;
}
/**
 * Build request payload for service 'media' action 'getMediaType'.
 *
 * Usage: (sample) a result that names an enum as its type: the entry's media type
 *
 * Server response type:         KalturaMediaType
 * Server failure response type: KalturaAPIException
 */
export declare class MediaGetMediaTypeAction extends KalturaRequest<KalturaMediaType> {
    static readonly metadata: KalturaTypeMetadata;
    /** Media entry id */
    entryId: string;
    constructor(data: MediaGetMediaTypeActionArgs);
}
