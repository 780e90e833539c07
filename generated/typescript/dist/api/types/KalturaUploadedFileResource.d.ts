import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaGenericDataCenterContentResource, type KalturaGenericDataCenterContentResourceArgs } from './KalturaGenericDataCenterContentResource.js';
export interface KalturaUploadedFileResourceArgs extends KalturaGenericDataCenterContentResourceArgs {
    /** Represents the $_FILE */
    fileData?: Blob | null;
}
/**
 * sed to ingest media that uploaded as posted file in this http request, the file data represents
 * the $_FILE
 */
export declare class KalturaUploadedFileResource extends KalturaGenericDataCenterContentResource {
    static readonly metadata: KalturaTypeMetadata;
    /** Represents the $_FILE */
    fileData?: Blob | null;
    constructor(data?: KalturaUploadedFileResourceArgs);
}
