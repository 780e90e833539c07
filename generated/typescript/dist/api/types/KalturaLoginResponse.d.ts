import { KalturaObjectBase, type KalturaObjectBaseArgs, type KalturaTypeMetadata } from '../kaltura-object-base.js';
import type { KalturaLoginSession } from './KalturaLoginSession.js';
export interface KalturaLoginResponseArgs extends KalturaObjectBaseArgs {
    /** Kaltura login session details */
    loginSession?: KalturaLoginSession | null;
}
export declare class KalturaLoginResponse extends KalturaObjectBase {
    static readonly metadata: KalturaTypeMetadata;
    /** Kaltura login session details */
    loginSession?: KalturaLoginSession | null;
    constructor(data?: KalturaLoginResponseArgs);
}
