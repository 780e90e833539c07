import { KalturaAPIException } from './kaltura-api-exception.js';
import { KalturaClientException } from './kaltura-client-exception.js';
import { KalturaObjectBase, type KalturaFieldKind, type KalturaObjectBaseArgs } from './kaltura-object-base.js';
import { KalturaRequestOptions, type KalturaRequestOptionsArgs } from './kaltura-request-options.js';
import type { KalturaObjectClass } from './kaltura-types-factory.js';
/** The outcome of one request: a result or an error (used by multi-requests). */
export declare class KalturaResponse<T> {
    readonly result: T | undefined;
    readonly error: KalturaAPIException | KalturaClientException | undefined;
    constructor(result: T | undefined, error: KalturaAPIException | KalturaClientException | undefined);
}
export interface KalturaRequestBaseArgs extends KalturaObjectBaseArgs {
}
export interface KalturaRequestArgs extends KalturaRequestBaseArgs {
}
/** What an action returns: its kind (`v` void), declared type, and the classes it may hold. */
export interface KalturaResultSpec {
    readonly kind: KalturaFieldKind | 'v';
    readonly subType?: string;
    /** Classes the result is parsed into (kept referenced so bundlers include them). */
    readonly types?: readonly KalturaObjectClass[];
}
export declare class KalturaRequestBase extends KalturaObjectBase {
    /** @internal */ private _networkTag?;
    constructor(data?: KalturaRequestBaseArgs);
    /** A short tag (at most 10 characters) appended to the clientTag of this request. */
    setNetworkTag(tag: string): this;
    getNetworkTag(): string | undefined;
}
/**
 * OTT servers wrap results as `{ executionTime, result }` and errors as `{ result: { error } }`
 * (an error item of a multi-request as `{ error }`); OVP servers send results bare. Objects
 * always carry `objectType`, so a wrapper is recognised without configuration.
 */
export declare function unwrapNested(response: unknown): unknown;
/** Is this response value an API error? */
export declare function isApiError(value: unknown): value is Record<string, unknown>;
/** One API call: `service`, `action` and the action's parameters; `T` is what it returns. */
export declare abstract class KalturaRequest<T> extends KalturaRequestBase {
    /** @internal */ private __requestOptions__?;
    /** @internal */ private __callback__?;
    /** @internal */ readonly __service__: string;
    /** @internal */ readonly __action__: string;
    /** @internal */ readonly __result__: KalturaResultSpec;
    constructor(data: KalturaRequestArgs | undefined, service: string, action: string, result: KalturaResultSpec);
    setRequestOptions(options: KalturaRequestOptionsArgs | KalturaRequestOptions): this;
    getRequestOptions(): KalturaRequestOptions | undefined;
    setCompletion(callback: (response: KalturaResponse<T>) => void): this;
    /** The request's parameters: default options, then this request's options, then the action's. */
    buildRequest(defaultRequestOptions: KalturaRequestOptions | null): Record<string, unknown>;
    /** Parse this request's raw (format=1) response into a result or an error. */
    handleResponse(response: unknown): KalturaResponse<T>;
}
/** A "serve" action: the client resolves it to its download URL instead of calling it. */
export declare abstract class KalturaFileRequest extends KalturaRequest<{
    url: string;
}> {
    constructor(data: KalturaRequestArgs | undefined, service: string, action: string);
}
export type ProgressCallback = (loaded: number, total: number) => void;
export interface KalturaUploadRequestArgs extends KalturaRequestArgs {
}
/** An action with file parameters: sent as multipart/form-data. */
export declare abstract class KalturaUploadRequest<T> extends KalturaRequest<T> {
    /** @internal */ private __progress__?;
    setProgress(callback: ProgressCallback): this;
    getProgress(): ProgressCallback | undefined;
}
export { KalturaRequestOptions, type KalturaRequestOptionsArgs };
