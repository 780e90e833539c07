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
export declare const READ_ONLY = 1;
/** A field whose value is taken from the result of an earlier request of a multi-request. */
export type DependentProperty = {
    property: string;
    request: number;
    targetPath?: string;
};
export interface KalturaObjectBaseArgs {
    relatedObjects?: Record<string, KalturaObjectBase>;
}
type Dependency = DependentProperty | [string, number] | [string, number, string];
export declare function ownMetadata(ctor: object): KalturaTypeMetadata | undefined;
/** All fields of a class, inherited first, computed once per class. */
export declare function fieldsOf(ctor: object): ReadonlyArray<readonly [string, KalturaFieldSpec]>;
/** The `objectType` a class sends (the nearest class in its chain that names one). */
export declare function objectTypeOf(ctor: object): string | undefined;
/** The root of every Kaltura object and request. */
export declare abstract class KalturaObjectBase {
    static readonly metadata: KalturaTypeMetadata;
    relatedObjects?: Record<string, KalturaObjectBase>;
    /** @internal */ private _dependentProperties?;
    /** @internal */ private _allowedEmptyArray?;
    constructor(data?: object);
    /** The `objectType` this object is sent as. */
    getTypeName(): string;
    hasMetadataProperty(propertyName: string): boolean;
    setData(handler: (request: this) => void): this;
    /** Send these array properties even when empty (by default an empty array is not sent). */
    allowEmptyArray(...properties: string[]): this;
    /**
     * Take properties from the results of earlier requests of the same multi-request:
     * `setDependency(['entryId', 0, 'id'])` sends `{1:result:id}` (request indexes are
     * zero-based here, one-based on the wire).
     */
    setDependency(...dependency: Dependency[]): this;
    /** The object as request parameters (what is serialized into the JSON body). */
    toRequestObject(): Record<string, unknown>;
    private _encode;
    /** Fill this object from a response object (format=1 JSON). Returns `this`. */
    fromResponseObject(data: unknown): this;
}
/** An object whose type no loaded class describes: its properties are kept as received. */
export declare class KalturaGenericObject extends KalturaObjectBase {
    objectType?: string;
    [key: string]: unknown;
    fromResponseObject(data: unknown): this;
}
/** Parse a response object into the most specific loaded class, else its declared type. */
export declare function parseObject(raw: unknown, declared: string, where: string): KalturaObjectBase;
/** Parse one response value of a declared kind. */
export declare function parseValue(kind: KalturaFieldKind | 'v', subType: string, raw: unknown, where: string): unknown;
export {};
