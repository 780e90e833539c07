// The official client's module path for KalturaResponse (kept so deep imports keep working).
export { KalturaResponse } from './kaltura-request.js';
