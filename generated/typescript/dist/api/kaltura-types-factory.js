const typesMapping = new Map();
/**
 * The classes responses can be parsed into, by `objectType`. Every generated class registers
 * itself when its module is loaded, so a response is parsed into the most specific class the
 * application has imported; other types fall back to the declared type.
 */
export class KalturaTypesFactory {
    static registerType(typeName, objectCtor) {
        typesMapping.set(typeName, objectCtor);
    }
    static getType(typeName) {
        return typesMapping.get(typeName);
    }
    static createObject(typeName) {
        const ctor = typesMapping.get(typeName);
        return ctor ? new ctor() : null;
    }
}
