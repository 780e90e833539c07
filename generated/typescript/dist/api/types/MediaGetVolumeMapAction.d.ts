import { KalturaFileRequest, type KalturaRequestArgs } from '../kaltura-request.js';
import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
export interface MediaGetVolumeMapActionArgs extends KalturaRequestArgs {
    /** Entry id */
    entryId: string;
    /** Desired Lines */
    desiredLines?: number | null;
}
/**
 * Build request payload for service 'media' action 'getVolumeMap'.
 *
 * Usage: Get volume map by entry id
 *
 * Server response type:         { url: string }
 * Server failure response type: KalturaAPIException
 */
export declare class MediaGetVolumeMapAction extends KalturaFileRequest {
    static readonly metadata: KalturaTypeMetadata;
    /** Entry id */
    entryId: string;
    /** Desired Lines */
    desiredLines?: number | null;
    constructor(data: MediaGetVolumeMapActionArgs);
}
