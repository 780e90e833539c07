/** @deprecated */
export declare enum KalturaCountryRestrictionType {
    restrictCountryList = 0,
    allowCountryList = 1
}
