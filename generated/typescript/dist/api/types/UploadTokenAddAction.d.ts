import { KalturaRequest, type KalturaRequestArgs } from '../kaltura-request.js';
import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaUploadToken } from './KalturaUploadToken.js';
export interface UploadTokenAddActionArgs extends KalturaRequestArgs {
    uploadToken?: KalturaUploadToken | null;
}
/**
 * Build request payload for service 'uploadToken' action 'add'.
 *
 * Usage: Adds new upload token to upload a file
 *
 * Server response type:         KalturaUploadToken
 * Server failure response type: KalturaAPIException
 */
export declare class UploadTokenAddAction extends KalturaRequest<KalturaUploadToken> {
    static readonly metadata: KalturaTypeMetadata;
    uploadToken?: KalturaUploadToken | null;
    constructor(data?: UploadTokenAddActionArgs);
}
