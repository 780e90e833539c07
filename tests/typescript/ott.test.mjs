// An OTT package (ott-5.3.7) at run time against a local 127.0.0.1 server: map parameters in the
// request body, `{ executionTime, result }` responses, OTT errors. KALTURA_TS_DIST = its dist/.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = process.env.KALTURA_TS_DIST;
const load = async (name) => (await import(pathToFileURL(path.join(dist, 'api', 'types', `${name}.js`)).href))[name];
const { KalturaClient, KalturaAPIException } = await import(pathToFileURL(path.join(dist, 'index.js')).href);
const OttUserLoginAction = await load('OttUserLoginAction');
const KalturaStringValue = await load('KalturaStringValue');
const KalturaOTTUser = await load('KalturaOTTUser');

let handler;
const bodies = [];
const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
        bodies.push({ url: req.url, body: JSON.parse(Buffer.concat(chunks).toString()) });
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(handler()));
    });
});
let endpointUrl;
before(async () => {
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpointUrl = `http://127.0.0.1:${server.address().port}`;
});
after(() => new Promise((resolve) => server.close(resolve)));

test('OTT login: map parameter on the wire, wrapped response parsed', async () => {
    handler = () => ({
        executionTime: 0.05,
        result: {
            objectType: 'KalturaLoginResponse',
            user: { objectType: 'KalturaOTTUser', id: '42', username: 'john', userState: 'ok' },
            loginSession: { objectType: 'KalturaLoginSession', ks: 'NEW-KS', expiry: 1700000000 },
        },
    });
    const client = new KalturaClient({ endpointUrl, clientTag: 'ott' }, { partnerId: 3197 });
    const action = new OttUserLoginAction({
        partnerId: 3197,
        username: 'john',
        password: 'secret',
        extraParams: { loginType: new KalturaStringValue({ value: 'sso' }) },
    });
    const response = await client.request(action);
    assert.ok(response.user instanceof KalturaOTTUser);
    assert.equal(response.user.username, 'john');
    assert.equal(response.loginSession.ks, 'NEW-KS');
    const [{ url, body }] = bodies;
    assert.equal(url, '/api_v3/service/ottuser/action/login?clientTag=ott');
    assert.deepEqual(body.extraParams, { loginType: { objectType: 'KalturaStringValue', value: 'sso' } });
    assert.equal(body.apiVersion, '5.3.7.28130');
    assert.equal(body.partnerId, 3197);
});

test('OTT errors inside the wrapper are KalturaAPIExceptions', async () => {
    handler = () => ({ executionTime: 0.01, result: { error: { objectType: 'KalturaAPIException', code: '1011', message: 'Wrong username or password' } } });
    const client = new KalturaClient({ endpointUrl, clientTag: 'ott' });
    await assert.rejects(client.request(new OttUserLoginAction({ partnerId: 1 })), (error) => {
        assert.ok(error instanceof KalturaAPIException);
        assert.equal(error.code, '1011');
        return true;
    });
});
