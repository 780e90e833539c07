import { KalturaClientException } from './api/kaltura-client-exception.js';
/** Kaltura serves at most the first 10,000 results of a listing, whatever the page. */
export const RESULT_WINDOW = 10_000;
/** The server's largest page. */
export const DEFAULT_PAGE_SIZE = 500;
function copyOf(object) {
    return Object.assign(Object.create(Object.getPrototypeOf(object)), object);
}
function createdAtOf(item) {
    const value = item['createdAt'];
    if (value instanceof Date)
        return value.getTime();
    return typeof value === 'number' ? value * 1000 : undefined;
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
export async function* listAll(client, request, filter, pager, options = {}) {
    const { pageSize = DEFAULT_PAGE_SIZE, resultWindow = RESULT_WINDOW, ...callOptions } = options;
    if (!Number.isInteger(pageSize) || pageSize <= 0) {
        throw new KalturaClientException('client::invalid-argument', 'listAll: pageSize must be a positive integer');
    }
    const currentFilter = copyOf(filter);
    const currentPager = copyOf(pager);
    const filterFields = currentFilter;
    const pagerFields = currentPager;
    pagerFields['pageSize'] = pageSize;
    pagerFields['pageIndex'] = 1;
    let cursor;
    const canCursor = ['orderBy', 'idNotIn'].every((name) => currentFilter.hasMetadataProperty(name));
    const order = filterFields['orderBy'];
    if (canCursor && (order === undefined || order === null || order === '')) {
        if (currentFilter.hasMetadataProperty('createdAtGreaterThanOrEqual')) {
            filterFields['orderBy'] = '+createdAt';
            cursor = 'createdAtGreaterThanOrEqual';
        }
    }
    else if (canCursor && order === '+createdAt' && currentFilter.hasMetadataProperty('createdAtGreaterThanOrEqual')) {
        cursor = 'createdAtGreaterThanOrEqual';
    }
    else if (canCursor && order === '-createdAt' && currentFilter.hasMetadataProperty('createdAtLessThanOrEqual')) {
        cursor = 'createdAtLessThanOrEqual';
    }
    const givenNotIn = typeof filterFields['idNotIn'] === 'string' ? filterFields['idNotIn'] : '';
    let lastCreated;
    let boundary = new Set();
    for (;;) {
        const page = await client.request(request(currentFilter, currentPager), callOptions);
        const objects = page?.objects ?? [];
        let fresh = 0;
        for (const item of objects) {
            if (cursor !== undefined) {
                const created = createdAtOf(item);
                const id = item['id'];
                if (created === lastCreated) {
                    if (boundary.has(id))
                        continue;
                    boundary.add(id);
                }
                else {
                    lastCreated = created;
                    boundary = new Set([id]);
                }
            }
            fresh += 1;
            yield item;
        }
        if (objects.length < pageSize)
            return;
        const index = Number(pagerFields['pageIndex']);
        if ((index + 1) * pageSize <= resultWindow) {
            pagerFields['pageIndex'] = index + 1;
            continue;
        }
        if (cursor === undefined) {
            throw new KalturaClientException('client::list-window', `more than ${resultWindow} results and no createdAt cursor for this filter (order by +createdAt or -createdAt with a filter that has createdAt*OrEqual and idNotIn, or narrow the filter)`);
        }
        if (fresh === 0 || lastCreated === undefined) {
            throw new KalturaClientException('client::list-window', `the createdAt cursor does not move (more than ${resultWindow} results share one createdAt?)`);
        }
        filterFields[cursor] = new Date(lastCreated);
        const seen = [...boundary].map(String).sort().join(',');
        filterFields['idNotIn'] = givenNotIn ? `${givenNotIn},${seen}` : seen;
        pagerFields['pageIndex'] = 1;
    }
}
