import { KalturaRequest, type KalturaRequestArgs } from '../kaltura-request.js';
import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaBulkUpload } from './KalturaBulkUpload.js';
export interface BulkUploadGetActionArgs extends KalturaRequestArgs {
    id: number;
}
/**
 * Build request payload for service 'bulkUpload' action 'get'.
 *
 * Usage: Get bulk upload batch job by id
 *
 * Server response type:         KalturaBulkUpload
 * Server failure response type: KalturaAPIException
 * @deprecated
 */
export declare class BulkUploadGetAction extends KalturaRequest<KalturaBulkUpload> {
    static readonly metadata: KalturaTypeMetadata;
    id: number;
    constructor(data: BulkUploadGetActionArgs);
}
