import { KalturaFileRequest, type KalturaRequestArgs } from '../kaltura-request.js';
import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
export interface MetadataServeActionArgs extends KalturaRequestArgs {
    id: number;
}
/**
 * Build request payload for service 'metadata' action 'serve'.
 *
 * Usage: Serves metadata XML file
 *
 * Server response type:         { url: string }
 * Server failure response type: KalturaAPIException
 */
export declare class MetadataServeAction extends KalturaFileRequest {
    static readonly metadata: KalturaTypeMetadata;
    id: number;
    constructor(data: MetadataServeActionArgs);
}
