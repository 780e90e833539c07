import { KalturaFileRequest, type KalturaRequestArgs } from '../kaltura-request.js';
import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
export interface MetadataProfileServeActionArgs extends KalturaRequestArgs {
    id: number;
}
/**
 * Build request payload for service 'metadataProfile' action 'serve'.
 *
 * Usage: Serves metadata profile XSD file
 *
 * Server response type:         { url: string }
 * Server failure response type: KalturaAPIException
 */
export declare class MetadataProfileServeAction extends KalturaFileRequest {
    static readonly metadata: KalturaTypeMetadata;
    id: number;
    constructor(data: MetadataProfileServeActionArgs);
}
