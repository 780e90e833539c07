import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaCondition, type KalturaConditionArgs } from './KalturaCondition.js';
import type { KalturaStringValue } from './KalturaStringValue.js';
export interface KalturaSampleRedeclaringConditionArgs extends KalturaConditionArgs {
    /** Redeclared with the same type */
    description?: string | null;
    values?: KalturaStringValue[] | null;
}
/**
 * Sample (sample): redeclares the inherited `description` with the same type, which a schema may
 * do.
 */
export declare class KalturaSampleRedeclaringCondition extends KalturaCondition {
    static readonly metadata: KalturaTypeMetadata;
    /** Redeclared with the same type */
    description?: string | null;
    values?: KalturaStringValue[] | null;
    constructor(data?: KalturaSampleRedeclaringConditionArgs);
}
