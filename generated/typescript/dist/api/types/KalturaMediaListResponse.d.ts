import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaListResponse, type KalturaListResponseArgs } from './KalturaListResponse.js';
import type { KalturaMediaEntry } from './KalturaMediaEntry.js';
export interface KalturaMediaListResponseArgs extends KalturaListResponseArgs {
}
export declare class KalturaMediaListResponse extends KalturaListResponse {
    static readonly metadata: KalturaTypeMetadata;
    readonly objects?: KalturaMediaEntry[];
    constructor(data?: KalturaMediaListResponseArgs);
}
