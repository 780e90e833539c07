export { KalturaMultiResponse } from './kaltura-multi-request.js';
