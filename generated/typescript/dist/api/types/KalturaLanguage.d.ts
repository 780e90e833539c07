export declare enum KalturaLanguage {
    ady = "Adyghe; Adygei",
    ain = "Ainu (Japan)",
    zh = "Chinese",
    del = "Delaware",
    en = "English",
    fr = "French",
    he = "Hebrew",
    is = "Icelandic"
}
