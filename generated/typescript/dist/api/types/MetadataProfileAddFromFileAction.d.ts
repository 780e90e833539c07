import { KalturaUploadRequest, type KalturaUploadRequestArgs } from '../kaltura-request.js';
import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaMetadataProfile } from './KalturaMetadataProfile.js';
export interface MetadataProfileAddFromFileActionArgs extends KalturaUploadRequestArgs {
    metadataProfile: KalturaMetadataProfile;
    /** XSD metadata definition */
    xsdFile: Blob;
    /** UI views definition */
    viewsFile?: Blob | null;
}
/**
 * Build request payload for service 'metadataProfile' action 'addFromFile'.
 *
 * Usage: Allows you to add a metadata profile object and metadata profile file associated with
 * Kaltura object type
 *
 * Server response type:         KalturaMetadataProfile
 * Server failure response type: KalturaAPIException
 */
export declare class MetadataProfileAddFromFileAction extends KalturaUploadRequest<KalturaMetadataProfile> {
    static readonly metadata: KalturaTypeMetadata;
    metadataProfile: KalturaMetadataProfile;
    /** XSD metadata definition */
    xsdFile: Blob;
    /** UI views definition */
    viewsFile?: Blob | null;
    constructor(data: MetadataProfileAddFromFileActionArgs);
}
