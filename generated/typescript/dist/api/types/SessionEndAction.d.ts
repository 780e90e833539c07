import { KalturaRequest, type KalturaRequestArgs } from '../kaltura-request.js';
import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
export interface SessionEndActionArgs extends KalturaRequestArgs {
}
/**
 * Build request payload for service 'session' action 'end'.
 *
 * Usage: End a session with the Kaltura server, making the current KS invalid.
 *
 * Server response type:         void
 * Server failure response type: KalturaAPIException
 */
export declare class SessionEndAction extends KalturaRequest<void> {
    static readonly metadata: KalturaTypeMetadata;
    constructor(data?: SessionEndActionArgs);
}
