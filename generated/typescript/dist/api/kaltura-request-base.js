// The official client's module path for KalturaRequestBase (kept so deep imports keep working).
export { KalturaRequestBase } from './kaltura-request.js';
