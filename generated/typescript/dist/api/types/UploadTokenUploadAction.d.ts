import { KalturaUploadRequest, type KalturaUploadRequestArgs } from '../kaltura-request.js';
import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaUploadToken } from './KalturaUploadToken.js';
export interface UploadTokenUploadActionArgs extends KalturaUploadRequestArgs {
    uploadTokenId: string;
    fileData: Blob;
    resume?: boolean | null;
    finalChunk?: boolean | null;
    resumeAt?: number | null;
}
/**
 * Build request payload for service 'uploadToken' action 'upload'.
 *
 * Usage: Upload a file using the upload token id, returns an error on failure (an exception will be
 * thrown when using one of the Kaltura clients)
 *          Chunks can be uploaded in parallel and they will be appended according to their resumeAt
 * position.
 *
 * Server response type:         KalturaUploadToken
 * Server failure response type: KalturaAPIException
 */
export declare class UploadTokenUploadAction extends KalturaUploadRequest<KalturaUploadToken> {
    static readonly metadata: KalturaTypeMetadata;
    uploadTokenId: string;
    fileData: Blob;
    resume?: boolean | null;
    finalChunk?: boolean | null;
    resumeAt?: number | null;
    constructor(data: UploadTokenUploadActionArgs);
}
