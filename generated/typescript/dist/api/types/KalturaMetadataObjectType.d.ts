export declare enum KalturaMetadataObjectType {
    entry = "1",
    category = "2",
    user = "3",
    partner = "4",
    dynamicObject = "5",
    userEntry = "6",
    adCuePoint = "adCuePointMetadata.AdCuePoint",
    annotation = "annotationMetadata.Annotation"
}
