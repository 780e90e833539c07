import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaBaseEntryFilter, type KalturaBaseEntryFilterArgs } from './KalturaBaseEntryFilter.js';
export interface KalturaPlayableEntryBaseFilterArgs extends KalturaBaseEntryFilterArgs {
    durationLessThan?: number | null;
    durationGreaterThan?: number | null;
    durationTypeMatchOr?: string | null;
}
export declare class KalturaPlayableEntryBaseFilter extends KalturaBaseEntryFilter {
    static readonly metadata: KalturaTypeMetadata;
    durationLessThan?: number | null;
    durationGreaterThan?: number | null;
    durationTypeMatchOr?: string | null;
    constructor(data?: KalturaPlayableEntryBaseFilterArgs);
}
