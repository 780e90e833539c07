import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaPlayableEntry, type KalturaPlayableEntryArgs } from './KalturaPlayableEntry.js';
import type { KalturaMediaType } from './KalturaMediaType.js';
import type { KalturaNullableBoolean } from './KalturaNullableBoolean.js';
import type { KalturaSourceType } from './KalturaSourceType.js';
import type { KalturaStreamContainer } from './KalturaStreamContainer.js';
export interface KalturaMediaEntryArgs extends KalturaPlayableEntryArgs {
    /** The media type of the entry */
    mediaType?: KalturaMediaType | null;
    /**
     * Override the default conversion quality
     * @deprecated
     */
    conversionQuality?: string | null;
    /** The source type of the entry */
    sourceType?: KalturaSourceType | null;
    /** The user name used for credits */
    creditUserName?: string | null;
    /** Array of streams that exists on the entry */
    streams?: KalturaStreamContainer[] | null;
}
export declare class KalturaMediaEntry extends KalturaPlayableEntry {
    static readonly metadata: KalturaTypeMetadata;
    /** The media type of the entry */
    mediaType?: KalturaMediaType | null;
    /**
     * Override the default conversion quality
     * @deprecated
     */
    conversionQuality?: string | null;
    /** The source type of the entry */
    sourceType?: KalturaSourceType | null;
    /** The user name used for credits */
    creditUserName?: string | null;
    /** The media date extracted from EXIF data (For images) as Unix timestamp (In seconds) */
    readonly mediaDate?: Date;
    /** The URL used for playback. This is not the download URL. */
    readonly dataUrl?: string;
    /** Comma separated flavor params ids that exists for this media entry */
    readonly flavorParamsIds?: string;
    /** True if trim action is disabled for this entry */
    readonly isTrimDisabled?: KalturaNullableBoolean;
    /** Array of streams that exists on the entry */
    streams?: KalturaStreamContainer[] | null;
    constructor(data?: KalturaMediaEntryArgs);
}
