export declare enum KalturaEntryStatus {
    errorImporting = "-2",
    errorConverting = "-1",
    import = "0",
    preconvert = "1",
    ready = "2",
    deleted = "3",
    pending = "4",
    moderate = "5",
    blocked = "6",
    noContent = "7",
    infected = "virusScan.Infected",
    scanFailure = "virusScan.ScanFailure"
}
