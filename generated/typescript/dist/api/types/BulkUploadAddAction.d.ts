import { KalturaUploadRequest, type KalturaUploadRequestArgs } from '../kaltura-request.js';
import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaBulkUpload } from './KalturaBulkUpload.js';
export interface BulkUploadAddActionArgs extends KalturaUploadRequestArgs {
    /** Conversion profile id to use for converting the current bulk (-1 to use partner's default) */
    conversionProfileId: number;
    /** bulk upload file */
    csvFileData: Blob;
    uploadedBy?: string | null;
    /** Friendly name of the file, used to be recognized later in the logs. */
    fileName?: string | null;
}
/**
 * Build request payload for service 'bulkUpload' action 'add'.
 *
 * Usage: Add new bulk upload batch job
 *          Conversion profile id can be specified in the API or in the CSV file, the one in the CSV
 * file will be stronger.
 *
 * Server response type:         KalturaBulkUpload
 * Server failure response type: KalturaAPIException
 * @deprecated
 */
export declare class BulkUploadAddAction extends KalturaUploadRequest<KalturaBulkUpload> {
    static readonly metadata: KalturaTypeMetadata;
    /** Conversion profile id to use for converting the current bulk (-1 to use partner's default) */
    conversionProfileId: number;
    /** bulk upload file */
    csvFileData: Blob;
    uploadedBy?: string | null;
    /** Friendly name of the file, used to be recognized later in the logs. */
    fileName?: string | null;
    constructor(data: BulkUploadAddActionArgs);
}
