import { KalturaRequest, type KalturaRequestArgs } from '../kaltura-request.js';
import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaSessionInfo } from './KalturaSessionInfo.js';
export interface SessionGetActionArgs extends KalturaRequestArgs {
    /** The KS to be parsed, keep it empty to use current session. */
    session?: string | null;
}
/**
 * Build request payload for service 'session' action 'get'.
 *
 * Usage: Parse session key and return its info
 *
 * Server response type:         KalturaSessionInfo
 * Server failure response type: KalturaAPIException
 */
export declare class SessionGetAction extends KalturaRequest<KalturaSessionInfo> {
    static readonly metadata: KalturaTypeMetadata;
    /** The KS to be parsed, keep it empty to use current session. */
    session?: string | null;
    constructor(data?: SessionGetActionArgs);
}
