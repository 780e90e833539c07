export declare enum KalturaDocumentType {
    document = 11,
    swf = 12,
    pdf = 13
}
