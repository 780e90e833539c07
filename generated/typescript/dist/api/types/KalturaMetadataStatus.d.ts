export declare enum KalturaMetadataStatus {
    valid = 1,
    invalid = 2,
    deleted = 3
}
