import { KalturaObjectBase, type KalturaObjectBaseArgs, type KalturaTypeMetadata } from '../kaltura-object-base.js';
export interface KalturaBulkUploadArgs extends KalturaObjectBaseArgs {
    id?: number | null;
    uploadedBy?: string | null;
    uploadedOn?: Date | null;
    /** @deprecated */
    numOfEntries?: number | null;
    logFileUrl?: string | null;
    fileName?: string | null;
}
export declare class KalturaBulkUpload extends KalturaObjectBase {
    static readonly metadata: KalturaTypeMetadata;
    id?: number | null;
    uploadedBy?: string | null;
    uploadedOn?: Date | null;
    /** @deprecated */
    numOfEntries?: number | null;
    logFileUrl?: string | null;
    fileName?: string | null;
    constructor(data?: KalturaBulkUploadArgs);
}
