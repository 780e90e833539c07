import type { KalturaObjectBase } from './kaltura-object-base.js';
/** A class of Kaltura objects: constructible without arguments. */
export type KalturaObjectClass = new (data?: any) => KalturaObjectBase;
/**
 * The classes responses can be parsed into, by `objectType`. Every generated class registers
 * itself when its module is loaded, so a response is parsed into the most specific class the
 * application has imported; other types fall back to the declared type.
 */
export declare class KalturaTypesFactory {
    static registerType(typeName: string, objectCtor: KalturaObjectClass): void;
    static getType(typeName: string): KalturaObjectClass | undefined;
    static createObject(typeName: string): KalturaObjectBase | null;
}
