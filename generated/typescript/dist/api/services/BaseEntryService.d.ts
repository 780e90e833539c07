import type { CancelablePromise, KalturaCallOptions, KalturaClient } from '../../kaltura-client.js';
import { type KalturaListAllOptions } from '../../kaltura-list-all.js';
import { type BaseEntryBulkDeleteActionArgs } from '../types/BaseEntryBulkDeleteAction.js';
import { type BaseEntryExportToCsvActionArgs } from '../types/BaseEntryExportToCsvAction.js';
import { type BaseEntryGetActionArgs } from '../types/BaseEntryGetAction.js';
import { type BaseEntryGetByIdsActionArgs } from '../types/BaseEntryGetByIdsAction.js';
import { type BaseEntryListActionArgs } from '../types/BaseEntryListAction.js';
import { KalturaBaseEntryFilter } from '../types/KalturaBaseEntryFilter.js';
import type { KalturaBaseEntry } from '../types/KalturaBaseEntry.js';
import type { KalturaBaseEntryListResponse } from '../types/KalturaBaseEntryListResponse.js';
/** Service 'baseEntry': Base Entry Service */
export declare class BaseEntryService {
    readonly client: KalturaClient;
    constructor(client: KalturaClient);
    bulkDelete(data: BaseEntryBulkDeleteActionArgs, options?: KalturaCallOptions): CancelablePromise<number>;
    /**
     * add batch job that sends an email with a link to download an updated CSV that contains list
     * of entries
     */
    exportToCsv(data?: BaseEntryExportToCsvActionArgs, options?: KalturaCallOptions): CancelablePromise<string>;
    /** Get base entry by ID. */
    get(data: BaseEntryGetActionArgs, options?: KalturaCallOptions): CancelablePromise<KalturaBaseEntry>;
    /** Get an array of KalturaBaseEntry objects by a comma-separated list of ids. */
    getByIds(data: BaseEntryGetByIdsActionArgs, options?: KalturaCallOptions): CancelablePromise<KalturaBaseEntry[]>;
    /** List base entries by filter with paging support. */
    list(data?: BaseEntryListActionArgs, options?: KalturaCallOptions): CancelablePromise<KalturaBaseEntryListResponse>;
    /**
     * Every object `list` finds, page after page: the pager inside Kaltura's 10,000-result
     * window, then a createdAt cursor past it (see `listAll`). The filter is not modified.
     */
    listAll(filter?: KalturaBaseEntryFilter | null, options?: KalturaListAllOptions): AsyncGenerator<KalturaBaseEntry>;
}
