import { KalturaAPIException } from './api/kaltura-api-exception.js';
import { KalturaClientException } from './api/kaltura-client-exception.js';
import { KalturaMultiRequest } from './api/kaltura-multi-request.js';
import { KalturaFileRequest, KalturaRequest, KalturaUploadRequest, isApiError, unwrapNested } from './api/kaltura-request.js';
import { KalturaRequestOptions } from './api/kaltura-request-options.js';
import { fieldsOf, ownMetadata } from './api/kaltura-object-base.js';
import { environment } from './environment.js';
const DEFAULT_CHUNK_SIZE = 5e6;
const CHUNK_FIELDS = ['resume', 'resumeAt', 'finalChunk'];
/** The full parameters of a request (as the official client's `prepareParameters`). */
export function buildRequestParameters(request, defaultRequestOptions) {
    return Object.assign({}, request.buildRequest(defaultRequestOptions), {
        apiVersion: environment.request.apiVersion,
        format: 1,
    });
}
function querystring(data, prefix) {
    const parts = [];
    for (const [name, value] of Object.entries(data)) {
        const key = prefix ? `${prefix}[${name}]` : name;
        if (value !== null && typeof value === 'object') {
            parts.push(...querystring(value, key));
        }
        else if (value !== undefined) {
            parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
        }
    }
    return parts;
}
function appendForm(form, data, prefix) {
    for (const [name, value] of Object.entries(data)) {
        const key = prefix ? `${prefix}:${name}` : name;
        if (value === undefined)
            continue;
        if (value !== null && typeof value === 'object') {
            appendForm(form, value, key);
        }
        else if (typeof value === 'boolean') {
            form.append(key, value ? '1' : '0');
        }
        else {
            form.append(key, value === null ? '' : String(value));
        }
    }
}
function describe(error) {
    return error instanceof Error ? error.message : String(error);
}
export class KalturaClient {
    _options;
    _defaultRequestOptions;
    constructor(options, defaultRequestOptionsArgs) {
        this._options = options;
        this._defaultRequestOptions = new KalturaRequestOptions(defaultRequestOptionsArgs ?? {});
    }
    appendOptions(options) {
        this._options = Object.assign({}, this._options, options);
    }
    setOptions(options) {
        this._options = options;
    }
    appendDefaultRequestOptions(args) {
        this._defaultRequestOptions = new KalturaRequestOptions(Object.assign({}, this._defaultRequestOptions, args));
    }
    setDefaultRequestOptions(args) {
        this._defaultRequestOptions = new KalturaRequestOptions(args);
    }
    getDefaultRequestOptions() {
        return this._defaultRequestOptions;
    }
    /** Never print the KS (or anything else secret) when the client is logged or inspected. */
    toJSON() {
        return { options: this._options ? { ...this._options, fetch: undefined } : undefined };
    }
    [Symbol.for('nodejs.util.inspect.custom')]() {
        return `KalturaClient(${JSON.stringify(this.toJSON())})`;
    }
    _checkedOptions() {
        const options = this._options;
        if (!options) {
            throw new KalturaClientException('client::missing_options', 'cannot transmit request, missing client options');
        }
        if (!options.endpointUrl) {
            throw new KalturaClientException('client::missing_options', "cannot transmit request, missing 'endpointUrl' in client options");
        }
        if (!options.clientTag) {
            throw new KalturaClientException('client::missing_options', "cannot transmit request, missing 'clientTag' in client options");
        }
        return options;
    }
    _endpoint(options, request, service, action) {
        const base = options.endpointUrl.trim().replace(/\/+$/, '');
        let url = `${base}/api_v3/service/${encodeURIComponent(String(service))}`;
        if (action)
            url += `/action/${encodeURIComponent(String(action))}`;
        const tag = request.getNetworkTag();
        const clientTag = tag ? `${options.clientTag.trim()}_${tag}` : options.clientTag.trim();
        return `${url}${url.includes('?') ? '&' : '?'}clientTag=${encodeURIComponent(clientTag)}`;
    }
    /**
     * Send one request. Resolves with the typed result (for a serve action: `{ url }`, without
     * any network call); rejects with `KalturaAPIException` (server errors) or
     * `KalturaClientException` (transport, HTTP status, unreadable response, timeout, abort).
     */
    request(request, callOptions = {}) {
        return this._send(callOptions, async (signal) => {
            const options = this._checkedOptions();
            if (!(request instanceof KalturaRequest)) {
                throw new KalturaClientException('client::request_type_error', 'unsupported request type requested');
            }
            const { service, action, ...params } = buildRequestParameters(request, this._defaultRequestOptions);
            if (request instanceof KalturaFileRequest) {
                const url = this._endpoint(options, request, service, action);
                const query = querystring(params).join('&');
                return { url: query ? `${url}&${query}` : url };
            }
            const endpoint = this._endpoint(options, request, service, action);
            const what = `${String(service)}.${String(action)}`;
            let raw;
            if (request instanceof KalturaUploadRequest) {
                const files = this._files(request);
                const chunked = this._chunkable(options, request, files);
                raw = chunked
                    ? await this._chunkedUpload(options, request, params, chunked, endpoint, signal, what)
                    : await this._transmit(options, endpoint, this._formData(params, files), signal, what);
                const total = files.reduce((sum, [, file]) => sum + file.size, 0);
                if (!chunked)
                    request.getProgress()?.(total, total);
            }
            else {
                raw = await this._transmit(options, endpoint, JSON.stringify(params), signal, what);
            }
            const response = request.handleResponse(raw);
            if (response.error !== undefined)
                throw response.error;
            return response.result;
        });
    }
    /**
     * Send several requests in one HTTP call; resolves with one response per request, typed by
     * position: `const [a, b] = await client.multiRequest([getA, getB])` gives `a.result` the
     * result type of `getA`.
     */
    multiRequest(requests, callOptions = {}) {
        return this._send(callOptions, async (signal) => {
            const options = this._checkedOptions();
            const multi = requests instanceof KalturaMultiRequest ? requests : new KalturaMultiRequest(...requests);
            const refused = multi.requests.find((item) => ownMetadata(item.constructor)?.noMultiRequest === true);
            if (refused !== undefined) {
                throw new KalturaClientException('client::invalid_request', `${refused.__service__}.${refused.__action__} cannot be part of a multi-request; send it with request()`);
            }
            if (multi.requests.some((item) => item instanceof KalturaFileRequest || item instanceof KalturaUploadRequest)) {
                throw new KalturaClientException('client::invalid_request', 'a multi-request cannot contain serve or upload actions; send them with request()');
            }
            const { service, action, ...params } = buildRequestParameters(multi, this._defaultRequestOptions);
            const endpoint = this._endpoint(options, multi, service, action);
            const raw = await this._transmit(options, endpoint, JSON.stringify(params), signal, 'multirequest');
            return multi.handleResponse(raw);
        });
    }
    /** The request's file parameters that hold a Blob, as [wire name, file]. */
    _files(request) {
        const files = [];
        const self = request;
        for (const [name, spec] of fieldsOf(request.constructor)) {
            if (spec[0] !== 'f')
                continue;
            const file = self[name];
            if (file instanceof Blob) {
                files.push([spec[3] ?? name, file]);
            }
            else if (file !== undefined && file !== null) {
                throw new KalturaClientException('client::invalid-argument', `'${name}' must be a Blob or File`);
            }
        }
        return files;
    }
    _formData(params, files) {
        const form = new FormData();
        appendForm(form, params, '');
        for (const [name, file] of files) {
            const fileName = typeof file.name === 'string' ? file.name : name;
            form.append(name, file, fileName);
        }
        return form;
    }
    /** The single file to send in chunks, when the action resumes uploads and the file is big. */
    _chunkable(options, request, files) {
        if (options.chunkFileDisabled || files.length !== 1)
            return undefined;
        const names = new Set(fieldsOf(request.constructor).map(([name]) => name));
        if (!CHUNK_FIELDS.every((name) => names.has(name)))
            return undefined;
        const [file] = files;
        return file !== undefined && file[1].size > this._chunkSize(options) ? file : undefined;
    }
    _chunkSize(options) {
        const size = options.chunkFileSize;
        return size !== undefined && Number.isFinite(size) && size > 0 ? Math.floor(size) : DEFAULT_CHUNK_SIZE;
    }
    async _chunkedUpload(options, request, params, [fieldName, file], endpoint, signal, what) {
        const chunkSize = this._chunkSize(options);
        const fileName = typeof file.name === 'string' ? file.name : fieldName;
        const startAt = Number(params['resumeAt']);
        let resumeAt = Number.isFinite(startAt) && startAt > 0 ? startAt : 0;
        let resume = resumeAt > 0;
        for (;;) {
            const end = Math.min(file.size, resumeAt + chunkSize);
            const finalChunk = end >= file.size;
            const form = this._formData({ ...params, resume, resumeAt, finalChunk }, []);
            form.append(fieldName, file.slice(resumeAt, end), fileName);
            const raw = await this._transmit(options, endpoint, form, signal, what);
            request.getProgress()?.(end, file.size);
            if (finalChunk)
                return raw;
            const interim = unwrapNested(raw);
            if (isApiError(interim))
                throw KalturaAPIException.fromResponse(interim);
            const uploaded = interim !== null && typeof interim === 'object' ? Number(interim['uploadedFileSize']) : NaN;
            if (!Number.isFinite(uploaded) || uploaded <= resumeAt) {
                throw new KalturaClientException('client::upload-failure', `${what}: the server did not confirm the uploaded chunk (uploadedFileSize)`);
            }
            resumeAt = uploaded;
            resume = true;
        }
    }
    _send(callOptions, run) {
        const controller = new AbortController();
        const timeout = callOptions.timeout ?? this._options?.timeout;
        let timer;
        if (timeout !== undefined && timeout > 0) {
            timer = setTimeout(() => {
                controller.abort(new KalturaClientException('client::timeout', `request timed out after ${timeout} ms`, { timeout }));
            }, timeout);
        }
        const external = callOptions.signal;
        const onAbort = () => {
            controller.abort(new KalturaClientException('client::request-aborted', 'request aborted', { reason: external?.reason }));
        };
        if (external) {
            if (external.aborted)
                onAbort();
            else
                external.addEventListener('abort', onAbort, { once: true });
        }
        const promise = (async () => {
            try {
                if (controller.signal.aborted)
                    throw controller.signal.reason;
                return await run(controller.signal);
            }
            catch (error) {
                if (controller.signal.aborted && controller.signal.reason instanceof KalturaClientException) {
                    throw controller.signal.reason;
                }
                throw error;
            }
            finally {
                if (timer !== undefined)
                    clearTimeout(timer);
                external?.removeEventListener('abort', onAbort);
            }
        })();
        return Object.assign(promise, {
            cancel: () => {
                controller.abort(new KalturaClientException('client::request-aborted', 'request canceled'));
            },
        });
    }
    async _transmit(options, endpoint, body, signal, what) {
        const fetchImpl = options.fetch ?? globalThis.fetch;
        const headers = { Accept: 'application/json' };
        if (typeof body === 'string')
            headers['Content-Type'] = 'application/json';
        let status;
        let text;
        try {
            const response = await fetchImpl(endpoint, { method: 'POST', headers, body, signal });
            status = response.status;
            text = await response.text();
        }
        catch (error) {
            if (signal.aborted)
                throw signal.reason;
            throw new KalturaClientException('client::request-network-error', `${what}: ${describe(error)}`);
        }
        let json;
        let parsed = false;
        try {
            json = JSON.parse(text);
            parsed = true;
        }
        catch {
            // reported below
        }
        if (status < 200 || status > 299) {
            if (parsed && isApiError(json))
                throw KalturaAPIException.fromResponse(json);
            throw new KalturaClientException('client::http-error', `${what}: HTTP status ${status}`, {
                status,
                body: text.slice(0, 200),
            });
        }
        if (!parsed) {
            const excerpt = text.length > 80 ? `${text.slice(0, 80)}...` : text;
            throw new KalturaClientException('client::response-parse-error', `${what}: the server response is not valid JSON: ${JSON.stringify(excerpt)}`, { status });
        }
        return json;
    }
}
