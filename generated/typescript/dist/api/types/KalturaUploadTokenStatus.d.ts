export declare enum KalturaUploadTokenStatus {
    pending = 0,
    partialUpload = 1,
    fullUpload = 2,
    closed = 3,
    timedOut = 4,
    deleted = 5
}
