import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaGenericDataCenterContentResource, type KalturaGenericDataCenterContentResourceArgs } from './KalturaGenericDataCenterContentResource.js';
export interface KalturaUploadedFileTokenResourceArgs extends KalturaGenericDataCenterContentResourceArgs {
    /** Token that returned from upload.upload action or uploadToken.add action. */
    token?: string | null;
}
/**
 * Used to ingest media that uploaded to the system and represented by token that returned from
 * upload.upload action or uploadToken.add action.
 */
export declare class KalturaUploadedFileTokenResource extends KalturaGenericDataCenterContentResource {
    static readonly metadata: KalturaTypeMetadata;
    /** Token that returned from upload.upload action or uploadToken.add action. */
    token?: string | null;
    constructor(data?: KalturaUploadedFileTokenResourceArgs);
}
