import type { CancelablePromise, KalturaCallOptions, KalturaClient } from '../../kaltura-client.js';
import { type SessionEndActionArgs } from '../types/SessionEndAction.js';
import { type SessionGetActionArgs } from '../types/SessionGetAction.js';
import { type SessionStartActionArgs } from '../types/SessionStartAction.js';
import type { KalturaSessionInfo } from '../types/KalturaSessionInfo.js';
/** Service 'session': Session service */
export declare class SessionService {
    readonly client: KalturaClient;
    constructor(client: KalturaClient);
    /** End a session with the Kaltura server, making the current KS invalid. */
    end(data?: SessionEndActionArgs, options?: KalturaCallOptions): CancelablePromise<void>;
    /** Parse session key and return its info */
    get(data?: SessionGetActionArgs, options?: KalturaCallOptions): CancelablePromise<KalturaSessionInfo>;
    /**
     * Start a session with Kaltura's server.   The result KS is the session key that you should
     * pass to all services that requires a ticket.
     */
    start(data: SessionStartActionArgs, options?: KalturaCallOptions): CancelablePromise<string>;
}
