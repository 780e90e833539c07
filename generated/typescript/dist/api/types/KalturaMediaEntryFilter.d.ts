import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaMediaEntryBaseFilter, type KalturaMediaEntryBaseFilterArgs } from './KalturaMediaEntryBaseFilter.js';
export interface KalturaMediaEntryFilterArgs extends KalturaMediaEntryBaseFilterArgs {
}
export declare class KalturaMediaEntryFilter extends KalturaMediaEntryBaseFilter {
    static readonly metadata: KalturaTypeMetadata;
    constructor(data?: KalturaMediaEntryFilterArgs);
}
