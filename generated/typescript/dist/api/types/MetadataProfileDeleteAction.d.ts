import { KalturaRequest, type KalturaRequestArgs } from '../kaltura-request.js';
import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
export interface MetadataProfileDeleteActionArgs extends KalturaRequestArgs {
    id: number;
}
/**
 * Build request payload for service 'metadataProfile' action 'delete'.
 *
 * Usage: Delete an existing metadata profile
 *
 * Server response type:         void
 * Server failure response type: KalturaAPIException
 */
export declare class MetadataProfileDeleteAction extends KalturaRequest<void> {
    static readonly metadata: KalturaTypeMetadata;
    id: number;
    constructor(data: MetadataProfileDeleteActionArgs);
}
