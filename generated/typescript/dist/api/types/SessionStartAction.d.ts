import { KalturaRequest, type KalturaRequestArgs } from '../kaltura-request.js';
import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import type { KalturaSessionType } from './KalturaSessionType.js';
export interface SessionStartActionArgs extends KalturaRequestArgs {
    /** Remember to provide the correct secret according to the sessionType you want */
    secret: string;
    userId?: string | null;
    /** Regular session or Admin session */
    type?: KalturaSessionType | null;
    partnerId?: number | null;
    /** KS expiry time in seconds */
    expiry?: number | null;
    privileges?: string | null;
}
/**
 * Build request payload for service 'session' action 'start'.
 *
 * Usage: Start a session with Kaltura's server.
 *          The result KS is the session key that you should pass to all services that requires a
 * ticket.
 *
 * Server response type:         string
 * Server failure response type: KalturaAPIException
 */
export declare class SessionStartAction extends KalturaRequest<string> {
    static readonly metadata: KalturaTypeMetadata;
    /** Remember to provide the correct secret according to the sessionType you want */
    secret: string;
    userId?: string | null;
    /** Regular session or Admin session */
    type?: KalturaSessionType | null;
    partnerId?: number | null;
    /** KS expiry time in seconds */
    expiry?: number | null;
    privileges?: string | null;
    constructor(data: SessionStartActionArgs);
}
