import { KalturaClientException } from './kaltura-client-exception.js';
import { KalturaTypesFactory, type KalturaObjectClass } from './kaltura-types-factory.js';

/**
 * How a field travels on the wire: `b` boolean, `s` string, `n` number, `en` integer enum,
 * `es` string enum, `d` time (a `Date`, sent as Unix seconds), `o` object, `a` array,
 * `m` map (string keys), `f` file (uploaded as multipart, never in the JSON body).
 */
export type KalturaFieldKind = 'b' | 's' | 'n' | 'en' | 'es' | 'd' | 'o' | 'a' | 'm' | 'f';

/**
 * `[kind, flags, subType, wireName]`. `flags` bit 1: read-only (never sent). `subType`: the
 * declared class of an object / array item / map value ('' = any object), or the kind of a
 * scalar array item prefixed with `:` (`:s`). `wireName` when it differs from the field name.
 */
export type KalturaFieldSpec = readonly [KalturaFieldKind, number?, string?, string?];

/** What a generated class declares about itself (its own fields only; parents are merged). */
export interface KalturaTypeMetadata {
    readonly objectType?: string;
    readonly fields: Readonly<Record<string, KalturaFieldSpec>>;
    /** Actions only: the server refuses this action inside a multi-request. */
    readonly noMultiRequest?: boolean;
}

export const READ_ONLY = 1;

/** A field whose value is taken from the result of an earlier request of a multi-request. */
export type DependentProperty = { property: string; request: number; targetPath?: string };

export interface KalturaObjectBaseArgs {
    relatedObjects?: Record<string, KalturaObjectBase>;
}

type Dependency = DependentProperty | [string, number] | [string, number, string];

const mergedFields = new WeakMap<object, ReadonlyArray<readonly [string, KalturaFieldSpec]>>();
const objectTypes = new WeakMap<object, string | undefined>();

export function ownMetadata(ctor: object): KalturaTypeMetadata | undefined {
    return Object.prototype.hasOwnProperty.call(ctor, 'metadata')
        ? (ctor as { metadata: KalturaTypeMetadata }).metadata
        : undefined;
}

/** All fields of a class, inherited first, computed once per class. */
export function fieldsOf(ctor: object): ReadonlyArray<readonly [string, KalturaFieldSpec]> {
    let fields = mergedFields.get(ctor);
    if (fields === undefined) {
        const merged = new Map<string, KalturaFieldSpec>();
        const chain: object[] = [];
        for (let c: object | null = ctor; c !== null && c !== Function.prototype; c = Object.getPrototypeOf(c)) {
            chain.unshift(c);
        }
        for (const c of chain) {
            const meta = ownMetadata(c);
            if (meta !== undefined) {
                for (const [name, spec] of Object.entries(meta.fields)) merged.set(name, spec);
            }
        }
        fields = [...merged.entries()];
        mergedFields.set(ctor, fields);
    }
    return fields;
}

/** The `objectType` a class sends (the nearest class in its chain that names one). */
export function objectTypeOf(ctor: object): string | undefined {
    if (objectTypes.has(ctor)) return objectTypes.get(ctor);
    let result: string | undefined;
    for (let c: object | null = ctor; c !== null && c !== Function.prototype; c = Object.getPrototypeOf(c)) {
        const meta = ownMetadata(c);
        if (meta?.objectType !== undefined) {
            result = meta.objectType;
            break;
        }
    }
    objectTypes.set(ctor, result);
    return result;
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function fail(message: string): never {
    throw new KalturaClientException('client::invalid-argument', message);
}

/** The root of every Kaltura object and request. */
export abstract class KalturaObjectBase {
    static readonly metadata: KalturaTypeMetadata = {
        fields: { relatedObjects: ['m', READ_ONLY, 'KalturaListResponse'] },
    };

    declare relatedObjects?: Record<string, KalturaObjectBase>;
    /** @internal */ declare private _dependentProperties?: Record<string, DependentProperty>;
    /** @internal */ declare private _allowedEmptyArray?: string[];

    constructor(data?: object) {
        if (data) Object.assign(this, data);
    }

    /** The `objectType` this object is sent as. */
    getTypeName(): string {
        return objectTypeOf(this.constructor) ?? '';
    }

    hasMetadataProperty(propertyName: string): boolean {
        return fieldsOf(this.constructor).some(([name]) => name === propertyName);
    }

    setData(handler: (request: this) => void): this {
        handler(this);
        return this;
    }

    /** Send these array properties even when empty (by default an empty array is not sent). */
    allowEmptyArray(...properties: string[]): this {
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
    setDependency(...dependency: Dependency[]): this {
        const deps = (this._dependentProperties ??= {});
        for (const item of dependency) {
            let property: string;
            let request: number;
            let targetPath: string | undefined;
            if (Array.isArray(item)) {
                [property, request, targetPath] = item;
            } else {
                ({ property, request, targetPath } = item);
            }
            deps[property] = { property, request: request + 1, ...(targetPath ? { targetPath } : {}) };
        }
        return this;
    }

    /** The object as request parameters (what is serialized into the JSON body). */
    toRequestObject(): Record<string, unknown> {
        const result: Record<string, unknown> = {};
        const objectType = objectTypeOf(this.constructor);
        if (objectType !== undefined) result['objectType'] = objectType;
        const self = this as unknown as Record<string, unknown>;
        for (const [name, spec] of fieldsOf(this.constructor)) {
            const wire = spec[3] ?? name;
            const dependency = this._dependentProperties?.[name];
            if (dependency !== undefined) {
                const path = dependency.targetPath ? `:${dependency.targetPath}` : '';
                result[wire] = `{${dependency.request}:result${path}}`;
                continue;
            }
            if (((spec[1] ?? 0) & READ_ONLY) !== 0 || spec[0] === 'f') continue;
            const value = self[name];
            if (value === undefined) continue;
            if (value === null) {
                result[`${wire}__null`] = '';
                continue;
            }
            const encoded = this._encode(name, spec, value);
            if (encoded !== undefined) result[wire] = encoded;
        }
        return result;
    }

    private _encode(name: string, spec: KalturaFieldSpec, value: unknown): unknown {
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
                if (value instanceof Date) return Math.round(value.getTime() / 1000);
                if (typeof value === 'number') return value;
                return fail(`'${name}' must be a Date`);
            case 'o':
                if (value instanceof KalturaObjectBase) return value.toRequestObject();
                return fail(`'${name}' must be a Kaltura object`);
            case 'a': {
                if (!Array.isArray(value)) return fail(`'${name}' must be an array`);
                if (value.length === 0 && !(this._allowedEmptyArray ?? []).includes(name)) return undefined;
                return value.map((item: unknown) => {
                    if (item instanceof KalturaObjectBase) return item.toRequestObject();
                    if (spec[2]?.startsWith(':') && item !== null && typeof item !== 'object') return item;
                    return fail(`every item of '${name}' must be a Kaltura object`);
                });
            }
            case 'm': {
                if (!isRecord(value)) return fail(`'${name}' must be an object of Kaltura objects`);
                const keys = Object.keys(value);
                if (keys.length === 0) return undefined;
                const encoded: Record<string, unknown> = {};
                for (const key of keys) {
                    const item = value[key];
                    if (!(item instanceof KalturaObjectBase)) fail(`every value of '${name}' must be a Kaltura object`);
                    encoded[key] = item.toRequestObject();
                }
                return encoded;
            }
            default:
                return undefined;
        }
    }

    /** Fill this object from a response object (format=1 JSON). Returns `this`. */
    fromResponseObject(data: unknown): this {
        if (!isRecord(data)) return this;
        const self = this as unknown as Record<string, unknown>;
        for (const [name, spec] of fieldsOf(this.constructor)) {
            const raw = data[spec[3] ?? name];
            if (raw === undefined || raw === null) continue;
            const value = parseValue(spec[0], spec[2] ?? '', raw, name);
            if (value !== undefined && value !== null) self[name] = value;
        }
        return this;
    }
}

/** An object whose type no loaded class describes: its properties are kept as received. */
export class KalturaGenericObject extends KalturaObjectBase {
    declare objectType?: string;
    [key: string]: unknown;

    override fromResponseObject(data: unknown): this {
        if (isRecord(data)) {
            for (const [key, value] of Object.entries(data)) {
                if (key !== '__proto__') (this as Record<string, unknown>)[key] = value;
            }
        }
        return this;
    }
}

/** Parse a response object into the most specific loaded class, else its declared type. */
export function parseObject(raw: unknown, declared: string, where: string): KalturaObjectBase {
    if (!isRecord(raw)) {
        throw new KalturaClientException(
            'client::response-type-error',
            `${where}: expected an object, got ${Array.isArray(raw) ? 'an array' : typeof raw}`,
        );
    }
    const objectType = typeof raw['objectType'] === 'string' ? raw['objectType'] : '';
    const ctor: KalturaObjectClass =
        (objectType ? KalturaTypesFactory.getType(objectType) : undefined) ??
        (declared ? KalturaTypesFactory.getType(declared) : undefined) ??
        KalturaGenericObject;
    return new ctor().fromResponseObject(raw);
}

function scalar(kind: string, raw: unknown): unknown {
    switch (kind) {
        case 'b':
            if (typeof raw === 'boolean') return raw;
            if (`${raw}` === '1' || `${raw}` === 'true') return true;
            if (`${raw}` === '0' || `${raw}` === 'false') return false;
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
export function parseValue(kind: KalturaFieldKind | 'v', subType: string, raw: unknown, where: string): unknown {
    if (raw === null || raw === undefined) return raw;
    switch (kind) {
        case 'o':
            return parseObject(raw, subType, where);
        case 'a': {
            if (!Array.isArray(raw)) {
                throw new KalturaClientException('client::response-type-error', `${where}: expected an array, got ${typeof raw}`);
            }
            if (subType.startsWith(':')) return raw.map((item: unknown) => scalar(subType.slice(1), item));
            return raw.map((item: unknown, i: number) => parseObject(item, subType, `${where}[${i}]`));
        }
        case 'm': {
            if (!isRecord(raw)) {
                throw new KalturaClientException('client::response-type-error', `${where}: expected a map, got ${typeof raw}`);
            }
            const result: Record<string, unknown> = {};
            for (const [key, item] of Object.entries(raw)) {
                if (key === '__proto__') continue; // a response never re-prototypes our objects
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
