export declare enum LogLevels {
    info = 0,
    warn = 1,
    error = 2,
    none = 100
}
export declare const LoggerSettings: {
    logLevel: LogLevels;
};
/** The official client's logger; kept for source compatibility, it writes nothing. */
export declare class KalturaLogger {
    private readonly _name;
    constructor(_name: string);
    get name(): string;
    warn(_message: string): void;
    info(_message: string): void;
    error(_message: string): void;
}
