import { KalturaRequest, type KalturaRequestArgs } from '../kaltura-request.js';
import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaStringValue } from './KalturaStringValue.js';
export interface OttUserGetDynamicDataActionArgs extends KalturaRequestArgs {
    /** Keys to return */
    keys: KalturaStringValue[];
}
/**
 * Build request payload for service 'ottUser' action 'getDynamicData'.
 *
 * Usage: (sample) no real schema has a map result; this one does
 *
 * Server response type:         Record<string, KalturaStringValue>
 * Server failure response type: KalturaAPIException
 */
export declare class OttUserGetDynamicDataAction extends KalturaRequest<Record<string, KalturaStringValue>> {
    static readonly metadata: KalturaTypeMetadata;
    /** Keys to return */
    keys: KalturaStringValue[];
    constructor(data: OttUserGetDynamicDataActionArgs);
}
