export { KalturaResponse } from './kaltura-request.js';
