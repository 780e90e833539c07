// The official client's `api` barrel.
export { KalturaAPIException } from './kaltura-api-exception.js';
export { KalturaClientException } from './kaltura-client-exception.js';
export { KalturaMultiRequest, KalturaMultiResponse } from './kaltura-multi-request.js';
export { KalturaFileRequest, KalturaRequest, KalturaRequestBase, KalturaResponse, KalturaUploadRequest } from './kaltura-request.js';
export { KalturaRequestOptions } from './kaltura-request-options.js';
export { KalturaTypesFactory } from './kaltura-types-factory.js';
