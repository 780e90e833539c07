import type { KalturaObjectBase } from './kaltura-object-base.js';

/** A class of Kaltura objects: constructible without arguments. */
export type KalturaObjectClass = new (data?: any) => KalturaObjectBase;

const typesMapping = new Map<string, KalturaObjectClass>();

/**
 * The classes responses can be parsed into, by `objectType`. Every generated class registers
 * itself when its module is loaded, so a response is parsed into the most specific class the
 * application has imported; other types fall back to the declared type.
 */
export class KalturaTypesFactory {
    static registerType(typeName: string, objectCtor: KalturaObjectClass): void {
        typesMapping.set(typeName, objectCtor);
    }

    static getType(typeName: string): KalturaObjectClass | undefined {
        return typesMapping.get(typeName);
    }

    static createObject(typeName: string): KalturaObjectBase | null {
        const ctor = typesMapping.get(typeName);
        return ctor ? new ctor() : null;
    }
}
