import type { CancelablePromise, KalturaCallOptions, KalturaClient } from '../../kaltura-client.js';
import { type BulkUploadAddActionArgs } from '../types/BulkUploadAddAction.js';
import { type BulkUploadGetActionArgs } from '../types/BulkUploadGetAction.js';
import type { KalturaBulkUpload } from '../types/KalturaBulkUpload.js';
/**
 * Service 'bulkUpload': Bulk upload service is used to upload & manage bulk uploads using CSV
 * files.
 *  This service manages only entry bulk uploads.
 */
export declare class BulkUploadService {
    readonly client: KalturaClient;
    constructor(client: KalturaClient);
    /**
     * Add new bulk upload batch job   Conversion profile id can be specified in the API or in the
     * CSV file, the one in the CSV file will be stronger.
     */
    add(data: BulkUploadAddActionArgs, options?: KalturaCallOptions): CancelablePromise<KalturaBulkUpload>;
    /** Get bulk upload batch job by id */
    get(data: BulkUploadGetActionArgs, options?: KalturaCallOptions): CancelablePromise<KalturaBulkUpload>;
}
