import type { CancelablePromise, KalturaCallOptions, KalturaClient } from '../../kaltura-client.js';
import { type KalturaListAllOptions } from '../../kaltura-list-all.js';
import { KalturaUploadTokenFilter } from '../types/KalturaUploadTokenFilter.js';
import { type UploadTokenAddActionArgs } from '../types/UploadTokenAddAction.js';
import { type UploadTokenDeleteActionArgs } from '../types/UploadTokenDeleteAction.js';
import { type UploadTokenGetActionArgs } from '../types/UploadTokenGetAction.js';
import { type UploadTokenListActionArgs } from '../types/UploadTokenListAction.js';
import { type UploadTokenUploadActionArgs } from '../types/UploadTokenUploadAction.js';
import type { KalturaUploadToken } from '../types/KalturaUploadToken.js';
import type { KalturaUploadTokenListResponse } from '../types/KalturaUploadTokenListResponse.js';
/** Service 'uploadToken' */
export declare class UploadTokenService {
    readonly client: KalturaClient;
    constructor(client: KalturaClient);
    /** Adds new upload token to upload a file */
    add(data?: UploadTokenAddActionArgs, options?: KalturaCallOptions): CancelablePromise<KalturaUploadToken>;
    /** Deletes the upload token by upload token id */
    delete(data: UploadTokenDeleteActionArgs, options?: KalturaCallOptions): CancelablePromise<void>;
    /** Get upload token by id */
    get(data: UploadTokenGetActionArgs, options?: KalturaCallOptions): CancelablePromise<KalturaUploadToken>;
    /**
     * List upload token by filter with pager support.   When using a user session the service will
     * be restricted to users objects only.
     */
    list(data?: UploadTokenListActionArgs, options?: KalturaCallOptions): CancelablePromise<KalturaUploadTokenListResponse>;
    /**
     * Every object `list` finds, page after page: the pager inside Kaltura's 10,000-result
     * window, then a createdAt cursor past it (see `listAll`). The filter is not modified.
     */
    listAll(filter?: KalturaUploadTokenFilter | null, options?: KalturaListAllOptions): AsyncGenerator<KalturaUploadToken>;
    /**
     * Upload a file using the upload token id, returns an error on failure (an exception will be
     * thrown when using one of the Kaltura clients)   Chunks can be uploaded in parallel and they
     * will be appended according to their resumeAt position.
     */
    upload(data: UploadTokenUploadActionArgs, options?: KalturaCallOptions): CancelablePromise<KalturaUploadToken>;
}
