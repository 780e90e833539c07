// Runtime behaviour of a generated package, against a local server on 127.0.0.1.
// Run by tests/typescript/test_runtime.py: `node --test` with KALTURA_TS_DIST = the dist/ of the
// package of schema/kaltura-sample.xml or of ovp-22.19.0 (tests needing types one of them lacks
// are skipped for it, and say so).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import path from 'node:path';
import { inspect } from 'node:util';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const dist = process.env.KALTURA_TS_DIST;
assert.ok(dist, 'KALTURA_TS_DIST must name the dist/ of a generated package');
const load = async (name) => (await import(pathToFileURL(path.join(dist, 'api', 'types', `${name}.js`)).href))[name];
const loadOptional = (name) => (existsSync(path.join(dist, 'api', 'types', `${name}.js`)) ? load(name) : undefined);

const root = await import(pathToFileURL(path.join(dist, 'index.js')).href);
const { KalturaClient, KalturaAPIException, KalturaClientException, KalturaMultiRequest } = root;
const MediaListAction = await load('MediaListAction');
const MediaGetAction = await load('MediaGetAction');
const MediaUploadAction = await load('MediaUploadAction');
const MediaUpdateAction = await load('MediaUpdateAction');
const MetadataProfileAddFromFileAction = await load('MetadataProfileAddFromFileAction');
const MetadataProfileServeAction = await load('MetadataProfileServeAction');
const BaseEntryGetContextDataAction = await loadOptional('BaseEntryGetContextDataAction');
const BaseEntryListAction = await load('BaseEntryListAction');
const KalturaBaseEntry = await load('KalturaBaseEntry');
const KalturaDocumentEntry = await load('KalturaDocumentEntry');
const OttUserGetDynamicDataAction = await loadOptional('OttUserGetDynamicDataAction');
const SystemPingAction = await load('SystemPingAction');
const UploadTokenUploadAction = await load('UploadTokenUploadAction');
const KalturaMediaEntry = await load('KalturaMediaEntry');
const KalturaMediaEntryFilter = await load('KalturaMediaEntryFilter');
const KalturaMetadataProfile = await load('KalturaMetadataProfile');
const KalturaMediaType = await load('KalturaMediaType');

const KS = 'djJ8MTIzfSECRET-KS-VALUE';

// ------------------------------------------------------------------ the local server
const requests = [];
let handler = null;
const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
        const body = Buffer.concat(chunks);
        const record = { method: req.method, url: req.url, headers: req.headers, body };
        requests.push(record);
        handler(record, res);
    });
});
let endpointUrl;
before(async () => {
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpointUrl = `http://127.0.0.1:${server.address().port}`;
});
after(() => new Promise((resolve) => server.close(resolve)));

function reply(status, body, type = 'application/json') {
    handler = (req, res) => {
        res.writeHead(status, { 'Content-Type': type });
        res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
}

function client(extra = {}) {
    return new KalturaClient({ endpointUrl, clientTag: 'node-test', ...extra }, { ks: KS, partnerId: 99 });
}

// ------------------------------------------------------------------ requests

test('a request is a JSON POST to /api_v3/service/S/action/A with the official body', async () => {
    reply(200, { objectType: 'KalturaMediaListResponse', objects: [], totalCount: 0 });
    requests.length = 0;
    const filter = new KalturaMediaEntryFilter({ nameLike: 'cat', mediaTypeEqual: KalturaMediaType.video, statusIn: null });
    const result = await client().request(new MediaListAction({ filter }));
    assert.equal(result.totalCount, 0);
    const [req] = requests;
    assert.equal(req.method, 'POST');
    assert.equal(req.url, '/api_v3/service/media/action/list?clientTag=node-test');
    assert.match(req.headers['content-type'], /^application\/json/);
    assert.deepEqual(JSON.parse(req.body.toString()), {
        ks: KS,
        partnerId: 99,
        filter: { objectType: 'KalturaMediaEntryFilter', nameLike: 'cat', mediaTypeEqual: 1, statusIn__null: '' },
        apiVersion: root.environment.request.apiVersion,
        format: 1,
    });
});

// ------------------------------------------------------------------ responses

test('objectType polymorphism, unknown types, arrays, nulls, dates, unknown enum values', async () => {
    reply(200, {
        objectType: 'KalturaBaseEntryListResponse',
        totalCount: 3,
        objects: [
            { objectType: 'KalturaMediaEntry', id: '0_a', name: 'plain', mediaType: 1, createdAt: 1700000000, description: null },
            { objectType: 'KalturaDocumentEntry', id: '0_b', name: 'doc', documentType: 11 },
            { objectType: 'KalturaEntryFromTheFuture', id: '0_c', name: 'future', type: 'unknown.TYPE' },
        ],
    });
    const result = await client().request(new BaseEntryListAction({}));
    assert.equal(result.totalCount, 3);
    const [a, b, c] = result.objects;
    assert.ok(a instanceof KalturaMediaEntry, 'a loaded subclass is used');
    assert.equal(a.mediaType, KalturaMediaType.video);
    assert.ok(a.createdAt instanceof Date);
    assert.equal(a.createdAt.getTime(), 1700000000 * 1000);
    assert.equal(a.description, undefined);
    assert.ok(b instanceof KalturaDocumentEntry);
    assert.equal(b.documentType, 11);
    assert.equal(c.constructor, KalturaBaseEntry, 'an unknown objectType falls back to the declared type');
    assert.equal(c.id, '0_c');
    assert.equal(c.type, 'unknown.TYPE', 'unknown enum values are kept');

    reply(200, { objectType: 'KalturaMediaListResponse', totalCount: 1, objects: [{ objectType: 'KalturaMediaEntry', id: '0_m', mediaType: 999 }] });
    const media = await client().request(new MediaListAction({}));
    assert.equal(media.objects[0].mediaType, 999, 'unknown int enum values are kept');
});

test('maps and relatedObjects', async (t) => {
    if (!BaseEntryGetContextDataAction) return t.skip('baseEntry.getContextData is not in this schema');
    reply(200, {
        objectType: 'KalturaEntryContextDataResult',
        isSiteRestricted: true,
        pluginData: {
            first: { objectType: 'KalturaDrmEntryContextPluginData', flavorData: 'x' },
            second: { objectType: 'KalturaNoSuchPluginData' },
        },
        relatedObjects: { users: { objectType: 'KalturaUserListResponse', totalCount: 5 } },
    });
    const result = await client().request(new BaseEntryGetContextDataAction({ entryId: '0_a' }));
    assert.equal(result.isSiteRestricted, true);
    assert.deepEqual(Object.keys(result.pluginData), ['first', 'second']);
    assert.equal(result.pluginData.second.constructor.name, 'KalturaPluginData');
    assert.equal(result.relatedObjects.users.totalCount, 5);
});

test('map results', async (t) => {
    if (!OttUserGetDynamicDataAction) return t.skip('no action of this schema returns a map');
    reply(200, { a: { objectType: 'KalturaStringValue', value: 'x' }, b: { value: 'y' } });
    const result = await client().request(new OttUserGetDynamicDataAction({ keys: [] }));
    assert.deepEqual(Object.keys(result), ['a', 'b']);
    assert.equal(result.a.value, 'x');
    assert.equal(result.b.value, 'y', 'a map value without objectType is the declared type');
    assert.equal(result.b.constructor.name, 'KalturaStringValue');
});

test('a response cannot re-prototype parsed objects (__proto__ keys are ignored)', async () => {
    reply(200, '{"objectType": "KalturaMediaListResponse", "totalCount": 1, "relatedObjects": {"__proto__": {"objectType": "KalturaX", "polluted": true}, "ok": {"objectType": "KalturaNoSuchType", "__proto__": {"polluted": true}, "totalCount": 7}}}');
    const result = await client().request(new MediaListAction({}));
    assert.deepEqual(Object.keys(result.relatedObjects), ['ok']);
    assert.equal(result.relatedObjects.ok.totalCount, 7);
    assert.equal(result.relatedObjects.ok.polluted, undefined);
    assert.equal({}.polluted, undefined);
    assert.equal(Object.getPrototypeOf(result.relatedObjects), Object.prototype);
});

test('simple results: booleans, strings', async () => {
    reply(200, true);
    assert.equal(await client().request(new SystemPingAction()), true);
    reply(200, '"upload-token-1"');
    const blob = new Blob(['data']);
    assert.equal(await client().request(new MediaUploadAction({ fileData: blob })), 'upload-token-1');
});

test('API errors reject with KalturaAPIException (code, message, args)', async () => {
    reply(200, {
        objectType: 'KalturaAPIException',
        code: 'ENTRY_ID_NOT_FOUND',
        message: 'Entry id "0_x" not found',
        args: [{ objectType: 'KalturaApiExceptionArg', name: 'ENTRY_ID', value: '0_x' }],
    });
    await assert.rejects(client().request(new MediaGetAction({ entryId: '0_x' })), (error) => {
        assert.ok(error instanceof KalturaAPIException);
        assert.equal(error.code, 'ENTRY_ID_NOT_FOUND');
        assert.equal(error.message, 'Entry id "0_x" not found');
        assert.deepEqual(error.args, { ENTRY_ID: '0_x' });
        return true;
    });
    reply(500, { objectType: 'KalturaAPIException', code: 'INTERNAL', message: 'boom', args: { A: 1 } });
    await assert.rejects(client().request(new MediaGetAction({ entryId: '0_x' })), (error) => {
        assert.ok(error instanceof KalturaAPIException);
        assert.deepEqual(error.args, { A: '1' });
        return true;
    });
});

test('OTT-style wrapped responses ({ executionTime, result }) are unwrapped', async () => {
    reply(200, { executionTime: 0.01, result: { objectType: 'KalturaMediaEntry', id: '0_w', name: 'wrapped' } });
    const entry = await client().request(new MediaGetAction({ entryId: '0_w' }));
    assert.ok(entry instanceof KalturaMediaEntry);
    assert.equal(entry.name, 'wrapped');
    reply(200, { executionTime: 0.01, result: { error: { objectType: 'KalturaAPIException', code: '500016', message: 'KS expired' } } });
    await assert.rejects(client().request(new MediaGetAction({ entryId: '0_w' })), { code: '500016', message: 'KS expired' });
    reply(200, { executionTime: 0.02, result: [{ objectType: 'KalturaMediaEntry', id: '0_a' }, { error: { objectType: 'KalturaAPIException', code: 'E', message: 'm' } }] });
    const multi = await client().multiRequest([new MediaGetAction({ entryId: 'a' }), new MediaGetAction({ entryId: 'b' })]);
    assert.equal(multi[0].result.id, '0_a');
    assert.equal(multi[1].error.code, 'E');
});

test('HTTP status is checked', async () => {
    reply(502, '<html>Bad gateway</html>', 'text/html');
    await assert.rejects(client().request(new MediaGetAction({ entryId: '0_x' })), (error) => {
        assert.ok(error instanceof KalturaClientException);
        assert.equal(error.code, 'client::http-error');
        assert.equal(error.args.status, 502);
        assert.match(error.message, /502/);
        return true;
    });
});

test('malformed JSON is a clear error', async () => {
    reply(200, '{"objectType": "KalturaMediaEntry", "id": ', 'application/json');
    await assert.rejects(client().request(new MediaGetAction({ entryId: '0_x' })), (error) => {
        assert.ok(error instanceof KalturaClientException);
        assert.equal(error.code, 'client::response-parse-error');
        assert.match(error.message, /media\.get: the server response is not valid JSON/);
        return true;
    });
});

test('a response of the wrong shape is a client error, not a crash', async () => {
    reply(200, { objectType: 'KalturaMediaListResponse', objects: 'not-an-array' });
    await assert.rejects(client().request(new MediaListAction({})), (error) => {
        assert.ok(error instanceof KalturaClientException);
        assert.equal(error.code, 'client::response-type-error');
        return true;
    });
});

// ------------------------------------------------------------------ multi-request

test('multi-request: typed results per position, dependencies, an error in the middle', async () => {
    reply(200, [
        { objectType: 'KalturaMediaEntry', id: '0_a', name: 'first' },
        { objectType: 'KalturaAPIException', code: 'ENTRY_ID_NOT_FOUND', message: 'nope', args: [] },
        { objectType: 'KalturaMediaEntry', id: '0_a', name: 'updated' },
    ]);
    requests.length = 0;
    const update = new MediaUpdateAction({ entryId: '', mediaEntry: new KalturaMediaEntry({ name: 'updated' }) }).setDependency([
        'entryId',
        0,
        'id',
    ]);
    const response = await client().multiRequest([
        new MediaGetAction({ entryId: '0_a' }),
        new MediaGetAction({ entryId: '0_missing' }),
        update,
    ]);
    assert.equal(response.length, 3);
    assert.ok(response.hasErrors());
    assert.equal(response.getFirstError().code, 'ENTRY_ID_NOT_FOUND');
    const [first, second, third] = response.responses;
    assert.ok(first.result instanceof KalturaMediaEntry);
    assert.equal(second.result, undefined);
    assert.ok(second.error instanceof KalturaAPIException);
    assert.equal(third.result.name, 'updated');
    const body = JSON.parse(requests[0].body.toString());
    assert.equal(requests[0].url, '/api_v3/service/multirequest?clientTag=node-test');
    assert.equal(body['2'].entryId, '{1:result:id}');
    assert.equal(body['0'].ks, KS);

    reply(200, [{ objectType: 'KalturaMediaEntry', id: '0_a' }]);
    const viaClass = await client().multiRequest(new KalturaMultiRequest(new MediaGetAction({ entryId: '0_a' })));
    assert.equal(viaClass[0].result.id, '0_a');
});

test('actions the server refuses in a multi-request are rejected before sending', async () => {
    // every such action of ovp-22.19.0 is a serve or upload action; a plain one as a newer schema may have
    class NotInMulti extends MediaGetAction {
        static metadata = { noMultiRequest: true, fields: {} };
    }
    requests.length = 0;
    await assert.rejects(
        client().multiRequest([new MediaGetAction({ entryId: 'a' }), new NotInMulti({ entryId: 'a' })]),
        { code: 'client::invalid_request', message: /media\.get cannot be part of a multi-request/ },
    );
    const MediaGetVolumeMapAction = await load('MediaGetVolumeMapAction');
    await assert.rejects(client().multiRequest([new MediaGetVolumeMapAction({ entryId: 'a' })]), {
        code: 'client::invalid_request',
        message: /media\.getVolumeMap cannot be part of a multi-request/,
    });
    assert.equal(requests.length, 0);
});

test('multi-request with the wrong number of results reports it per request', async () => {
    reply(200, [{ objectType: 'KalturaMediaEntry', id: '0_a' }]);
    const response = await client().multiRequest([new MediaGetAction({ entryId: 'a' }), new MediaGetAction({ entryId: 'b' })]);
    assert.equal(response.length, 2);
    assert.ok(response.every((r) => r.error instanceof KalturaClientException));
});

// ------------------------------------------------------------------ serve, uploads

test('serve actions resolve to their URL without a request', async () => {
    requests.length = 0;
    const { url } = await client().request(new MetadataProfileServeAction({ id: 7 }));
    assert.equal(requests.length, 0);
    const parsed = new URL(url);
    assert.equal(parsed.pathname, '/api_v3/service/metadata_metadataprofile/action/serve');
    assert.equal(parsed.searchParams.get('id'), '7');
    assert.equal(parsed.searchParams.get('ks'), KS);
    assert.equal(parsed.searchParams.get('format'), '1');
    assert.equal(parsed.searchParams.get('clientTag'), 'node-test');
});

test('uploads send multipart with every file parameter and flattened params', async () => {
    reply(200, { objectType: 'KalturaMetadataProfile', id: 5 });
    requests.length = 0;
    const action = new MetadataProfileAddFromFileAction({
        metadataProfile: new KalturaMetadataProfile({ name: 'profile', metadataObjectType: '1' }),
        xsdFile: new Blob(['<xsd/>'], { type: 'application/xml' }),
        viewsFile: new File(['<views/>'], 'views.xml'),
    });
    const result = await client().request(action);
    assert.ok(result instanceof KalturaMetadataProfile);
    const [req] = requests;
    assert.match(req.headers['content-type'], /^multipart\/form-data; boundary=/);
    const form = await new Response(req.body, { headers: { 'content-type': req.headers['content-type'] } }).formData();
    assert.equal(form.get('metadataProfile:objectType'), 'KalturaMetadataProfile');
    assert.equal(form.get('metadataProfile:name'), 'profile');
    assert.equal(form.get('ks'), KS);
    assert.equal(await form.get('xsdFile').text(), '<xsd/>');
    assert.equal(form.get('viewsFile').name, 'views.xml');
    assert.equal(await form.get('viewsFile').text(), '<views/>');
});

test('resumable uploads are sent in chunks with resume/resumeAt/finalChunk and report progress', async () => {
    const data = new Uint8Array(250_000).map((_, i) => i % 251);
    let received = 0;
    const chunks = [];
    handler = async (req, res) => {
        const form = await new Response(req.body, { headers: { 'content-type': req.headers['content-type'] } }).formData();
        const bytes = new Uint8Array(await form.get('fileData').arrayBuffer());
        chunks.push({ resume: form.get('resume'), resumeAt: form.get('resumeAt'), finalChunk: form.get('finalChunk'), size: bytes.length, first: bytes[0], token: form.get('uploadTokenId') });
        received += bytes.length;
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ objectType: 'KalturaUploadToken', id: 'tok', uploadedFileSize: received }));
    };
    const progress = [];
    const action = new UploadTokenUploadAction({ uploadTokenId: 'tok', fileData: new File([data], 'movie.mp4') }).setProgress((loaded, total) => progress.push([loaded, total]));
    const token = await client({ chunkFileSize: 100_000 }).request(action);
    assert.equal(token.uploadedFileSize, 250_000);
    assert.deepEqual(chunks, [
        { resume: '0', resumeAt: '0', finalChunk: '0', size: 100_000, first: 0, token: 'tok' },
        { resume: '1', resumeAt: '100000', finalChunk: '0', size: 100_000, first: 100_000 % 251, token: 'tok' },
        { resume: '1', resumeAt: '200000', finalChunk: '1', size: 50_000, first: 200_000 % 251, token: 'tok' },
    ]);
    assert.deepEqual(progress, [[100_000, 250_000], [200_000, 250_000], [250_000, 250_000]]);

    // without chunking (disabled, or small files): one request with the defaults
    chunks.length = 0;
    received = 0;
    await client({ chunkFileSize: 100_000, chunkFileDisabled: true }).request(new UploadTokenUploadAction({ uploadTokenId: 'tok', fileData: new Blob([data]) }));
    assert.deepEqual(chunks, [{ resume: '0', resumeAt: '-1', finalChunk: '1', size: 250_000, first: 0, token: 'tok' }]);
});

// ------------------------------------------------------------------ cancellation, timeouts

function hang() {
    handler = (req, res) => setTimeout(() => res.end('true'), 2000);
}

test('timeouts abort with client::timeout', async () => {
    hang();
    const started = Date.now();
    await assert.rejects(client().request(new SystemPingAction(), { timeout: 50 }), (error) => {
        assert.ok(error instanceof KalturaClientException);
        assert.equal(error.code, 'client::timeout');
        return true;
    });
    assert.ok(Date.now() - started < 1500);
    await assert.rejects(client({ timeout: 50 }).request(new SystemPingAction()), { code: 'client::timeout' });
});

test('AbortSignal and cancel() abort with client::request-aborted', async () => {
    hang();
    const controller = new AbortController();
    const pending = client().request(new SystemPingAction(), { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await assert.rejects(pending, { code: 'client::request-aborted' });
    const canceled = client().request(new SystemPingAction());
    setTimeout(() => canceled.cancel(), 20);
    await assert.rejects(canceled, { code: 'client::request-aborted' });
    const already = AbortSignal.abort();
    await assert.rejects(client().request(new SystemPingAction(), { signal: already }), { code: 'client::request-aborted' });
});

test('network errors are client errors', async () => {
    const dead = new KalturaClient({ endpointUrl: 'http://127.0.0.1:1', clientTag: 't' }, { ks: KS });
    await assert.rejects(dead.request(new SystemPingAction()), { code: 'client::request-network-error' });
});

test('missing client options reject', async () => {
    await assert.rejects(new KalturaClient().request(new SystemPingAction()), { code: 'client::missing_options' });
});

// ------------------------------------------------------------------ the KS is never logged

test('the KS is never logged nor shown when inspecting', async () => {
    const logged = [];
    const saved = {};
    for (const level of ['log', 'info', 'warn', 'error', 'debug']) {
        saved[level] = console[level];
        console[level] = (...args) => logged.push(args.map(String).join(' '));
    }
    try {
        const c = client();
        reply(200, { objectType: 'KalturaAPIException', code: 'X', message: 'failed', args: [] });
        await assert.rejects(c.request(new MediaGetAction({ entryId: 'a' })));
        reply(503, 'down', 'text/plain');
        const error = await c.request(new MediaGetAction({ entryId: 'a' })).catch((e) => e);
        assert.ok(!inspect(error).includes(KS));
        reply(200, '{bad json');
        const parseError = await c.request(new MediaGetAction({ entryId: 'a' })).catch((e) => e);
        assert.ok(!inspect(parseError).includes(KS));
        assert.ok(!inspect(c).includes(KS));
        assert.ok(!JSON.stringify(c).includes(KS));
        assert.ok(!inspect(c.getDefaultRequestOptions()).includes(KS));
    } finally {
        Object.assign(console, saved);
    }
    assert.deepEqual(logged.filter((line) => line.includes(KS)), []);
    assert.deepEqual(logged, []);
});
