import { KalturaClientException } from './kaltura-client-exception.js';
import { KalturaRequestBase, unwrapNested } from './kaltura-request.js';
/** The responses of a multi-request, in request order, typed per request. */
export class KalturaMultiResponse extends Array {
    static get [Symbol.species]() {
        return Array;
    }
    constructor(results = []) {
        super();
        Object.setPrototypeOf(this, new.target.prototype);
        this.push(...results);
    }
    /** The responses as a typed tuple. */
    get responses() {
        return [...this];
    }
    hasErrors() {
        return this.some((response) => response.error !== undefined);
    }
    getFirstError() {
        return this.find((response) => response.error !== undefined)?.error;
    }
}
/** Several requests sent in one HTTP call; results of earlier ones can feed later ones. */
export class KalturaMultiRequest extends KalturaRequestBase {
    constructor(...requests) {
        super({});
        Object.defineProperty(this, 'requests', { value: requests, enumerable: false });
    }
    setCompletion(callback) {
        this.__callback__ = callback;
        return this;
    }
    buildRequest(defaultRequestOptions) {
        const result = { service: 'multirequest' };
        this.requests.forEach((request, index) => {
            result[String(index)] = request.buildRequest(defaultRequestOptions);
        });
        return result;
    }
    handleResponse(response) {
        const items = unwrapNested(response);
        let responses;
        if (!Array.isArray(items) || items.length !== this.requests.length) {
            const error = new KalturaClientException('client::response-type-error', `multi-request response must be an array of ${this.requests.length} results`);
            responses = this.requests.map((request) => request.handleResponse(error));
        }
        else {
            const list = items;
            responses = this.requests.map((request, index) => request.handleResponse(list[index]));
        }
        const result = new KalturaMultiResponse(responses);
        if (this.__callback__) {
            try {
                this.__callback__(result);
            }
            catch {
                // a completion callback never breaks the request
            }
        }
        return result;
    }
}
