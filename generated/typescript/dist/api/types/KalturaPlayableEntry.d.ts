import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaBaseEntry, type KalturaBaseEntryArgs } from './KalturaBaseEntry.js';
import type { KalturaDurationType } from './KalturaDurationType.js';
export interface KalturaPlayableEntryArgs extends KalturaBaseEntryArgs {
    /** The duration in miliseconds */
    msDuration?: number | null;
}
export declare class KalturaPlayableEntry extends KalturaBaseEntry {
    static readonly metadata: KalturaTypeMetadata;
    /** Number of plays */
    readonly plays?: number;
    /** Number of views */
    readonly views?: number;
    /** The last time the entry was played */
    readonly lastPlayedAt?: Date;
    /** The width in pixels */
    readonly width?: number;
    /** The height in pixels */
    readonly height?: number;
    /** The duration in seconds */
    readonly duration?: number;
    /** The duration in miliseconds */
    msDuration?: number | null;
    /** The duration type (short for 0-4 mins, medium for 4-20 mins, long for 20+ mins) */
    readonly durationType?: KalturaDurationType;
    constructor(data?: KalturaPlayableEntryArgs);
}
