export { KalturaFileRequest } from './kaltura-request.js';
export type { KalturaRequestArgs as KalturaFileRequestArgs } from './kaltura-request.js';
