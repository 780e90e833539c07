// The official client's module path for KalturaMultiResponse (kept so deep imports keep working).
export { KalturaMultiResponse } from './kaltura-multi-request.js';
