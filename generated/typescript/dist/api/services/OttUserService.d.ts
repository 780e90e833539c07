import type { CancelablePromise, KalturaCallOptions, KalturaClient } from '../../kaltura-client.js';
import { type OttUserGetDynamicDataActionArgs } from '../types/OttUserGetDynamicDataAction.js';
import { type OttUserGetServerTimeActionArgs } from '../types/OttUserGetServerTimeAction.js';
import { type OttUserListActionArgs } from '../types/OttUserListAction.js';
import { type OttUserLoginActionArgs } from '../types/OttUserLoginAction.js';
import type { KalturaKeyValue } from '../types/KalturaKeyValue.js';
import type { KalturaLoginResponse } from '../types/KalturaLoginResponse.js';
import type { KalturaStringValue } from '../types/KalturaStringValue.js';
/** Service 'ottUser': (sample) OTT-style service: JSON-only request format, numeric error codes */
export declare class OttUserService {
    readonly client: KalturaClient;
    constructor(client: KalturaClient);
    /** login with user name and password. */
    login(data: OttUserLoginActionArgs, options?: KalturaCallOptions): CancelablePromise<KalturaLoginResponse>;
    /** (sample) no real schema has a map result; this one does */
    getDynamicData(data: OttUserGetDynamicDataActionArgs, options?: KalturaCallOptions): CancelablePromise<Record<string, KalturaStringValue>>;
    /** Returns current server timestamp */
    getServerTime(data?: OttUserGetServerTimeActionArgs, options?: KalturaCallOptions): CancelablePromise<number>;
    /** (sample) an action named like a builtin, returning an array, with a string-enum param */
    list(data?: OttUserListActionArgs, options?: KalturaCallOptions): CancelablePromise<KalturaKeyValue[]>;
}
