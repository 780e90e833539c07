import { KalturaRequest, type KalturaRequestArgs } from '../kaltura-request.js';
import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaMetadata } from './KalturaMetadata.js';
import type { KalturaMetadataObjectType } from './KalturaMetadataObjectType.js';
export interface MetadataAddActionArgs extends KalturaRequestArgs {
    metadataProfileId: number;
    objectType: KalturaMetadataObjectType;
    objectId: string;
    /** XML metadata */
    xmlData: string;
}
/**
 * Build request payload for service 'metadata' action 'add'.
 *
 * Usage: Allows you to add a metadata object and metadata content associated with Kaltura object
 *
 * Server response type:         KalturaMetadata
 * Server failure response type: KalturaAPIException
 */
export declare class MetadataAddAction extends KalturaRequest<KalturaMetadata> {
    static readonly metadata: KalturaTypeMetadata;
    metadataProfileId: number;
    objectType: KalturaMetadataObjectType;
    objectId: string;
    /** XML metadata */
    xmlData: string;
    constructor(data: MetadataAddActionArgs);
}
