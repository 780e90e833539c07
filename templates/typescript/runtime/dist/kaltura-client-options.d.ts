export type { KalturaClientOptions } from './kaltura-client.js';
