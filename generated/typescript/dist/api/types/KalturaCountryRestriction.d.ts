import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaBaseRestriction, type KalturaBaseRestrictionArgs } from './KalturaBaseRestriction.js';
import type { KalturaCountryRestrictionType } from './KalturaCountryRestrictionType.js';
export interface KalturaCountryRestrictionArgs extends KalturaBaseRestrictionArgs {
    /** Country restriction type (Allow or deny) */
    countryRestrictionType?: KalturaCountryRestrictionType | null;
    /** Comma separated list of country codes to allow to deny */
    countryList?: string | null;
}
/** @deprecated */
export declare class KalturaCountryRestriction extends KalturaBaseRestriction {
    static readonly metadata: KalturaTypeMetadata;
    /** Country restriction type (Allow or deny) */
    countryRestrictionType?: KalturaCountryRestrictionType | null;
    /** Comma separated list of country codes to allow to deny */
    countryList?: string | null;
    constructor(data?: KalturaCountryRestrictionArgs);
}
