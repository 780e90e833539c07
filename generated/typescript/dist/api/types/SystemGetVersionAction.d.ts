import { KalturaRequest, type KalturaRequestArgs } from '../kaltura-request.js';
import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
export interface SystemGetVersionActionArgs extends KalturaRequestArgs {
}
/**
 * Build request payload for service 'system' action 'getVersion'.
 *
 * Usage: (sample) written the ovp-3.1.1 way: no enableInMultiRequest, no sessionRequired
 *
 * Server response type:         string
 * Server failure response type: KalturaAPIException
 */
export declare class SystemGetVersionAction extends KalturaRequest<string> {
    static readonly metadata: KalturaTypeMetadata;
    constructor(data?: SystemGetVersionActionArgs);
}
