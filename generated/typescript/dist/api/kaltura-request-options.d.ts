import { KalturaObjectBase, type KalturaObjectBaseArgs, type KalturaTypeMetadata } from './kaltura-object-base.js';
import { type KalturaObjectClass } from './kaltura-types-factory.js';
import type { KalturaBaseResponseProfile } from './types/KalturaBaseResponseProfile.js';
import type { KalturaSkipCondition } from './types/KalturaSkipCondition.js';
export interface KalturaRequestOptionsArgs extends KalturaObjectBaseArgs {
    /** Classes responses may be parsed into (registered when the options are created). */
    acceptedTypes?: KalturaObjectClass[];
    /** Impersonated partner id */
    partnerId?: number;
    /** Impersonated user id */
    userId?: number;
    /** Kaltura API session */
    ks?: string;
    /** language */
    language?: string;
    /** Content currency */
    currency?: string;
    /** Response profile - this attribute will be automatically unset after every API call. */
    responseProfile?: KalturaBaseResponseProfile;
    /** Abort the Multireuqset call if any error occurs in one of the requests */
    abortOnError?: boolean;
    /** Abort all following requests if current request has an error */
    abortAllOnError?: boolean;
    /** Skip current request according to skip condition */
    skipCondition?: KalturaSkipCondition;
}
/** Request configuration sent with every request (`<configurations><request>` of the schema). */
export declare class KalturaRequestOptions extends KalturaObjectBase {
    static readonly metadata: KalturaTypeMetadata;
    acceptedTypes?: KalturaObjectClass[];
    /** Impersonated partner id */
    partnerId?: number;
    /** Impersonated user id */
    userId?: number;
    /** Kaltura API session */
    ks?: string;
    /** language */
    language?: string;
    /** Content currency */
    currency?: string;
    /** Response profile - this attribute will be automatically unset after every API call. */
    responseProfile?: KalturaBaseResponseProfile;
    /** Abort the Multireuqset call if any error occurs in one of the requests */
    abortOnError?: boolean;
    /** Abort all following requests if current request has an error */
    abortAllOnError?: boolean;
    /** Skip current request according to skip condition */
    skipCondition?: KalturaSkipCondition;
    constructor(data?: KalturaRequestOptionsArgs);
    /** Logging or inspecting options never shows the KS. */
    toJSON(): Record<string, unknown>;
}
