import type { KalturaObjectClass } from './kaltura-types-factory.js';
/** Every class of the schema (each registered with KalturaTypesFactory when loaded). */
export declare const allTypes: readonly KalturaObjectClass[];
