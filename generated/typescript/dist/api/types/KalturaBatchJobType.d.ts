export declare enum KalturaBatchJobType {
    convert = "0",
    import = "1",
    delete = "2",
    bulkupload = "4",
    metadataImport = "27"
}
