export declare enum KalturaEntryCapability {
    kalturaInteractivityCapabilityName = "interactivity.interactivity",
    kalturaQuizCapabilityName = "quiz.quiz"
}
