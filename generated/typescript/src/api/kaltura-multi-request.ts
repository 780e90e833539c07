import { KalturaClientException } from './kaltura-client-exception.js';
import type { KalturaAPIException } from './kaltura-api-exception.js';
import { KalturaRequestBase, KalturaResponse, unwrapNested, type KalturaRequest } from './kaltura-request.js';
import type { KalturaRequestOptions } from './kaltura-request-options.js';

/** The result type of a request. */
export type KalturaResultOf<R> = R extends KalturaRequest<infer T> ? T : never;

/** One typed `KalturaResponse` per request, in order. */
export type KalturaMultiResults<R extends readonly KalturaRequest<any>[]> = {
    -readonly [K in keyof R]: KalturaResponse<KalturaResultOf<R[K]>>;
};

/** The responses of a multi-request, in request order, typed per request. */
export class KalturaMultiResponse<R extends readonly KalturaRequest<any>[] = KalturaRequest<any>[]> extends Array<
    KalturaResponse<unknown>
> {
    static override get [Symbol.species](): ArrayConstructor {
        return Array;
    }

    constructor(results: readonly KalturaResponse<unknown>[] = []) {
        super();
        Object.setPrototypeOf(this, new.target.prototype);
        this.push(...results);
    }

    /** The responses as a typed tuple. */
    get responses(): KalturaMultiResults<R> {
        return [...this] as unknown as KalturaMultiResults<R>;
    }

    hasErrors(): boolean {
        return this.some((response) => response.error !== undefined);
    }

    getFirstError(): KalturaAPIException | KalturaClientException | undefined {
        return this.find((response) => response.error !== undefined)?.error;
    }
}

/** Several requests sent in one HTTP call; results of earlier ones can feed later ones. */
export class KalturaMultiRequest<R extends readonly KalturaRequest<any>[] = KalturaRequest<any>[]> extends KalturaRequestBase {
    declare readonly requests: R;
    /** @internal */ declare private __callback__?: (response: KalturaMultiResponse<R>) => void;

    constructor(...requests: R) {
        super({});
        Object.defineProperty(this, 'requests', { value: requests, enumerable: false });
    }

    setCompletion(callback: (response: KalturaMultiResponse<R>) => void): this {
        this.__callback__ = callback;
        return this;
    }

    buildRequest(defaultRequestOptions: KalturaRequestOptions | null): Record<string, unknown> {
        const result: Record<string, unknown> = { service: 'multirequest' };
        this.requests.forEach((request, index) => {
            result[String(index)] = request.buildRequest(defaultRequestOptions);
        });
        return result;
    }

    handleResponse(response: unknown): KalturaMultiResponse<R> {
        const items = unwrapNested(response);
        let responses: KalturaResponse<unknown>[];
        if (!Array.isArray(items) || items.length !== this.requests.length) {
            const error = new KalturaClientException(
                'client::response-type-error',
                `multi-request response must be an array of ${this.requests.length} results`,
            );
            responses = this.requests.map((request) => request.handleResponse(error));
        } else {
            const list: unknown[] = items;
            responses = this.requests.map((request, index) => request.handleResponse(list[index]));
        }
        const result = new KalturaMultiResponse<R>(responses);
        if (this.__callback__) {
            try {
                this.__callback__(result);
            } catch {
                // a completion callback never breaks the request
            }
        }
        return result;
    }
}
