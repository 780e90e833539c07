import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaMetadataProfileBaseFilter, type KalturaMetadataProfileBaseFilterArgs } from './KalturaMetadataProfileBaseFilter.js';
export interface KalturaMetadataProfileFilterArgs extends KalturaMetadataProfileBaseFilterArgs {
}
export declare class KalturaMetadataProfileFilter extends KalturaMetadataProfileBaseFilter {
    static readonly metadata: KalturaTypeMetadata;
    constructor(data?: KalturaMetadataProfileFilterArgs);
}
