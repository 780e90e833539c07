import type { KalturaObjectBase } from './api/kaltura-object-base.js';
import type { KalturaRequest } from './api/kaltura-request.js';
import type { KalturaCallOptions, KalturaClient } from './kaltura-client.js';
/** Kaltura serves at most the first 10,000 results of a listing, whatever the page. */
export declare const RESULT_WINDOW = 10000;
/** The server's largest page. */
export declare const DEFAULT_PAGE_SIZE = 500;
export interface KalturaListAllOptions extends KalturaCallOptions {
    /** Results per request (default 500, the server maximum). */
    pageSize?: number;
    /** How many results the server serves before the cursor is needed (default 10,000). */
    resultWindow?: number;
}
/** What every list response holds. */
export interface KalturaListResult<T> {
    readonly objects?: T[] | null | undefined;
}
/**
 * Every object of a list action, page after page, past Kaltura's 10,000-result window:
 *
 * 1. it pages with the pager (`pageSize` 500 by default) while the next page stays inside the
 *    window;
 * 2. then it moves a cursor: `createdAtGreaterThanOrEqual` (`createdAtLessThanOrEqual` for
 *    `-createdAt`) = the last `createdAt` seen, `idNotIn` = the ids seen at that second,
 *    `pageIndex` back to 1, and pages again;
 * 3. it stops at the first page shorter than `pageSize`.
 *
 * With no `orderBy`, `+createdAt` is used. Results seen at the boundary are also skipped here,
 * so a server that ignores `idNotIn` cannot produce duplicates. A filter without those fields,
 * or another `orderBy`, pages only: reaching the window then throws a `KalturaClientException`
 * instead of silently stopping. The filter and pager passed in are copied, never modified.
 */
export declare function listAll<T, F extends KalturaObjectBase, P extends KalturaObjectBase, R extends KalturaListResult<T> = KalturaListResult<T>>(client: KalturaClient, request: (filter: F, pager: P) => KalturaRequest<R>, filter: F, pager: P, options?: KalturaListAllOptions): AsyncGenerator<T>;
