export declare enum KalturaEntryModerationStatus {
    pendingModeration = 1,
    approved = 2,
    rejected = 3,
    deleted = 4,
    flaggedForReview = 5,
    autoApproved = 6
}
