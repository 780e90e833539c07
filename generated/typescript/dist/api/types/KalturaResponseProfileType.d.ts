export declare enum KalturaResponseProfileType {
    includeFields = 1,
    excludeFields = 2
}
