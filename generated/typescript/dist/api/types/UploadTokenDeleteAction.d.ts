import { KalturaRequest, type KalturaRequestArgs } from '../kaltura-request.js';
import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
export interface UploadTokenDeleteActionArgs extends KalturaRequestArgs {
    uploadTokenId: string;
}
/**
 * Build request payload for service 'uploadToken' action 'delete'.
 *
 * Usage: Deletes the upload token by upload token id
 *
 * Server response type:         void
 * Server failure response type: KalturaAPIException
 */
export declare class UploadTokenDeleteAction extends KalturaRequest<void> {
    static readonly metadata: KalturaTypeMetadata;
    uploadTokenId: string;
    constructor(data: UploadTokenDeleteActionArgs);
}
