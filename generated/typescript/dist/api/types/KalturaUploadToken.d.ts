import { KalturaObjectBase, type KalturaObjectBaseArgs, type KalturaTypeMetadata } from '../kaltura-object-base.js';
import type { KalturaNullableBoolean } from './KalturaNullableBoolean.js';
import type { KalturaUploadTokenStatus } from './KalturaUploadTokenStatus.js';
export interface KalturaUploadTokenArgs extends KalturaObjectBaseArgs {
    /**
     * Name of the file for the upload token, can be empty when the upload token is created and will
     * be updated internally after the file is uploaded
     */
    fileName?: string | null;
    /**
     * File size in bytes, can be empty when the upload token is created and will be updated
     * internally after the file is uploaded
     */
    fileSize?: number | null;
    /**
     * autoFinalize - Should the upload be finalized once the file size on disk matches the file
     * size reported when adding the upload token.
     */
    autoFinalize?: KalturaNullableBoolean | null;
}
export declare class KalturaUploadToken extends KalturaObjectBase {
    static readonly metadata: KalturaTypeMetadata;
    /** Upload token unique ID */
    readonly id?: string;
    /** Partner ID of the upload token */
    readonly partnerId?: number;
    /** User id for the upload token */
    readonly userId?: string;
    /** Status of the upload token */
    readonly status?: KalturaUploadTokenStatus;
    /**
     * Name of the file for the upload token, can be empty when the upload token is created and will
     * be updated internally after the file is uploaded
     */
    fileName?: string | null;
    /**
     * File size in bytes, can be empty when the upload token is created and will be updated
     * internally after the file is uploaded
     */
    fileSize?: number | null;
    /**
     * Uploaded file size in bytes, can be used to identify how many bytes were uploaded before
     * resuming
     */
    readonly uploadedFileSize?: number;
    /** Creation date as Unix timestamp (In seconds) */
    readonly createdAt?: Date;
    /** Last update date as Unix timestamp (In seconds) */
    readonly updatedAt?: Date;
    /** Upload url - to explicitly determine to which domain to address the uploadToken->upload call */
    readonly uploadUrl?: string;
    /**
     * autoFinalize - Should the upload be finalized once the file size on disk matches the file
     * size reported when adding the upload token.
     */
    autoFinalize?: KalturaNullableBoolean | null;
    constructor(data?: KalturaUploadTokenArgs);
}
