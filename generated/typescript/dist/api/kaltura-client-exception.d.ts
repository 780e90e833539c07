/** An error raised by the client itself: bad arguments, transport failures, HTTP errors, unreadable responses. */
export declare class KalturaClientException extends Error {
    /** A stable machine-readable code, e.g. `client::http-error`, `client::timeout`. */
    readonly code: string;
    /** Extra details (e.g. `{ status: 502 }` for HTTP errors). */
    readonly args: Readonly<Record<string, unknown>>;
    constructor(code: string, message: string, args?: Readonly<Record<string, unknown>>);
}
