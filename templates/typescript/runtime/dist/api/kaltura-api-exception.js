/** An error returned by the Kaltura server (`objectType: "KalturaAPIException"`). */
export class KalturaAPIException extends Error {
    /** The server's error code, e.g. `ENTRY_ID_NOT_FOUND`. */
    code;
    /** The error's arguments by name (the server's `args`, as a plain record). */
    args;
    constructor(message, code, args = {}) {
        super(message);
        this.name = 'KalturaAPIException';
        this.code = code;
        this.args = args;
        Object.setPrototypeOf(this, new.target.prototype);
    }
    /** Build from a response object; `args` may be a record or a list of `{name, value}`. */
    static fromResponse(raw) {
        const args = {};
        const rawArgs = raw['args'];
        if (Array.isArray(rawArgs)) {
            for (const item of rawArgs) {
                if (item !== null && typeof item === 'object') {
                    const { name, value } = item;
                    if (typeof name === 'string')
                        args[name] = value == null ? '' : String(value);
                }
            }
        }
        else if (rawArgs !== null && typeof rawArgs === 'object') {
            for (const [name, value] of Object.entries(rawArgs)) {
                args[name] = value == null ? '' : String(value);
            }
        }
        const message = typeof raw['message'] === 'string' ? raw['message'] : '';
        const code = raw['code'] == null ? '' : String(raw['code']);
        return new KalturaAPIException(message, code, args);
    }
}
