/** An error raised by the client itself: bad arguments, transport failures, HTTP errors, unreadable responses. */
export class KalturaClientException extends Error {
    /** A stable machine-readable code, e.g. `client::http-error`, `client::timeout`. */
    code;
    /** Extra details (e.g. `{ status: 502 }` for HTTP errors). */
    args;
    constructor(code, message, args = {}) {
        super(message);
        this.name = 'KalturaClientException';
        this.code = code;
        this.args = args;
        Object.setPrototypeOf(this, new.target.prototype);
    }
}
