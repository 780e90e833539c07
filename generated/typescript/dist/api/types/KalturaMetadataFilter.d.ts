import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaMetadataBaseFilter, type KalturaMetadataBaseFilterArgs } from './KalturaMetadataBaseFilter.js';
export interface KalturaMetadataFilterArgs extends KalturaMetadataBaseFilterArgs {
}
export declare class KalturaMetadataFilter extends KalturaMetadataBaseFilter {
    static readonly metadata: KalturaTypeMetadata;
    constructor(data?: KalturaMetadataFilterArgs);
}
