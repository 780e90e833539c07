import type { CancelablePromise, KalturaCallOptions, KalturaClient } from '../../kaltura-client.js';
import { type KalturaListAllOptions } from '../../kaltura-list-all.js';
import { KalturaMetadataProfileFilter } from '../types/KalturaMetadataProfileFilter.js';
import { type MetadataProfileAddActionArgs } from '../types/MetadataProfileAddAction.js';
import { type MetadataProfileAddFromFileActionArgs } from '../types/MetadataProfileAddFromFileAction.js';
import { type MetadataProfileDeleteActionArgs } from '../types/MetadataProfileDeleteAction.js';
import { type MetadataProfileGetActionArgs } from '../types/MetadataProfileGetAction.js';
import { type MetadataProfileListActionArgs } from '../types/MetadataProfileListAction.js';
import { type MetadataProfileServeActionArgs } from '../types/MetadataProfileServeAction.js';
import { type MetadataProfileUpdateActionArgs } from '../types/MetadataProfileUpdateAction.js';
import type { KalturaMetadataProfile } from '../types/KalturaMetadataProfile.js';
import type { KalturaMetadataProfileListResponse } from '../types/KalturaMetadataProfileListResponse.js';
/** Service 'metadataProfile': Metadata Profile service */
export declare class MetadataProfileService {
    readonly client: KalturaClient;
    constructor(client: KalturaClient);
    /**
     * Allows you to add a metadata profile object and metadata profile content associated with
     * Kaltura object type
     */
    add(data: MetadataProfileAddActionArgs, options?: KalturaCallOptions): CancelablePromise<KalturaMetadataProfile>;
    /**
     * Allows you to add a metadata profile object and metadata profile file associated with Kaltura
     * object type
     */
    addFromFile(data: MetadataProfileAddFromFileActionArgs, options?: KalturaCallOptions): CancelablePromise<KalturaMetadataProfile>;
    /** Delete an existing metadata profile */
    delete(data: MetadataProfileDeleteActionArgs, options?: KalturaCallOptions): CancelablePromise<void>;
    /** Retrieve a metadata profile object by id */
    get(data: MetadataProfileGetActionArgs, options?: KalturaCallOptions): CancelablePromise<KalturaMetadataProfile>;
    /** List metadata profile objects by filter and pager */
    list(data?: MetadataProfileListActionArgs, options?: KalturaCallOptions): CancelablePromise<KalturaMetadataProfileListResponse>;
    /**
     * Every object `list` finds, page after page: the pager inside Kaltura's 10,000-result
     * window, then a createdAt cursor past it (see `listAll`). The filter is not modified.
     */
    listAll(filter?: KalturaMetadataProfileFilter | null, options?: KalturaListAllOptions): AsyncGenerator<KalturaMetadataProfile>;
    /** Serves metadata profile XSD file */
    serve(data: MetadataProfileServeActionArgs, options?: KalturaCallOptions): CancelablePromise<{
        url: string;
    }>;
    /** Update an existing metadata object */
    update(data: MetadataProfileUpdateActionArgs, options?: KalturaCallOptions): CancelablePromise<KalturaMetadataProfile>;
}
