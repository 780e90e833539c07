import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaPlayableEntryFilter, type KalturaPlayableEntryFilterArgs } from './KalturaPlayableEntryFilter.js';
import type { KalturaMediaType } from './KalturaMediaType.js';
import type { KalturaSourceType } from './KalturaSourceType.js';
export interface KalturaMediaEntryBaseFilterArgs extends KalturaPlayableEntryFilterArgs {
    mediaTypeEqual?: KalturaMediaType | null;
    mediaTypeIn?: string | null;
    sourceTypeEqual?: KalturaSourceType | null;
    sourceTypeIn?: string | null;
    mediaDateGreaterThanOrEqual?: Date | null;
}
export declare class KalturaMediaEntryBaseFilter extends KalturaPlayableEntryFilter {
    static readonly metadata: KalturaTypeMetadata;
    mediaTypeEqual?: KalturaMediaType | null;
    mediaTypeIn?: string | null;
    sourceTypeEqual?: KalturaSourceType | null;
    sourceTypeIn?: string | null;
    mediaDateGreaterThanOrEqual?: Date | null;
    constructor(data?: KalturaMediaEntryBaseFilterArgs);
}
