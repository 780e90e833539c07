// listAll against `serve` holding more than 10,000 entries (driven by test_list_all.py, which
// seeds the entries and writes what every listing must return to KALTURA_EXPECTED).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const dist = process.env.KALTURA_TS_DIST;
const url = process.env.KALTURA_SERVE_URL;
const expected = JSON.parse(readFileSync(process.env.KALTURA_EXPECTED, 'utf8'));
const { KalturaServicesClient, KalturaClientException } = await import(`${dist}/index.js`);
const { KalturaMediaEntryFilter } = await import(`${dist}/api/types/KalturaMediaEntryFilter.js`);
const { KalturaMediaEntry } = await import(`${dist}/api/types/KalturaMediaEntry.js`);

const sent = [];
const recordingFetch = async (input, init) => {
    if (typeof init?.body === 'string') sent.push({ url: String(input), ...JSON.parse(init.body) });
    return fetch(input, init);
};
const client = new KalturaServicesClient({ endpointUrl: url, clientTag: 'list-all', fetch: recordingFetch });
const ks = await client.session.start({ secret: expected.adminSecret, type: 2, partnerId: expected.partnerId });
client.setDefaultRequestOptions({ ks });

async function collect(iterator) {
    const items = [];
    for await (const item of iterator) items.push(item);
    return items;
}

function sortedIds(items) {
    return items.map((e) => e.id).sort();
}

test('every entry exactly once past the 10,000 window: the pager, then the createdAt cursor', async () => {
    sent.length = 0;
    const items = await collect(client.media.listAll());
    assert.ok(expected.all.length > 10_000);
    assert.equal(items.length, expected.all.length, 'no gaps, no duplicates');
    assert.deepEqual(sortedIds(items), expected.all);
    assert.ok(items.every((e) => e instanceof KalturaMediaEntry && e.createdAt instanceof Date));
    const lists = sent.filter((body) => body.url.includes('/service/media/action/list'));
    assert.ok(lists.length > 20);
    for (const body of lists) {
        assert.equal(body.filter.orderBy, '+createdAt');
        assert.ok(body.pager.pageIndex * body.pager.pageSize <= 10_000, 'never past the window');
    }
    const cursors = lists.filter((body) => body.filter.createdAtGreaterThanOrEqual !== undefined);
    assert.ok(cursors.length >= 1, 'the cursor was needed');
    assert.ok(cursors.every((body) => body.pager.pageIndex >= 1 && body.filter.idNotIn.length > 0));
    const created = items.map((e) => e.createdAt.getTime());
    assert.deepEqual(created, [...created].sort((a, b) => a - b));
});

test('descending createdAt moves the cursor down; the caller\'s filter is left as it was', async () => {
    const filter = new KalturaMediaEntryFilter({ orderBy: '-createdAt' });
    const items = await collect(client.media.listAll(filter, { pageSize: 400 }));
    assert.deepEqual(sortedIds(items), expected.all);
    const created = items.map((e) => e.createdAt.getTime());
    assert.deepEqual(created, [...created].sort((a, b) => b - a));
    assert.equal(filter.orderBy, '-createdAt');
    assert.equal(filter.idNotIn, undefined);
    assert.equal(filter.createdAtLessThanOrEqual, undefined);
});

test('a filter narrows the listing (server-side), and the page size is the one asked for', async () => {
    sent.length = 0;
    const filter = new KalturaMediaEntryFilter({ mediaTypeEqual: 2 });
    const items = await collect(client.media.listAll(filter, { pageSize: 250 }));
    assert.deepEqual(sortedIds(items), expected.images);
    const lists = sent.filter((body) => body.url.includes('/service/media/action/list'));
    assert.ok(lists.length >= 14 && lists.every((body) => body.pager.pageSize === 250));
});

test('no cursor for another order: reaching the window is an error, not a silent stop', async () => {
    const filter = new KalturaMediaEntryFilter({ orderBy: '+name' });
    const seen = [];
    await assert.rejects(
        async () => {
            for await (const item of client.media.listAll(filter, { pageSize: 100, resultWindow: 300 })) seen.push(item);
        },
        (error) => error instanceof KalturaClientException && error.code === 'client::list-window',
    );
    assert.equal(seen.length, 300);
});

test('service methods send the action and resolve to its typed result', async () => {
    const page = await client.media.list({ pager: undefined });
    assert.equal(page.totalCount, expected.all.length);
    const one = await client.media.get({ entryId: expected.all[0] });
    assert.ok(one instanceof KalturaMediaEntry);
    assert.equal(one.id, expected.all[0]);
});
