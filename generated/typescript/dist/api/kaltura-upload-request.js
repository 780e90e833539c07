// The official client's module path for KalturaUploadRequest (kept so deep imports keep working).
export { KalturaUploadRequest } from './kaltura-request.js';
