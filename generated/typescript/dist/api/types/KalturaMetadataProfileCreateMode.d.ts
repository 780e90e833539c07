export declare enum KalturaMetadataProfileCreateMode {
    api = 1,
    kmc = 2,
    app = 3
}
