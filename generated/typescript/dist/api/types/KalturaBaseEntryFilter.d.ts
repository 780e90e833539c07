import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaBaseEntryBaseFilter, type KalturaBaseEntryBaseFilterArgs } from './KalturaBaseEntryBaseFilter.js';
import type { KalturaNullableBoolean } from './KalturaNullableBoolean.js';
export interface KalturaBaseEntryFilterArgs extends KalturaBaseEntryBaseFilterArgs {
    freeText?: string | null;
    isRoot?: KalturaNullableBoolean | null;
}
export declare class KalturaBaseEntryFilter extends KalturaBaseEntryBaseFilter {
    static readonly metadata: KalturaTypeMetadata;
    freeText?: string | null;
    isRoot?: KalturaNullableBoolean | null;
    constructor(data?: KalturaBaseEntryFilterArgs);
}
