import { KalturaMultiRequest, KalturaMultiResponse, type KalturaMultiResults } from './api/kaltura-multi-request.js';
import { KalturaRequest } from './api/kaltura-request.js';
import { KalturaRequestOptions, type KalturaRequestOptionsArgs } from './api/kaltura-request-options.js';
export interface KalturaClientOptions {
    /** Identifies the application in server logs (sent as the `clientTag` query parameter). */
    clientTag: string;
    /** The Kaltura server, e.g. `https://www.kaltura.com`. */
    endpointUrl: string;
    /** Abort every request after this many milliseconds (a per-call `timeout` wins). */
    timeout?: number;
    /** The `fetch` to use; defaults to the global one (Node >= 18, browsers, Deno, Bun). */
    fetch?: typeof globalThis.fetch;
    /**
     * Chunk size in bytes for resumable uploads (actions with `resume`, `resumeAt` and
     * `finalChunk` parameters, e.g. `uploadToken.upload`); default 5 MB.
     */
    chunkFileSize?: number;
    /** Send files in one request even when the action supports chunks. */
    chunkFileDisabled?: boolean;
}
/** Per-call options. */
export interface KalturaCallOptions {
    /** Cancels the call when aborted; the promise rejects with a `KalturaClientException`. */
    signal?: AbortSignal;
    /** Milliseconds before the call is aborted with code `client::timeout`. */
    timeout?: number;
}
/** A Promise that can also be canceled (as the official client's `CancelableAction`). */
export type CancelablePromise<T> = Promise<T> & {
    cancel(): void;
};
/** The official client's name for what `request()` returns. */
export type CancelableAction<T> = CancelablePromise<T>;
type AnyRequest = KalturaRequest<any>;
/** The full parameters of a request (as the official client's `prepareParameters`). */
export declare function buildRequestParameters(request: {
    buildRequest(defaultRequestOptions: KalturaRequestOptions | null): Record<string, unknown>;
}, defaultRequestOptions: KalturaRequestOptions | null): Record<string, unknown>;
export declare class KalturaClient {
    private _options;
    private _defaultRequestOptions;
    constructor(options?: KalturaClientOptions, defaultRequestOptionsArgs?: KalturaRequestOptionsArgs);
    appendOptions(options: Partial<KalturaClientOptions>): void;
    setOptions(options: KalturaClientOptions): void;
    appendDefaultRequestOptions(args: KalturaRequestOptionsArgs): void;
    setDefaultRequestOptions(args: KalturaRequestOptionsArgs): void;
    getDefaultRequestOptions(): KalturaRequestOptions;
    /** Never print the KS (or anything else secret) when the client is logged or inspected. */
    toJSON(): object;
    private _checkedOptions;
    private _endpoint;
    /**
     * Send one request. Resolves with the typed result (for a serve action: `{ url }`, without
     * any network call); rejects with `KalturaAPIException` (server errors) or
     * `KalturaClientException` (transport, HTTP status, unreadable response, timeout, abort).
     */
    request<T>(request: KalturaRequest<T>, callOptions?: KalturaCallOptions): CancelablePromise<T>;
    /**
     * Send several requests in one HTTP call; resolves with one response per request, typed by
     * position: `const [a, b] = await client.multiRequest([getA, getB])` gives `a.result` the
     * result type of `getA`.
     */
    multiRequest<const R extends readonly AnyRequest[]>(requests: R | KalturaMultiRequest<R>, callOptions?: KalturaCallOptions): CancelablePromise<KalturaMultiResponse<R> & KalturaMultiResults<R>>;
    /** The request's file parameters that hold a Blob, as [wire name, file]. */
    private _files;
    private _formData;
    /** The single file to send in chunks, when the action resumes uploads and the file is big. */
    private _chunkable;
    private _chunkSize;
    private _chunkedUpload;
    private _send;
    private _transmit;
}
export {};
