import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaBaseResponseProfile, type KalturaBaseResponseProfileArgs } from './KalturaBaseResponseProfile.js';
import type { KalturaFilterPager } from './KalturaFilterPager.js';
import type { KalturaRelatedFilter } from './KalturaRelatedFilter.js';
import type { KalturaResponseProfileMapping } from './KalturaResponseProfileMapping.js';
import type { KalturaResponseProfileType } from './KalturaResponseProfileType.js';
export interface KalturaDetachedResponseProfileArgs extends KalturaBaseResponseProfileArgs {
    /** Friendly name */
    name?: string | null;
    type?: KalturaResponseProfileType | null;
    /** Comma separated fields list to be included or excluded */
    fields?: string | null;
    filter?: KalturaRelatedFilter | null;
    pager?: KalturaFilterPager | null;
    relatedProfiles?: KalturaDetachedResponseProfile[] | null;
    mappings?: KalturaResponseProfileMapping[] | null;
}
export declare class KalturaDetachedResponseProfile extends KalturaBaseResponseProfile {
    static readonly metadata: KalturaTypeMetadata;
    /** Friendly name */
    name?: string | null;
    type?: KalturaResponseProfileType | null;
    /** Comma separated fields list to be included or excluded */
    fields?: string | null;
    filter?: KalturaRelatedFilter | null;
    pager?: KalturaFilterPager | null;
    relatedProfiles?: KalturaDetachedResponseProfile[] | null;
    mappings?: KalturaResponseProfileMapping[] | null;
    constructor(data?: KalturaDetachedResponseProfileArgs);
}
