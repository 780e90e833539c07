import type { CancelablePromise, KalturaCallOptions, KalturaClient } from '../../kaltura-client.js';
import { type SystemGetTimeActionArgs } from '../types/SystemGetTimeAction.js';
import { type SystemGetVersionActionArgs } from '../types/SystemGetVersionAction.js';
import { type SystemPingActionArgs } from '../types/SystemPingAction.js';
/**
 * Service 'system': System service is used for internal system helpers & to retrieve system level
 * information
 */
export declare class SystemService {
    readonly client: KalturaClient;
    constructor(client: KalturaClient);
    getTime(data?: SystemGetTimeActionArgs, options?: KalturaCallOptions): CancelablePromise<number>;
    /** (sample) written the ovp-3.1.1 way: no enableInMultiRequest, no sessionRequired */
    getVersion(data?: SystemGetVersionActionArgs, options?: KalturaCallOptions): CancelablePromise<string>;
    /**
     * Hostile text (sample): "quoted", back\slash\, """triple""", *\/ --> ${x} {{ y }}, CR/LF, naïve
     * ≤ ✓
     */
    ping(data?: SystemPingActionArgs, options?: KalturaCallOptions): CancelablePromise<boolean>;
}
