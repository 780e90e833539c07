import { KalturaRequest, type KalturaRequestArgs } from '../kaltura-request.js';
import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaUploadToken } from './KalturaUploadToken.js';
export interface UploadTokenGetActionArgs extends KalturaRequestArgs {
    uploadTokenId: string;
}
/**
 * Build request payload for service 'uploadToken' action 'get'.
 *
 * Usage: Get upload token by id
 *
 * Server response type:         KalturaUploadToken
 * Server failure response type: KalturaAPIException
 */
export declare class UploadTokenGetAction extends KalturaRequest<KalturaUploadToken> {
    static readonly metadata: KalturaTypeMetadata;
    uploadTokenId: string;
    constructor(data: UploadTokenGetActionArgs);
}
