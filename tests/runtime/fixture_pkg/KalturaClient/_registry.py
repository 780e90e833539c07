CLASS_MODULES: dict[str, str] = {
    name: "KalturaClient.Plugins.Core"
    for name in (
        "KalturaListResponse",
        "KalturaBaseEntry",
        "KalturaPlayableEntry",
        "KalturaMediaEntry",
        "KalturaBaseEntryFilter",
        "KalturaMediaEntryFilter",
        "KalturaFilterPager",
        "KalturaMediaListResponse",
        "KalturaTag",
        "KalturaUploadToken",
        "KalturaMetadata",
    )
}
ENUM_MODULES: dict[str, str] = {
    "KalturaMediaType": "KalturaClient.Plugins.Core",
    "KalturaEntryStatus": "KalturaClient.Plugins.Core",
    "KalturaSessionType": "KalturaClient.Plugins.Core",
}
