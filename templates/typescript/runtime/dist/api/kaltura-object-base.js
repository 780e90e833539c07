import { KalturaClientException } from './kaltura-client-exception.js';
import { KalturaTypesFactory } from './kaltura-types-factory.js';
export const READ_ONLY = 1;
const mergedFields = new WeakMap();
const objectTypes = new WeakMap();
export function ownMetadata(ctor) {
    return Object.prototype.hasOwnProperty.call(ctor, 'metadata')
        ? ctor.metadata
        : undefined;
}
/** All fields of a class, inherited first, computed once per class. */
export function fieldsOf(ctor) {
    let fields = mergedFields.get(ctor);
    if (fields === undefined) {
        const merged = new Map();
        const chain = [];
        for (let c = ctor; c !== null && c !== Function.prototype; c = Object.getPrototypeOf(c)) {
            chain.unshift(c);
        }
        for (const c of chain) {
            const meta = ownMetadata(c);
            if (meta !== undefined) {
                for (const [name, spec] of Object.entries(meta.fields))
                    merged.set(name, spec);
            }
        }
        fields = [...merged.entries()];
        mergedFields.set(ctor, fields);
    }
    return fields;
}
/** The `objectType` a class sends (the nearest class in its chain that names one). */
export function objectTypeOf(ctor) {
    if (objectTypes.has(ctor))
        return objectTypes.get(ctor);
    let result;
    for (let c = ctor; c !== null && c !== Function.prototype; c = Object.getPrototypeOf(c)) {
        const meta = ownMetadata(c);
        if (meta?.objectType !== undefined) {
            result = meta.objectType;
            break;
        }
    }
    objectTypes.set(ctor, result);
    return result;
}
function isRecord(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}
function fail(message) {
    throw new KalturaClientException('client::invalid-argument', message);
}
/** The root of every Kaltura object and request. */
export class KalturaObjectBase {
    static metadata = {
        fields: { relatedObjects: ['m', READ_ONLY, 'KalturaListResponse'] },
    };
    constructor(data) {
        if (data)
            Object.assign(this, data);
    }
    /** The `objectType` this object is sent as. */
    getTypeName() {
        return objectTypeOf(this.constructor) ?? '';
    }
    hasMetadataProperty(propertyName) {
        return fieldsOf(this.constructor).some(([name]) => name === propertyName);
    }
    setData(handler) {
        handler(this);
        return this;
    }
    /** Send these array properties even when empty (by default an empty array is not sent). */
    allowEmptyArray(...properties) {
        const allowed = (this._allowedEmptyArray ??= []);
        for (const property of properties) {
            const spec = fieldsOf(this.constructor).find(([name]) => name === property);
            if (spec === undefined || spec[1][0] !== 'a') {
                fail(`allowEmptyArray: '${property}' is not an array property of ${this.getTypeName()}`);
            }
            allowed.push(property);
        }
        return this;
    }
    /**
     * Take properties from the results of earlier requests of the same multi-request:
     * `setDependency(['entryId', 0, 'id'])` sends `{1:result:id}` (request indexes are
     * zero-based here, one-based on the wire).
     */
    setDependency(...dependency) {
        const deps = (this._dependentProperties ??= {});
        for (const item of dependency) {
            let property;
            let request;
            let targetPath;
            if (Array.isArray(item)) {
                [property, request, targetPath] = item;
            }
            else {
                ({ property, request, targetPath } = item);
            }
            deps[property] = { property, request: request + 1, ...(targetPath ? { targetPath } : {}) };
        }
        return this;
    }
    /** The object as request parameters (what is serialized into the JSON body). */
    toRequestObject() {
        const result = {};
        const objectType = objectTypeOf(this.constructor);
        if (objectType !== undefined)
            result['objectType'] = objectType;
        const self = this;
        for (const [name, spec] of fieldsOf(this.constructor)) {
            const wire = spec[3] ?? name;
            const dependency = this._dependentProperties?.[name];
            if (dependency !== undefined) {
                const path = dependency.targetPath ? `:${dependency.targetPath}` : '';
                result[wire] = `{${dependency.request}:result${path}}`;
                continue;
            }
            if (((spec[1] ?? 0) & READ_ONLY) !== 0 || spec[0] === 'f')
                continue;
            const value = self[name];
            if (value === undefined)
                continue;
            if (value === null) {
                result[`${wire}__null`] = '';
                continue;
            }
            const encoded = this._encode(name, spec, value);
            if (encoded !== undefined)
                result[wire] = encoded;
        }
        return result;
    }
    _encode(name, spec, value) {
        switch (spec[0]) {
            case 'b':
                return value;
            case 's':
                return String(value);
            case 'n':
            case 'en':
                return Number(value);
            case 'es':
                return typeof value === 'string' ? value : undefined;
            case 'd':
                if (value instanceof Date)
                    return Math.round(value.getTime() / 1000);
                if (typeof value === 'number')
                    return value;
                return fail(`'${name}' must be a Date`);
            case 'o':
                if (value instanceof KalturaObjectBase)
                    return value.toRequestObject();
                return fail(`'${name}' must be a Kaltura object`);
            case 'a': {
                if (!Array.isArray(value))
                    return fail(`'${name}' must be an array`);
                if (value.length === 0 && !(this._allowedEmptyArray ?? []).includes(name))
                    return undefined;
                return value.map((item) => {
                    if (item instanceof KalturaObjectBase)
                        return item.toRequestObject();
                    if (spec[2]?.startsWith(':') && item !== null && typeof item !== 'object')
                        return item;
                    return fail(`every item of '${name}' must be a Kaltura object`);
                });
            }
            case 'm': {
                if (!isRecord(value))
                    return fail(`'${name}' must be an object of Kaltura objects`);
                const keys = Object.keys(value);
                if (keys.length === 0)
                    return undefined;
                const encoded = {};
                for (const key of keys) {
                    const item = value[key];
                    if (!(item instanceof KalturaObjectBase))
                        fail(`every value of '${name}' must be a Kaltura object`);
                    encoded[key] = item.toRequestObject();
                }
                return encoded;
            }
            default:
                return undefined;
        }
    }
    /** Fill this object from a response object (format=1 JSON). Returns `this`. */
    fromResponseObject(data) {
        if (!isRecord(data))
            return this;
        const self = this;
        for (const [name, spec] of fieldsOf(this.constructor)) {
            const raw = data[spec[3] ?? name];
            if (raw === undefined || raw === null)
                continue;
            const value = parseValue(spec[0], spec[2] ?? '', raw, name);
            if (value !== undefined && value !== null)
                self[name] = value;
        }
        return this;
    }
}
/** An object whose type no loaded class describes: its properties are kept as received. */
export class KalturaGenericObject extends KalturaObjectBase {
    fromResponseObject(data) {
        if (isRecord(data)) {
            for (const [key, value] of Object.entries(data)) {
                if (key !== '__proto__')
                    this[key] = value;
            }
        }
        return this;
    }
}
/** Parse a response object into the most specific loaded class, else its declared type. */
export function parseObject(raw, declared, where) {
    if (!isRecord(raw)) {
        throw new KalturaClientException('client::response-type-error', `${where}: expected an object, got ${Array.isArray(raw) ? 'an array' : typeof raw}`);
    }
    const objectType = typeof raw['objectType'] === 'string' ? raw['objectType'] : '';
    const ctor = (objectType ? KalturaTypesFactory.getType(objectType) : undefined) ??
        (declared ? KalturaTypesFactory.getType(declared) : undefined) ??
        KalturaGenericObject;
    return new ctor().fromResponseObject(raw);
}
function scalar(kind, raw) {
    switch (kind) {
        case 'b':
            if (typeof raw === 'boolean')
                return raw;
            if (`${raw}` === '1' || `${raw}` === 'true')
                return true;
            if (`${raw}` === '0' || `${raw}` === 'false')
                return false;
            return undefined;
        case 's':
        case 'es':
            return typeof raw === 'object' ? undefined : String(raw);
        case 'n':
        case 'en': {
            const n = Number(raw);
            return Number.isNaN(n) ? undefined : n;
        }
        case 'd': {
            const n = Number(raw);
            return Number.isFinite(n) && n !== 0 ? new Date(n * 1000) : undefined;
        }
        default:
            return undefined;
    }
}
/** Parse one response value of a declared kind. */
export function parseValue(kind, subType, raw, where) {
    if (raw === null || raw === undefined)
        return raw;
    switch (kind) {
        case 'o':
            return parseObject(raw, subType, where);
        case 'a': {
            if (!Array.isArray(raw)) {
                throw new KalturaClientException('client::response-type-error', `${where}: expected an array, got ${typeof raw}`);
            }
            if (subType.startsWith(':'))
                return raw.map((item) => scalar(subType.slice(1), item));
            return raw.map((item, i) => parseObject(item, subType, `${where}[${i}]`));
        }
        case 'm': {
            if (!isRecord(raw)) {
                throw new KalturaClientException('client::response-type-error', `${where}: expected a map, got ${typeof raw}`);
            }
            const result = {};
            for (const [key, item] of Object.entries(raw)) {
                if (key === '__proto__')
                    continue; // a response never re-prototypes our objects
                result[key] = subType.startsWith(':') ? scalar(subType.slice(1), item) : parseObject(item, subType, `${where}.${key}`);
            }
            return result;
        }
        case 'v':
        case 'f':
            return undefined;
        default:
            return scalar(kind, raw);
    }
}
