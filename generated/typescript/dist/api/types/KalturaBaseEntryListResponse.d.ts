import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaListResponse, type KalturaListResponseArgs } from './KalturaListResponse.js';
import type { KalturaBaseEntry } from './KalturaBaseEntry.js';
export interface KalturaBaseEntryListResponseArgs extends KalturaListResponseArgs {
}
export declare class KalturaBaseEntryListResponse extends KalturaListResponse {
    static readonly metadata: KalturaTypeMetadata;
    readonly objects?: KalturaBaseEntry[];
    constructor(data?: KalturaBaseEntryListResponseArgs);
}
