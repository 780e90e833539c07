// The official client's module path for KalturaFileRequest (kept so deep imports keep working).
export { KalturaFileRequest } from './kaltura-request.js';
