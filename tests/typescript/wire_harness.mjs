// Builds every action of a spec in the official TypeScript client and in ours and compares
// the full request parameters (the JSON body plus service/action) as parsed JSON.
//
// usage: node wire_harness.mjs SPEC.json OFFICIAL_DIST OUR_DIST
// prints one JSON line: {"compared": N, "mismatches": [...], "serve": N}
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const [specPath, officialDist, ourDist, flag] = process.argv.slice(2);
const perturb = flag === '--perturb';
const spec = JSON.parse(readFileSync(specPath, 'utf8'));
const require = createRequire(import.meta.url);

const official = {
    load(name) {
        return require(path.join(officialDist, 'api', 'types', `${name}.js`))[name];
    },
    utils: require(path.join(officialDist, 'adapters', 'utils.js')),
    options: require(path.join(officialDist, 'api', 'kaltura-request-options.js')),
};

const ourIndex = await import(pathToFileURL(path.join(ourDist, 'index.js')).href);
const ourCache = new Map();
async function ourLoad(name) {
    if (!ourCache.has(name)) {
        const mod = await import(pathToFileURL(path.join(ourDist, 'api', 'types', `${name}.js`)).href);
        ourCache.set(name, mod[name]);
    }
    return ourCache.get(name);
}

function classesIn(tree, out) {
    if (tree === null || typeof tree !== 'object') return out;
    if (Array.isArray(tree)) {
        tree.forEach((t) => classesIn(t, out));
        return out;
    }
    if (tree.$class) out.add(tree.$class);
    for (const value of Object.values(tree)) classesIn(value, out);
    return out;
}

function materialize(tree, ctors) {
    if (tree === null || typeof tree !== 'object') return tree;
    if (tree.$null) return null;
    if (tree.$date !== undefined) return new Date(tree.$date * 1000);
    if (tree.$array) return tree.$array.map((t) => materialize(t, ctors));
    if (tree.$map) {
        return Object.fromEntries(Object.entries(tree.$map).map(([k, t]) => [k, materialize(t, ctors)]));
    }
    if (tree.$class) {
        const props = Object.fromEntries(
            Object.entries(tree.props).map(([k, t]) => [k, materialize(t, ctors)]),
        );
        return new (ctors.get(tree.$class))(props);
    }
    throw new Error(`bad tree ${JSON.stringify(tree)}`);
}

function firstDifference(a, b, where = '') {
    if (isDeepStrictEqual(a, b)) return null;
    if (a && b && typeof a === 'object' && typeof b === 'object') {
        for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
            const d = firstDifference(a[key], b[key], `${where}.${key}`);
            if (d) return d;
        }
    }
    return { at: where || '.', official: a, ours: b };
}

function urlKey(url) {
    const parsed = new URL(url);
    const query = [...parsed.searchParams.entries()].map(([k, v]) => `${k}=${v}`).sort();
    return { origin: parsed.origin, path: parsed.pathname, query };
}
let serveUrls = 0;

const defaultsArgs = { ks: 'KS-SECRET', partnerId: 4242, language: 'en' };
const officialDefaults = new official.options.KalturaRequestOptions(defaultsArgs);
const ourDefaults = new ourIndex.KalturaRequestOptions(defaultsArgs);
const clientOptions = { endpointUrl: 'http://127.0.0.1:1', clientTag: 'harness' };

let compared = 0;
let serve = 0;
let withOptions = 0;
const mismatches = [];
for (const item of spec.actions) {
    const names = classesIn(item.params, new Set());
    const officialCtors = new Map();
    const ourCtors = new Map();
    for (const name of names) {
        officialCtors.set(name, official.load(name));
        ourCtors.set(name, await ourLoad(name));
    }
    const OfficialAction = official.load(item.officialClass);
    const OurAction = await ourLoad(item.ourClass);
    const officialAction = new OfficialAction(
        Object.fromEntries(Object.entries(item.params).map(([k, t]) => [k, materialize(t, officialCtors)])),
    );
    const ourAction = new OurAction(
        Object.fromEntries(Object.entries(item.params).map(([k, t]) => [k, materialize(t, ourCtors)])),
    );
    if (Object.keys(item.requestOptions).length > 0) {
        for (const name of classesIn(item.requestOptions, new Set())) {
            officialCtors.set(name, official.load(name));
            ourCtors.set(name, await ourLoad(name));
        }
        const args = (ctors) => Object.fromEntries(Object.entries(item.requestOptions).map(([k, t]) => [k, materialize(t, ctors)]));
        officialAction.setRequestOptions(args(officialCtors));
        ourAction.setRequestOptions(args(ourCtors));
        withOptions += 1;
    }
    let expected;
    let actual;
    try {
        expected = JSON.parse(JSON.stringify(official.utils.prepareParameters(officialAction, clientOptions, officialDefaults)));
    } catch (error) {
        mismatches.push({ action: item.ourClass, error: `official failed: ${error.message}` });
        continue;
    }
    try {
        actual = JSON.parse(JSON.stringify(ourIndex.buildRequestParameters(ourAction, ourDefaults)));
    } catch (error) {
        mismatches.push({ action: item.ourClass, error: `ours failed: ${error.message}` });
        continue;
    }
    compared += 1;
    if (item.serve) serve += 1;
    if (perturb) actual.perturbed = true;
    if (item.serve) {
        // serve actions: the URL each client resolves to, compared as origin + path + query set
        // (what the official KalturaFileRequestAdapter computes; its client.request() cannot be
        // used here: CancelableAction.resolve() settles before then() is attached, so it never
        // delivers the URL)
        const { service, action, ...query } = official.utils.prepareParameters(officialAction, clientOptions, officialDefaults);
        const officialUrl = official.utils.createEndpoint(officialAction, clientOptions, service, action, query);
        const ourClient = new ourIndex.KalturaClient(clientOptions, defaultsArgs);
        const ourUrl = await ourClient.request(ourAction);
        const difference = firstDifference(urlKey(officialUrl), urlKey(ourUrl.url));
        if (difference) mismatches.push({ action: `${item.ourClass} (URL)`, ...difference });
        serveUrls += 1;
    }
    const difference = firstDifference(expected, actual);
    if (difference) mismatches.push({ action: item.ourClass, ...difference });
}

// A multi-request with a dependency, both ways.
{
    const OfficialGet = official.load('MediaGetAction');
    const OfficialUpdate = official.load('MediaUpdateAction');
    const OfficialEntry = official.load('KalturaMediaEntry');
    const { KalturaMultiRequest: OfficialMulti } = require(path.join(officialDist, 'api', 'kaltura-multi-request.js'));
    const OurGet = await ourLoad('MediaGetAction');
    const OurUpdate = await ourLoad('MediaUpdateAction');
    const OurEntry = await ourLoad('KalturaMediaEntry');
    const officialMulti = new OfficialMulti(
        new OfficialGet({ entryId: '0_abc' }),
        new OfficialUpdate({ entryId: '0_abc', mediaEntry: new OfficialEntry({ name: 'x' }).setDependency(['description', 0, 'name']) }).setDependency(['entryId', 0, 'id']),
    );
    const ourMulti = new ourIndex.KalturaMultiRequest(
        new OurGet({ entryId: '0_abc' }),
        new OurUpdate({ entryId: '0_abc', mediaEntry: new OurEntry({ name: 'x' }).setDependency(['description', 0, 'name']) }).setDependency(['entryId', 0, 'id']),
    );
    const expected = JSON.parse(JSON.stringify(official.utils.prepareParameters(officialMulti, clientOptions, officialDefaults)));
    const actual = JSON.parse(JSON.stringify(ourIndex.buildRequestParameters(ourMulti, ourDefaults)));
    if (perturb) actual['1'].entryId = 'changed';
    compared += 1;
    const difference = firstDifference(expected, actual);
    if (difference) mismatches.push({ action: 'multirequest', ...difference });
}

console.log(JSON.stringify({ compared, serve, serveUrls, withOptions, mismatches }));
