import { KalturaObjectBase, type KalturaObjectBaseArgs, type KalturaTypeMetadata } from '../kaltura-object-base.js';
export interface KalturaLoginSessionArgs extends KalturaObjectBaseArgs {
    /** Access token in a KS format */
    ks?: string | null;
    /** Expiration */
    expiry?: number | null;
}
/** Login response */
export declare class KalturaLoginSession extends KalturaObjectBase {
    static readonly metadata: KalturaTypeMetadata;
    /** Access token in a KS format */
    ks?: string | null;
    /** Expiration */
    expiry?: number | null;
    constructor(data?: KalturaLoginSessionArgs);
}
