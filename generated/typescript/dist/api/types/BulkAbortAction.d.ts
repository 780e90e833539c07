import { KalturaRequest, type KalturaRequestArgs } from '../kaltura-request.js';
import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaBulkUpload } from './KalturaBulkUpload.js';
export interface BulkAbortActionArgs extends KalturaRequestArgs {
    /** job id */
    id: number;
}
/**
 * Build request payload for service 'bulk' action 'abort'.
 *
 * Usage: Aborts the bulk upload and all its child jobs
 *
 * Server response type:         KalturaBulkUpload
 * Server failure response type: KalturaAPIException
 */
export declare class BulkAbortAction extends KalturaRequest<KalturaBulkUpload> {
    static readonly metadata: KalturaTypeMetadata;
    /** job id */
    id: number;
    constructor(data: BulkAbortActionArgs);
}
