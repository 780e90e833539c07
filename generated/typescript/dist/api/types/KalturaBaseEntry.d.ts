import { KalturaObjectBase, type KalturaObjectBaseArgs, type KalturaTypeMetadata } from '../kaltura-object-base.js';
import type { KalturaEntryModerationStatus } from './KalturaEntryModerationStatus.js';
import type { KalturaEntryStatus } from './KalturaEntryStatus.js';
import type { KalturaEntryType } from './KalturaEntryType.js';
import type { KalturaLicenseType } from './KalturaLicenseType.js';
import type { KalturaMultiLingualString } from './KalturaMultiLingualString.js';
import type { KalturaOperationAttributes } from './KalturaOperationAttributes.js';
export interface KalturaBaseEntryArgs extends KalturaObjectBaseArgs {
    /** Entry name (Min 1 chars) */
    name?: string | null;
    /** Entry name (Min 1 chars) */
    multiLingual_name?: KalturaMultiLingualString[] | null;
    /** Entry description */
    description?: string | null;
    /** The ID of the user who is the owner of this entry */
    userId?: string | null;
    /** The ID of the user who created this entry */
    creatorId?: string | null;
    /** Entry tags */
    tags?: string | null;
    /**
     * Comma separated list of full names of categories to which this entry belongs. Only categories
     * that don't have entitlement (privacy context) are listed, to retrieve the full list of
     * categories, use the categoryEntry.list action.
     * @deprecated
     */
    categories?: string | null;
    /** The type of the entry, this is auto filled by the derived entry object */
    type?: KalturaEntryType | null;
    /** License type used for this entry */
    licenseType?: KalturaLicenseType | null;
    /** Entry scheduling start date (null when not set, send -1 to remove) */
    startDate?: Date | null;
    /** Entry external reference id */
    referenceId?: string | null;
    /** clipping, skipping and cropping attributes that used to create this entry */
    operationAttributes?: KalturaOperationAttributes[] | null;
    /** Template entry id */
    templateEntryId?: string | null;
    /** Block auto transcript on Entry */
    blockAutoTranscript?: boolean | null;
}
export declare class KalturaBaseEntry extends KalturaObjectBase {
    static readonly metadata: KalturaTypeMetadata;
    /** Auto generated 10 characters alphanumeric string */
    readonly id?: string;
    /** Entry name (Min 1 chars) */
    name?: string | null;
    /** Entry name (Min 1 chars) */
    multiLingual_name?: KalturaMultiLingualString[] | null;
    /** Entry description */
    description?: string | null;
    readonly partnerId?: number;
    /** The ID of the user who is the owner of this entry */
    userId?: string | null;
    /** The ID of the user who created this entry */
    creatorId?: string | null;
    /** Entry tags */
    tags?: string | null;
    /**
     * Comma separated list of full names of categories to which this entry belongs. Only categories
     * that don't have entitlement (privacy context) are listed, to retrieve the full list of
     * categories, use the categoryEntry.list action.
     * @deprecated
     */
    categories?: string | null;
    readonly status?: KalturaEntryStatus;
    /** Entry moderation status */
    readonly moderationStatus?: KalturaEntryModerationStatus;
    /** The type of the entry, this is auto filled by the derived entry object */
    type?: KalturaEntryType | null;
    /** Entry creation date as Unix timestamp (In seconds) */
    readonly createdAt?: Date;
    /** Entry update date as Unix timestamp (In seconds) */
    readonly updatedAt?: Date;
    /** The calculated average rank. rank = totalRank / votes */
    readonly rank?: number;
    /** License type used for this entry */
    licenseType?: KalturaLicenseType | null;
    /** Version of the entry data */
    readonly version?: number;
    /** Thumbnail URL */
    readonly thumbnailUrl?: string;
    /** Entry scheduling start date (null when not set, send -1 to remove) */
    startDate?: Date | null;
    /** Entry external reference id */
    referenceId?: string | null;
    /** clipping, skipping and cropping attributes that used to create this entry */
    operationAttributes?: KalturaOperationAttributes[] | null;
    /**
     * Comma seperated string of the capabilities of the entry. Any capability needed can be added
     * to this list.
     */
    readonly capabilities?: string;
    /** Template entry id */
    templateEntryId?: string | null;
    /** Block auto transcript on Entry */
    blockAutoTranscript?: boolean | null;
    /** Entry's default language if the entry is multi lingual */
    readonly defaultLanguage?: string;
    constructor(data?: KalturaBaseEntryArgs);
}
