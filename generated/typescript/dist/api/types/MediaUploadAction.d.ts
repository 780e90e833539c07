import { KalturaUploadRequest, type KalturaUploadRequestArgs } from '../kaltura-request.js';
import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
export interface MediaUploadActionArgs extends KalturaUploadRequestArgs {
    /** The file data */
    fileData: Blob;
}
/**
 * Build request payload for service 'media' action 'upload'.
 *
 * Usage: Upload a media file to Kaltura, then the file can be used to create a media entry.
 *
 * Server response type:         string
 * Server failure response type: KalturaAPIException
 * @deprecated
 */
export declare class MediaUploadAction extends KalturaUploadRequest<string> {
    static readonly metadata: KalturaTypeMetadata;
    /** The file data */
    fileData: Blob;
    constructor(data: MediaUploadActionArgs);
}
