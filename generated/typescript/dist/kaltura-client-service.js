// The official client's module path for KalturaClient (kept so deep imports keep working).
export { KalturaClient } from './kaltura-client.js';
