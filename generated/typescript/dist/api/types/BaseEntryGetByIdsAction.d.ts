import { KalturaRequest, type KalturaRequestArgs } from '../kaltura-request.js';
import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaBaseEntry } from './KalturaBaseEntry.js';
export interface BaseEntryGetByIdsActionArgs extends KalturaRequestArgs {
    /** Comma separated string of entry ids */
    entryIds: string;
}
/**
 * Build request payload for service 'baseEntry' action 'getByIds'.
 *
 * Usage: Get an array of KalturaBaseEntry objects by a comma-separated list of ids.
 *
 * Server response type:         KalturaBaseEntry[]
 * Server failure response type: KalturaAPIException
 */
export declare class BaseEntryGetByIdsAction extends KalturaRequest<KalturaBaseEntry[]> {
    static readonly metadata: KalturaTypeMetadata;
    /** Comma separated string of entry ids */
    entryIds: string;
    constructor(data: BaseEntryGetByIdsActionArgs);
}
