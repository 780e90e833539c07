import { KalturaObjectBase, type KalturaObjectBaseArgs, type KalturaTypeMetadata } from '../kaltura-object-base.js';
import type { KalturaStringValue } from './KalturaStringValue.js';
export interface KalturaSampleConstraintsArgs extends KalturaObjectBaseArgs {
    /** Between 0 and 100 */
    score?: number | null;
    attempts?: number | null;
    screenName?: string | null;
    /** Comma separated list of role Ids. */
    roleIdsIn?: string | null;
    /** Write only */
    password?: string | null;
    /** May be sent as null to clear it */
    externalId?: string | null;
    /** Dynamic data */
    dynamicData?: Record<string, KalturaStringValue> | null;
    /** Any object */
    extra?: KalturaObjectBase | null;
}
/** (sample) the numeric constraints of the real schemas, on one class */
export declare class KalturaSampleConstraints extends KalturaObjectBase {
    static readonly metadata: KalturaTypeMetadata;
    /** Between 0 and 100 */
    score?: number | null;
    attempts?: number | null;
    screenName?: string | null;
    /** Comma separated list of role Ids. */
    roleIdsIn?: string | null;
    /** Write only */
    password?: string | null;
    /** May be sent as null to clear it */
    externalId?: string | null;
    /** Dynamic data */
    dynamicData?: Record<string, KalturaStringValue> | null;
    /** Any object */
    extra?: KalturaObjectBase | null;
    constructor(data?: KalturaSampleConstraintsArgs);
}
