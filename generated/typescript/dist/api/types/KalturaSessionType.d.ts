export declare enum KalturaSessionType {
    user = 0,
    admin = 2
}
