import { KalturaRequest, type KalturaRequestArgs } from '../kaltura-request.js';
import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaMetadataProfile } from './KalturaMetadataProfile.js';
export interface MetadataProfileUpdateActionArgs extends KalturaRequestArgs {
    id: number;
    metadataProfile: KalturaMetadataProfile;
    /** XSD metadata definition */
    xsdData?: string | null;
    /** UI views definition */
    viewsData?: string | null;
}
/**
 * Build request payload for service 'metadataProfile' action 'update'.
 *
 * Usage: Update an existing metadata object
 *
 * Server response type:         KalturaMetadataProfile
 * Server failure response type: KalturaAPIException
 */
export declare class MetadataProfileUpdateAction extends KalturaRequest<KalturaMetadataProfile> {
    static readonly metadata: KalturaTypeMetadata;
    id: number;
    metadataProfile: KalturaMetadataProfile;
    /** XSD metadata definition */
    xsdData?: string | null;
    /** UI views definition */
    viewsData?: string | null;
    constructor(data: MetadataProfileUpdateActionArgs);
}
