export declare enum KalturaMediaEntryOrderBy {
    createdAtAsc = "+createdAt",
    durationAsc = "+duration",
    nameAsc = "+name",
    updatedAtAsc = "+updatedAt",
    createdAtDesc = "-createdAt",
    durationDesc = "-duration",
    nameDesc = "-name",
    updatedAtDesc = "-updatedAt"
}
