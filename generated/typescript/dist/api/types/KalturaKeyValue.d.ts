import { KalturaObjectBase, type KalturaObjectBaseArgs, type KalturaTypeMetadata } from '../kaltura-object-base.js';
export interface KalturaKeyValueArgs extends KalturaObjectBaseArgs {
    key?: string | null;
    value?: string | null;
}
/** A key value pair representation to return an array of key-value pairs (associative array) */
export declare class KalturaKeyValue extends KalturaObjectBase {
    static readonly metadata: KalturaTypeMetadata;
    key?: string | null;
    value?: string | null;
    constructor(data?: KalturaKeyValueArgs);
}
