import { KalturaRequest, type KalturaRequestArgs } from '../kaltura-request.js';
import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
export interface OttUserGetServerTimeActionArgs extends KalturaRequestArgs {
}
/**
 * Build request payload for service 'ottUser' action 'getServerTime'.
 *
 * Usage: Returns current server timestamp
 *
 * Server response type:         number
 * Server failure response type: KalturaAPIException
 */
export declare class OttUserGetServerTimeAction extends KalturaRequest<number> {
    static readonly metadata: KalturaTypeMetadata;
    constructor(data?: OttUserGetServerTimeActionArgs);
}
