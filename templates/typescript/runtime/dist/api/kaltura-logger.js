// The official client's logger settings, kept so code that silences it still compiles. This
// client never logs (in particular never the KS), so the settings have no effect.
export var LogLevels;
(function (LogLevels) {
    LogLevels[LogLevels["info"] = 0] = "info";
    LogLevels[LogLevels["warn"] = 1] = "warn";
    LogLevels[LogLevels["error"] = 2] = "error";
    LogLevels[LogLevels["none"] = 100] = "none";
})(LogLevels || (LogLevels = {}));
export const LoggerSettings = { logLevel: LogLevels.warn };
/** The official client's logger; kept for source compatibility, it writes nothing. */
export class KalturaLogger {
    _name;
    constructor(_name) {
        this._name = _name;
    }
    get name() {
        return this._name;
    }
    warn(_message) { }
    info(_message) { }
    error(_message) { }
}
