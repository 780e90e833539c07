// The official client's logger settings, kept so code that silences it still compiles. This
// client never logs (in particular never the KS), so the settings have no effect.
export enum LogLevels {
    info = 0,
    warn = 1,
    error = 2,
    none = 100,
}

export const LoggerSettings: { logLevel: LogLevels } = { logLevel: LogLevels.warn };

/** The official client's logger; kept for source compatibility, it writes nothing. */
export class KalturaLogger {
    constructor(private readonly _name: string) {}

    get name(): string {
        return this._name;
    }

    warn(_message: string): void {}

    info(_message: string): void {}

    error(_message: string): void {}
}
