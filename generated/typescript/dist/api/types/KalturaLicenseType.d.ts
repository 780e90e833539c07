export declare enum KalturaLicenseType {
    unknown = -1,
    none = 0,
    copyrighted = 1,
    publicDomain = 2
}
