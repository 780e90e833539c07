/** An error returned by the Kaltura server (`objectType: "KalturaAPIException"`). */
export declare class KalturaAPIException extends Error {
    /** The server's error code, e.g. `ENTRY_ID_NOT_FOUND`. */
    readonly code: string;
    /** The error's arguments by name (the server's `args`, as a plain record). */
    readonly args: Readonly<Record<string, string>>;
    constructor(message: string, code: string, args?: Readonly<Record<string, string>>);
    /** Build from a response object; `args` may be a record or a list of `{name, value}`. */
    static fromResponse(raw: Readonly<Record<string, unknown>>): KalturaAPIException;
}
