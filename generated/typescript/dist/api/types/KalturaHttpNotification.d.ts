import { KalturaObjectBase, type KalturaObjectBaseArgs, type KalturaTypeMetadata } from '../kaltura-object-base.js';
export interface KalturaHttpNotificationArgs extends KalturaObjectBaseArgs {
    /** Object that triggered the notification */
    object?: KalturaObjectBase | null;
    /** ID of the batch job that execute the notification */
    eventNotificationJobId?: number | null;
}
/** Wrapper for sent notifications */
export declare class KalturaHttpNotification extends KalturaObjectBase {
    static readonly metadata: KalturaTypeMetadata;
    /** Object that triggered the notification */
    object?: KalturaObjectBase | null;
    /** ID of the batch job that execute the notification */
    eventNotificationJobId?: number | null;
    constructor(data?: KalturaHttpNotificationArgs);
}
