import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaFilter, type KalturaFilterArgs } from './KalturaFilter.js';
import type { KalturaMetadataObjectType } from './KalturaMetadataObjectType.js';
import type { KalturaMetadataProfileStatus } from './KalturaMetadataProfileStatus.js';
export interface KalturaMetadataProfileBaseFilterArgs extends KalturaFilterArgs {
    idEqual?: number | null;
    metadataObjectTypeEqual?: KalturaMetadataObjectType | null;
    metadataObjectTypeIn?: string | null;
    systemNameEqual?: string | null;
    statusEqual?: KalturaMetadataProfileStatus | null;
}
export declare class KalturaMetadataProfileBaseFilter extends KalturaFilter {
    static readonly metadata: KalturaTypeMetadata;
    idEqual?: number | null;
    metadataObjectTypeEqual?: KalturaMetadataObjectType | null;
    metadataObjectTypeIn?: string | null;
    systemNameEqual?: string | null;
    statusEqual?: KalturaMetadataProfileStatus | null;
    constructor(data?: KalturaMetadataProfileBaseFilterArgs);
}
