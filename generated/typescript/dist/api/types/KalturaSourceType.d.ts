export declare enum KalturaSourceType {
    file = "1",
    webcam = "2",
    url = "5",
    searchProvider = "6",
    liveStream = "32",
    clip = "35"
}
