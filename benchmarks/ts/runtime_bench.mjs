// Client-side cost of one media.list round trip without the network, ours vs the official:
// building the request parameters, and parsing a 500-entry response into typed objects.
// usage: node runtime_bench.mjs OUR_DIST OFFICIAL_DIST  -> JSON {ours: {...}, official: {...}} (ms, median)
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const [ourDist, officialDist] = process.argv.slice(2);
const require = createRequire(import.meta.url);

const entries = Array.from({ length: 500 }, (_, i) => ({
    objectType: 'KalturaMediaEntry',
    id: `0_${i}`,
    name: `entry ${i}`,
    description: 'd'.repeat(200),
    tags: 'a,b,c',
    mediaType: 1,
    createdAt: 1700000000 + i,
    updatedAt: 1700000000 + i,
    duration: 60,
    status: '2',
    plays: i,
    views: i,
    operationAttributes: [],
    streams: [],
}));
const response = { objectType: 'KalturaMediaListResponse', totalCount: 500, objects: entries };
const text = JSON.stringify(response);

function median(fn, runs = 31) {
    for (let i = 0; i < 5; i++) fn();
    const times = [];
    for (let i = 0; i < runs; i++) {
        const start = process.hrtime.bigint();
        fn();
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(runs / 2)];
}

async function measure(load, build) {
    const MediaListAction = await load('MediaListAction');
    const Filter = await load('KalturaMediaEntryFilter');
    const Pager = await load('KalturaFilterPager');
    await load('KalturaMediaEntry');
    const makeAction = () =>
        new MediaListAction({ filter: new Filter({ nameLike: 'x', mediaTypeEqual: 1, createdAtGreaterThanOrEqual: new Date() }), pager: new Pager({ pageSize: 500 }) });
    const action = makeAction();
    const parsed = action.handleResponse(JSON.parse(text));
    if (parsed.error || parsed.result.objects.length !== 500) throw new Error(`parse failed: ${parsed.error}`);
    return {
        build: median(() => build(makeAction())),
        parse: median(() => makeAction().handleResponse(JSON.parse(text))),
    };
}

const ours = await import(pathToFileURL(path.join(ourDist, 'index.js')).href);
const ourDefaults = new ours.KalturaRequestOptions({ ks: 'KS', partnerId: 1 });
const ourResult = await measure(
    async (name) => (await import(pathToFileURL(path.join(ourDist, 'api', 'types', `${name}.js`)).href))[name],
    (action) => JSON.stringify(ours.buildRequestParameters(action, ourDefaults)),
);

const utils = require(path.join(officialDist, 'adapters', 'utils.js'));
const { KalturaRequestOptions } = require(path.join(officialDist, 'api', 'kaltura-request-options.js'));
const officialDefaults = new KalturaRequestOptions({ ks: 'KS', partnerId: 1 });
const clientOptions = { endpointUrl: 'http://127.0.0.1:1', clientTag: 'bench' };
const officialResult = await measure(
    async (name) => require(path.join(officialDist, 'api', 'types', `${name}.js`))[name],
    (action) => JSON.stringify(utils.prepareParameters(action, clientOptions, officialDefaults)),
);
console.log(JSON.stringify({ ours: ourResult, official: officialResult }));
