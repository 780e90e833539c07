export declare enum KalturaEntryType {
    automatic = "-1",
    mediaClip = "1",
    mix = "2",
    playlist = "5",
    data = "6",
    liveStream = "7",
    liveChannel = "8",
    document = "10",
    conferenceEntryServer = "conference.CONFERENCE_ENTRY_SERVER",
    externalMedia = "externalMedia.externalMedia"
}
