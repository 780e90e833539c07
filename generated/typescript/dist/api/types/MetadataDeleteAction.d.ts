import { KalturaRequest, type KalturaRequestArgs } from '../kaltura-request.js';
import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
export interface MetadataDeleteActionArgs extends KalturaRequestArgs {
    id: number;
}
/**
 * Build request payload for service 'metadata' action 'delete'.
 *
 * Usage: Delete an existing metadata
 *
 * Server response type:         void
 * Server failure response type: KalturaAPIException
 */
export declare class MetadataDeleteAction extends KalturaRequest<void> {
    static readonly metadata: KalturaTypeMetadata;
    id: number;
    constructor(data: MetadataDeleteActionArgs);
}
