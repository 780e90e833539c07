export { KalturaUploadRequest } from './kaltura-request.js';
export type { KalturaUploadRequestArgs, ProgressCallback } from './kaltura-request.js';
