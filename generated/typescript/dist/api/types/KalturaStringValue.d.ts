import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaValue, type KalturaValueArgs } from './KalturaValue.js';
export interface KalturaStringValueArgs extends KalturaValueArgs {
    value?: string | null;
}
/** A string representation to return an array of strings */
export declare class KalturaStringValue extends KalturaValue {
    static readonly metadata: KalturaTypeMetadata;
    value?: string | null;
    constructor(data?: KalturaStringValueArgs);
}
