import { KalturaClientException } from './kaltura-client-exception.js';
import type { KalturaAPIException } from './kaltura-api-exception.js';
import { KalturaRequestBase, KalturaResponse, type KalturaRequest } from './kaltura-request.js';
import type { KalturaRequestOptions } from './kaltura-request-options.js';
/** The result type of a request. */
export type KalturaResultOf<R> = R extends KalturaRequest<infer T> ? T : never;
/** One typed `KalturaResponse` per request, in order. */
export type KalturaMultiResults<R extends readonly KalturaRequest<any>[]> = {
    -readonly [K in keyof R]: KalturaResponse<KalturaResultOf<R[K]>>;
};
/** The responses of a multi-request, in request order, typed per request. */
export declare class KalturaMultiResponse<R extends readonly KalturaRequest<any>[] = KalturaRequest<any>[]> extends Array<KalturaResponse<unknown>> {
    static get [Symbol.species](): ArrayConstructor;
    constructor(results?: readonly KalturaResponse<unknown>[]);
    /** The responses as a typed tuple. */
    get responses(): KalturaMultiResults<R>;
    hasErrors(): boolean;
    getFirstError(): KalturaAPIException | KalturaClientException | undefined;
}
/** Several requests sent in one HTTP call; results of earlier ones can feed later ones. */
export declare class KalturaMultiRequest<R extends readonly KalturaRequest<any>[] = KalturaRequest<any>[]> extends KalturaRequestBase {
    readonly requests: R;
    /** @internal */ private __callback__?;
    constructor(...requests: R);
    setCompletion(callback: (response: KalturaMultiResponse<R>) => void): this;
    buildRequest(defaultRequestOptions: KalturaRequestOptions | null): Record<string, unknown>;
    handleResponse(response: unknown): KalturaMultiResponse<R>;
}
