import { KalturaRequest, type KalturaRequestArgs } from '../kaltura-request.js';
import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaMetadata } from './KalturaMetadata.js';
export interface MetadataUpdateActionArgs extends KalturaRequestArgs {
    id: number;
    /** XML metadata */
    xmlData?: string | null;
    /** Enable update only if the metadata object version did not change by other process */
    version?: number | null;
}
/**
 * Build request payload for service 'metadata' action 'update'.
 *
 * Usage: Update an existing metadata object with new XML content
 *
 * Server response type:         KalturaMetadata
 * Server failure response type: KalturaAPIException
 */
export declare class MetadataUpdateAction extends KalturaRequest<KalturaMetadata> {
    static readonly metadata: KalturaTypeMetadata;
    id: number;
    /** XML metadata */
    xmlData?: string | null;
    /** Enable update only if the metadata object version did not change by other process */
    version?: number | null;
    constructor(data: MetadataUpdateActionArgs);
}
