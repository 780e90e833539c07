export { KalturaClient, buildRequestParameters } from './kaltura-client.js';
export type { CancelableAction, CancelablePromise, KalturaCallOptions, KalturaClientOptions } from './kaltura-client.js';
export { KalturaAPIException } from './api/kaltura-api-exception.js';
export { KalturaClientException } from './api/kaltura-client-exception.js';
export { KalturaMultiRequest, KalturaMultiResponse } from './api/kaltura-multi-request.js';
export type { KalturaMultiResults, KalturaResultOf } from './api/kaltura-multi-request.js';
export {
    KalturaFileRequest,
    KalturaRequest,
    KalturaRequestBase,
    KalturaResponse,
    KalturaUploadRequest,
} from './api/kaltura-request.js';
export type { KalturaRequestArgs, KalturaRequestBaseArgs, KalturaUploadRequestArgs, ProgressCallback } from './api/kaltura-request.js';
export { KalturaRequestOptions } from './api/kaltura-request-options.js';
export type { KalturaRequestOptionsArgs } from './api/kaltura-request-options.js';
export { KalturaGenericObject, KalturaObjectBase } from './api/kaltura-object-base.js';
export type { DependentProperty, KalturaObjectBaseArgs } from './api/kaltura-object-base.js';
export { KalturaTypesFactory } from './api/kaltura-types-factory.js';
export type { KalturaObjectClass } from './api/kaltura-types-factory.js';
export { environment } from './environment.js';
export { KalturaServicesClient } from './kaltura-services-client.js';
export { DEFAULT_PAGE_SIZE, RESULT_WINDOW, listAll } from './kaltura-list-all.js';
export type { KalturaListAllOptions, KalturaListResult } from './kaltura-list-all.js';
