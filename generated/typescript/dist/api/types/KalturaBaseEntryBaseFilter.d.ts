import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaRelatedFilter, type KalturaRelatedFilterArgs } from './KalturaRelatedFilter.js';
import type { KalturaEntryStatus } from './KalturaEntryStatus.js';
import type { KalturaEntryType } from './KalturaEntryType.js';
export interface KalturaBaseEntryBaseFilterArgs extends KalturaRelatedFilterArgs {
    /**
     * This filter should be in use for retrieving only a specific entry (identified by its
     * entryId).
     */
    idEqual?: string | null;
    /**
     * This filter should be in use for retrieving few specific entries (string should include comma
     * separated list of entryId strings).
     */
    idIn?: string | null;
    nameLike?: string | null;
    partnerIdEqual?: number | null;
    /**
     * This filter parameter should be in use for retrieving only entries, uploaded by/assigned to a
     * specific user (identified by user Id).
     */
    userIdEqual?: string | null;
    tagsLike?: string | null;
    statusEqual?: KalturaEntryStatus | null;
    statusIn?: string | null;
    typeEqual?: KalturaEntryType | null;
    createdAtGreaterThanOrEqual?: Date | null;
    createdAtLessThanOrEqual?: Date | null;
    referenceIdEqual?: string | null;
}
export declare class KalturaBaseEntryBaseFilter extends KalturaRelatedFilter {
    static readonly metadata: KalturaTypeMetadata;
    /**
     * This filter should be in use for retrieving only a specific entry (identified by its
     * entryId).
     */
    idEqual?: string | null;
    /**
     * This filter should be in use for retrieving few specific entries (string should include comma
     * separated list of entryId strings).
     */
    idIn?: string | null;
    nameLike?: string | null;
    partnerIdEqual?: number | null;
    /**
     * This filter parameter should be in use for retrieving only entries, uploaded by/assigned to a
     * specific user (identified by user Id).
     */
    userIdEqual?: string | null;
    tagsLike?: string | null;
    statusEqual?: KalturaEntryStatus | null;
    statusIn?: string | null;
    typeEqual?: KalturaEntryType | null;
    createdAtGreaterThanOrEqual?: Date | null;
    createdAtLessThanOrEqual?: Date | null;
    referenceIdEqual?: string | null;
    constructor(data?: KalturaBaseEntryBaseFilterArgs);
}
