import { KalturaRequest, type KalturaRequestArgs } from '../kaltura-request.js';
import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
export interface SystemPingActionArgs extends KalturaRequestArgs {
}
/**
 * Build request payload for service 'system' action 'ping'.
 *
 * Usage: Hostile text (sample): "quoted", back\slash\, """triple""", *\/ --> ${x} {{ y }},
 * CR/LF, naïve ≤ ✓
 *
 * Server response type:         boolean
 * Server failure response type: KalturaAPIException
 */
export declare class SystemPingAction extends KalturaRequest<boolean> {
    static readonly metadata: KalturaTypeMetadata;
    constructor(data?: SystemPingActionArgs);
}
