export declare enum KalturaMetadataProfileStatus {
    active = 1,
    deprecated = 2,
    transforming = 3
}
