import { KalturaRequest, type KalturaRequestArgs } from '../kaltura-request.js';
import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
export interface SystemGetTimeActionArgs extends KalturaRequestArgs {
}
/**
 * Build request payload for service 'system' action 'getTime'.
 *
 * Server response type:         number
 * Server failure response type: KalturaAPIException
 */
export declare class SystemGetTimeAction extends KalturaRequest<number> {
    static readonly metadata: KalturaTypeMetadata;
    constructor(data?: SystemGetTimeActionArgs);
}
