import { KalturaRequest, type KalturaRequestArgs } from '../kaltura-request.js';
import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaMetadataProfile } from './KalturaMetadataProfile.js';
export interface MetadataProfileGetActionArgs extends KalturaRequestArgs {
    id: number;
}
/**
 * Build request payload for service 'metadataProfile' action 'get'.
 *
 * Usage: Retrieve a metadata profile object by id
 *
 * Server response type:         KalturaMetadataProfile
 * Server failure response type: KalturaAPIException
 */
export declare class MetadataProfileGetAction extends KalturaRequest<KalturaMetadataProfile> {
    static readonly metadata: KalturaTypeMetadata;
    id: number;
    constructor(data: MetadataProfileGetActionArgs);
}
