import { KalturaRequest, type KalturaRequestArgs } from '../kaltura-request.js';
import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaMetadata } from './KalturaMetadata.js';
export interface MetadataGetActionArgs extends KalturaRequestArgs {
    id: number;
}
/**
 * Build request payload for service 'metadata' action 'get'.
 *
 * Usage: Retrieve a metadata object by id
 *
 * Server response type:         KalturaMetadata
 * Server failure response type: KalturaAPIException
 */
export declare class MetadataGetAction extends KalturaRequest<KalturaMetadata> {
    static readonly metadata: KalturaTypeMetadata;
    id: number;
    constructor(data: MetadataGetActionArgs);
}
