import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaFilter, type KalturaFilterArgs } from './KalturaFilter.js';
import type { KalturaUploadTokenStatus } from './KalturaUploadTokenStatus.js';
export interface KalturaUploadTokenBaseFilterArgs extends KalturaFilterArgs {
    idEqual?: string | null;
    idIn?: string | null;
    userIdEqual?: string | null;
    statusEqual?: KalturaUploadTokenStatus | null;
    statusIn?: string | null;
    fileSizeEqual?: number | null;
}
export declare class KalturaUploadTokenBaseFilter extends KalturaFilter {
    static readonly metadata: KalturaTypeMetadata;
    idEqual?: string | null;
    idIn?: string | null;
    userIdEqual?: string | null;
    statusEqual?: KalturaUploadTokenStatus | null;
    statusIn?: string | null;
    fileSizeEqual?: number | null;
    constructor(data?: KalturaUploadTokenBaseFilterArgs);
}
