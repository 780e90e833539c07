import { KalturaRequest, type KalturaRequestArgs } from '../kaltura-request.js';
import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaMetadataProfile } from './KalturaMetadataProfile.js';
export interface MetadataProfileAddActionArgs extends KalturaRequestArgs {
    metadataProfile: KalturaMetadataProfile;
    /** XSD metadata definition */
    xsdData: string;
    /** UI views definition */
    viewsData?: string | null;
}
/**
 * Build request payload for service 'metadataProfile' action 'add'.
 *
 * Usage: Allows you to add a metadata profile object and metadata profile content associated with
 * Kaltura object type
 *
 * Server response type:         KalturaMetadataProfile
 * Server failure response type: KalturaAPIException
 */
export declare class MetadataProfileAddAction extends KalturaRequest<KalturaMetadataProfile> {
    static readonly metadata: KalturaTypeMetadata;
    metadataProfile: KalturaMetadataProfile;
    /** XSD metadata definition */
    xsdData: string;
    /** UI views definition */
    viewsData?: string | null;
    constructor(data: MetadataProfileAddActionArgs);
}
