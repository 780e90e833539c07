export declare enum KalturaSkipOptions {
    no = "No",
    previous = "Previous",
    any = "Any"
}
