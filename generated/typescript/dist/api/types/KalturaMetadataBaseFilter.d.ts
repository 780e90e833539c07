import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaRelatedFilter, type KalturaRelatedFilterArgs } from './KalturaRelatedFilter.js';
import type { KalturaMetadataObjectType } from './KalturaMetadataObjectType.js';
import type { KalturaMetadataStatus } from './KalturaMetadataStatus.js';
export interface KalturaMetadataBaseFilterArgs extends KalturaRelatedFilterArgs {
    metadataProfileIdEqual?: number | null;
    /** When null, default is KalturaMetadataObjectType::ENTRY */
    metadataObjectTypeEqual?: KalturaMetadataObjectType | null;
    objectIdEqual?: string | null;
    objectIdIn?: string | null;
    statusEqual?: KalturaMetadataStatus | null;
}
export declare class KalturaMetadataBaseFilter extends KalturaRelatedFilter {
    static readonly metadata: KalturaTypeMetadata;
    metadataProfileIdEqual?: number | null;
    /** When null, default is KalturaMetadataObjectType::ENTRY */
    metadataObjectTypeEqual?: KalturaMetadataObjectType | null;
    objectIdEqual?: string | null;
    objectIdIn?: string | null;
    statusEqual?: KalturaMetadataStatus | null;
    constructor(data?: KalturaMetadataBaseFilterArgs);
}
