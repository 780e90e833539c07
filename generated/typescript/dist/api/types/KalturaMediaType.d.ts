export declare enum KalturaMediaType {
    video = 1,
    image = 2,
    audio = 5,
    liveStreamFlash = 201,
    liveStreamWindowsMedia = 202,
    liveStreamRealMedia = 203,
    liveStreamQuicktime = 204
}
