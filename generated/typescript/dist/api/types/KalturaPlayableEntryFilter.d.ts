import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaPlayableEntryBaseFilter, type KalturaPlayableEntryBaseFilterArgs } from './KalturaPlayableEntryBaseFilter.js';
export interface KalturaPlayableEntryFilterArgs extends KalturaPlayableEntryBaseFilterArgs {
}
export declare class KalturaPlayableEntryFilter extends KalturaPlayableEntryBaseFilter {
    static readonly metadata: KalturaTypeMetadata;
    constructor(data?: KalturaPlayableEntryFilterArgs);
}
