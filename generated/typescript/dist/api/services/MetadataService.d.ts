import type { CancelablePromise, KalturaCallOptions, KalturaClient } from '../../kaltura-client.js';
import { type KalturaListAllOptions } from '../../kaltura-list-all.js';
import { KalturaMetadataFilter } from '../types/KalturaMetadataFilter.js';
import { type MetadataAddActionArgs } from '../types/MetadataAddAction.js';
import { type MetadataDeleteActionArgs } from '../types/MetadataDeleteAction.js';
import { type MetadataGetActionArgs } from '../types/MetadataGetAction.js';
import { type MetadataListActionArgs } from '../types/MetadataListAction.js';
import { type MetadataServeActionArgs } from '../types/MetadataServeAction.js';
import { type MetadataUpdateActionArgs } from '../types/MetadataUpdateAction.js';
import type { KalturaMetadata } from '../types/KalturaMetadata.js';
import type { KalturaMetadataListResponse } from '../types/KalturaMetadataListResponse.js';
/** Service 'metadata': Metadata service */
export declare class MetadataService {
    readonly client: KalturaClient;
    constructor(client: KalturaClient);
    /** Allows you to add a metadata object and metadata content associated with Kaltura object */
    add(data: MetadataAddActionArgs, options?: KalturaCallOptions): CancelablePromise<KalturaMetadata>;
    /** Delete an existing metadata */
    delete(data: MetadataDeleteActionArgs, options?: KalturaCallOptions): CancelablePromise<void>;
    /** Retrieve a metadata object by id */
    get(data: MetadataGetActionArgs, options?: KalturaCallOptions): CancelablePromise<KalturaMetadata>;
    /** List metadata objects by filter and pager */
    list(data?: MetadataListActionArgs, options?: KalturaCallOptions): CancelablePromise<KalturaMetadataListResponse>;
    /**
     * Every object `list` finds, page after page: the pager inside Kaltura's 10,000-result
     * window, then a createdAt cursor past it (see `listAll`). The filter is not modified.
     */
    listAll(filter?: KalturaMetadataFilter | null, options?: KalturaListAllOptions): AsyncGenerator<KalturaMetadata>;
    /** Serves metadata XML file */
    serve(data: MetadataServeActionArgs, options?: KalturaCallOptions): CancelablePromise<{
        url: string;
    }>;
    /** Update an existing metadata object with new XML content */
    update(data: MetadataUpdateActionArgs, options?: KalturaCallOptions): CancelablePromise<KalturaMetadata>;
}
