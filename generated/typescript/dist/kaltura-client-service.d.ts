export { KalturaClient } from './kaltura-client.js';
