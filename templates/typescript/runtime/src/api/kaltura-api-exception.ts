/** An error returned by the Kaltura server (`objectType: "KalturaAPIException"`). */
export class KalturaAPIException extends Error {
    /** The server's error code, e.g. `ENTRY_ID_NOT_FOUND`. */
    readonly code: string;
    /** The error's arguments by name (the server's `args`, as a plain record). */
    readonly args: Readonly<Record<string, string>>;

    constructor(message: string, code: string, args: Readonly<Record<string, string>> = {}) {
        super(message);
        this.name = 'KalturaAPIException';
        this.code = code;
        this.args = args;
        Object.setPrototypeOf(this, new.target.prototype);
    }

    /** Build from a response object; `args` may be a record or a list of `{name, value}`. */
    static fromResponse(raw: Readonly<Record<string, unknown>>): KalturaAPIException {
        const args: Record<string, string> = {};
        const rawArgs = raw['args'];
        if (Array.isArray(rawArgs)) {
            for (const item of rawArgs as unknown[]) {
                if (item !== null && typeof item === 'object') {
                    const { name, value } = item as { name?: unknown; value?: unknown };
                    if (typeof name === 'string') args[name] = value == null ? '' : String(value);
                }
            }
        } else if (rawArgs !== null && typeof rawArgs === 'object') {
            for (const [name, value] of Object.entries(rawArgs as Record<string, unknown>)) {
                args[name] = value == null ? '' : String(value);
            }
        }
        const message = typeof raw['message'] === 'string' ? raw['message'] : '';
        const code = raw['code'] == null ? '' : String(raw['code']);
        return new KalturaAPIException(message, code, args);
    }
}
