import type { CancelablePromise, KalturaCallOptions, KalturaClient } from '../../kaltura-client.js';
import { type BulkAbortActionArgs } from '../types/BulkAbortAction.js';
import type { KalturaBulkUpload } from '../types/KalturaBulkUpload.js';
/** Service 'bulk': Bulk upload service is used to upload & manage bulk uploads */
export declare class BulkService {
    readonly client: KalturaClient;
    constructor(client: KalturaClient);
    /** Aborts the bulk upload and all its child jobs */
    abort(data: BulkAbortActionArgs, options?: KalturaCallOptions): CancelablePromise<KalturaBulkUpload>;
}
