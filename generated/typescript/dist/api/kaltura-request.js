import { KalturaAPIException } from './kaltura-api-exception.js';
import { KalturaClientException } from './kaltura-client-exception.js';
import { KalturaObjectBase, parseValue } from './kaltura-object-base.js';
import { KalturaRequestOptions } from './kaltura-request-options.js';
/** The outcome of one request: a result or an error (used by multi-requests). */
export class KalturaResponse {
    result;
    error;
    constructor(result, error) {
        this.result = result;
        this.error = error;
    }
}
export class KalturaRequestBase extends KalturaObjectBase {
    constructor(data) {
        super(data);
    }
    /** A short tag (at most 10 characters) appended to the clientTag of this request. */
    setNetworkTag(tag) {
        if (!tag || tag.length > 10) {
            throw new KalturaClientException('client::invalid-argument', 'a network tag has 1 to 10 characters');
        }
        this._networkTag = tag;
        return this;
    }
    getNetworkTag() {
        return this._networkTag;
    }
}
function isPlainRecord(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}
/**
 * OTT servers wrap results as `{ executionTime, result }` and errors as `{ result: { error } }`
 * (an error item of a multi-request as `{ error }`); OVP servers send results bare. Objects
 * always carry `objectType`, so a wrapper is recognised without configuration.
 */
export function unwrapNested(response) {
    if (!isPlainRecord(response) || 'objectType' in response)
        return response;
    if ('executionTime' in response && 'result' in response) {
        const result = response['result'];
        if (isPlainRecord(result) && !('objectType' in result) && 'error' in result)
            return result['error'];
        return result;
    }
    const keys = Object.keys(response);
    if (keys.length === 1 && keys[0] === 'error' && isPlainRecord(response['error']))
        return response['error'];
    if ('executionTime' in response && 'error' in response)
        return response['error'];
    return response;
}
/** Is this response value an API error? */
export function isApiError(value) {
    return (value !== null &&
        typeof value === 'object' &&
        value['objectType'] === 'KalturaAPIException');
}
/** One API call: `service`, `action` and the action's parameters; `T` is what it returns. */
export class KalturaRequest extends KalturaRequestBase {
    constructor(data, service, action, result) {
        super(data);
        Object.defineProperties(this, {
            __service__: { value: service },
            __action__: { value: action },
            __result__: { value: result },
        });
    }
    setRequestOptions(options) {
        this.__requestOptions__ = options instanceof KalturaRequestOptions ? options : new KalturaRequestOptions(options);
        return this;
    }
    getRequestOptions() {
        return this.__requestOptions__;
    }
    setCompletion(callback) {
        this.__callback__ = callback;
        return this;
    }
    /** The request's parameters: default options, then this request's options, then the action's. */
    buildRequest(defaultRequestOptions) {
        return Object.assign({}, defaultRequestOptions ? defaultRequestOptions.toRequestObject() : {}, this.__requestOptions__ ? this.__requestOptions__.toRequestObject() : {}, { service: this.__service__, action: this.__action__ }, this.toRequestObject());
    }
    /** Parse this request's raw (format=1) response into a result or an error. */
    handleResponse(response) {
        let outcome;
        try {
            const unwrapped = unwrapNested(response);
            if (unwrapped instanceof KalturaAPIException || unwrapped instanceof KalturaClientException) {
                outcome = new KalturaResponse(undefined, unwrapped);
            }
            else if (isApiError(unwrapped)) {
                outcome = new KalturaResponse(undefined, KalturaAPIException.fromResponse(unwrapped));
            }
            else {
                const spec = this.__result__;
                const where = `${this.__service__}.${this.__action__} result`;
                const value = parseValue(spec.kind, spec.subType ?? '', unwrapped, where);
                outcome = new KalturaResponse(value, undefined);
            }
        }
        catch (error) {
            const exception = error instanceof KalturaClientException
                ? error
                : new KalturaClientException('client::response-type-error', error instanceof Error ? error.message : String(error));
            outcome = new KalturaResponse(undefined, exception);
        }
        if (this.__callback__) {
            try {
                this.__callback__(outcome);
            }
            catch {
                // a completion callback never breaks the request
            }
        }
        return outcome;
    }
}
/** A "serve" action: the client resolves it to its download URL instead of calling it. */
export class KalturaFileRequest extends KalturaRequest {
    constructor(data, service, action) {
        super(data, service, action, { kind: 'v' });
    }
}
/** An action with file parameters: sent as multipart/form-data. */
export class KalturaUploadRequest extends KalturaRequest {
    setProgress(callback) {
        this.__progress__ = callback;
        return this;
    }
    getProgress() {
        return this.__progress__;
    }
}
export { KalturaRequestOptions };
