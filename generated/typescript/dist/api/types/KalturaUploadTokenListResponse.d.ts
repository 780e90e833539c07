import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaListResponse, type KalturaListResponseArgs } from './KalturaListResponse.js';
import type { KalturaUploadToken } from './KalturaUploadToken.js';
export interface KalturaUploadTokenListResponseArgs extends KalturaListResponseArgs {
}
export declare class KalturaUploadTokenListResponse extends KalturaListResponse {
    static readonly metadata: KalturaTypeMetadata;
    readonly objects?: KalturaUploadToken[];
    constructor(data?: KalturaUploadTokenListResponseArgs);
}
