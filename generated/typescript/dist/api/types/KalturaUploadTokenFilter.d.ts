import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaUploadTokenBaseFilter, type KalturaUploadTokenBaseFilterArgs } from './KalturaUploadTokenBaseFilter.js';
export interface KalturaUploadTokenFilterArgs extends KalturaUploadTokenBaseFilterArgs {
}
export declare class KalturaUploadTokenFilter extends KalturaUploadTokenBaseFilter {
    static readonly metadata: KalturaTypeMetadata;
    constructor(data?: KalturaUploadTokenFilterArgs);
}
