// The official client's module path for KalturaClientOptions (kept so deep imports keep working).
export type { KalturaClientOptions } from './kaltura-client.js';
