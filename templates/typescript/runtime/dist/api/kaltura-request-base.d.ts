export { KalturaRequestBase } from './kaltura-request.js';
export type { KalturaRequestBaseArgs } from './kaltura-request.js';
