import { KalturaAPIException } from './kaltura-api-exception.js';
import { KalturaClientException } from './kaltura-client-exception.js';
import { KalturaObjectBase, parseValue, type KalturaFieldKind, type KalturaObjectBaseArgs } from './kaltura-object-base.js';
import { KalturaRequestOptions, type KalturaRequestOptionsArgs } from './kaltura-request-options.js';
import type { KalturaObjectClass } from './kaltura-types-factory.js';

/** The outcome of one request: a result or an error (used by multi-requests). */
export class KalturaResponse<T> {
    constructor(
        public readonly result: T | undefined,
        public readonly error: KalturaAPIException | KalturaClientException | undefined,
    ) {}
}

export interface KalturaRequestBaseArgs extends KalturaObjectBaseArgs {}
export interface KalturaRequestArgs extends KalturaRequestBaseArgs {}

/** What an action returns: its kind (`v` void), declared type, and the classes it may hold. */
export interface KalturaResultSpec {
    readonly kind: KalturaFieldKind | 'v';
    readonly subType?: string;
    /** Classes the result is parsed into (kept referenced so bundlers include them). */
    readonly types?: readonly KalturaObjectClass[];
}

export class KalturaRequestBase extends KalturaObjectBase {
    /** @internal */ declare private _networkTag?: string;

    constructor(data?: KalturaRequestBaseArgs) {
        super(data);
    }

    /** A short tag (at most 10 characters) appended to the clientTag of this request. */
    setNetworkTag(tag: string): this {
        if (!tag || tag.length > 10) {
            throw new KalturaClientException('client::invalid-argument', 'a network tag has 1 to 10 characters');
        }
        this._networkTag = tag;
        return this;
    }

    getNetworkTag(): string | undefined {
        return this._networkTag;
    }
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * OTT servers wrap results as `{ executionTime, result }` and errors as `{ result: { error } }`
 * (an error item of a multi-request as `{ error }`); OVP servers send results bare. Objects
 * always carry `objectType`, so a wrapper is recognised without configuration.
 */
export function unwrapNested(response: unknown): unknown {
    if (!isPlainRecord(response) || 'objectType' in response) return response;
    if ('executionTime' in response && 'result' in response) {
        const result = response['result'];
        if (isPlainRecord(result) && !('objectType' in result) && 'error' in result) return result['error'];
        return result;
    }
    const keys = Object.keys(response);
    if (keys.length === 1 && keys[0] === 'error' && isPlainRecord(response['error'])) return response['error'];
    if ('executionTime' in response && 'error' in response) return response['error'];
    return response;
}

/** Is this response value an API error? */
export function isApiError(value: unknown): value is Record<string, unknown> {
    return (
        value !== null &&
        typeof value === 'object' &&
        (value as Record<string, unknown>)['objectType'] === 'KalturaAPIException'
    );
}

/** One API call: `service`, `action` and the action's parameters; `T` is what it returns. */
export abstract class KalturaRequest<T> extends KalturaRequestBase {
    /** @internal */ declare private __requestOptions__?: KalturaRequestOptions;
    /** @internal */ declare private __callback__?: (response: KalturaResponse<T>) => void;
    /** @internal */ declare readonly __service__: string;
    /** @internal */ declare readonly __action__: string;
    /** @internal */ declare readonly __result__: KalturaResultSpec;

    constructor(data: KalturaRequestArgs | undefined, service: string, action: string, result: KalturaResultSpec) {
        super(data);
        Object.defineProperties(this, {
            __service__: { value: service },
            __action__: { value: action },
            __result__: { value: result },
        });
    }

    setRequestOptions(options: KalturaRequestOptionsArgs | KalturaRequestOptions): this {
        this.__requestOptions__ = options instanceof KalturaRequestOptions ? options : new KalturaRequestOptions(options);
        return this;
    }

    getRequestOptions(): KalturaRequestOptions | undefined {
        return this.__requestOptions__;
    }

    setCompletion(callback: (response: KalturaResponse<T>) => void): this {
        this.__callback__ = callback;
        return this;
    }

    /** The request's parameters: default options, then this request's options, then the action's. */
    buildRequest(defaultRequestOptions: KalturaRequestOptions | null): Record<string, unknown> {
        return Object.assign(
            {},
            defaultRequestOptions ? defaultRequestOptions.toRequestObject() : {},
            this.__requestOptions__ ? this.__requestOptions__.toRequestObject() : {},
            { service: this.__service__, action: this.__action__ },
            this.toRequestObject(),
        );
    }

    /** Parse this request's raw (format=1) response into a result or an error. */
    handleResponse(response: unknown): KalturaResponse<T> {
        let outcome: KalturaResponse<T>;
        try {
            const unwrapped = unwrapNested(response);
            if (unwrapped instanceof KalturaAPIException || unwrapped instanceof KalturaClientException) {
                outcome = new KalturaResponse<T>(undefined, unwrapped);
            } else if (isApiError(unwrapped)) {
                outcome = new KalturaResponse<T>(undefined, KalturaAPIException.fromResponse(unwrapped));
            } else {
                const spec = this.__result__;
                const where = `${this.__service__}.${this.__action__} result`;
                const value = parseValue(spec.kind, spec.subType ?? '', unwrapped, where);
                outcome = new KalturaResponse<T>(value as T, undefined);
            }
        } catch (error) {
            const exception =
                error instanceof KalturaClientException
                    ? error
                    : new KalturaClientException('client::response-type-error', error instanceof Error ? error.message : String(error));
            outcome = new KalturaResponse<T>(undefined, exception);
        }
        if (this.__callback__) {
            try {
                this.__callback__(outcome);
            } catch {
                // a completion callback never breaks the request
            }
        }
        return outcome;
    }
}

/** A "serve" action: the client resolves it to its download URL instead of calling it. */
export abstract class KalturaFileRequest extends KalturaRequest<{ url: string }> {
    constructor(data: KalturaRequestArgs | undefined, service: string, action: string) {
        super(data, service, action, { kind: 'v' });
    }
}

export type ProgressCallback = (loaded: number, total: number) => void;

export interface KalturaUploadRequestArgs extends KalturaRequestArgs {}

/** An action with file parameters: sent as multipart/form-data. */
export abstract class KalturaUploadRequest<T> extends KalturaRequest<T> {
    /** @internal */ declare private __progress__?: ProgressCallback;

    setProgress(callback: ProgressCallback): this {
        this.__progress__ = callback;
        return this;
    }

    getProgress(): ProgressCallback | undefined {
        return this.__progress__;
    }
}

export { KalturaRequestOptions, type KalturaRequestOptionsArgs };
