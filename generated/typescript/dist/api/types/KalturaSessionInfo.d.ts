import { KalturaObjectBase, type KalturaObjectBaseArgs, type KalturaTypeMetadata } from '../kaltura-object-base.js';
import type { KalturaSessionType } from './KalturaSessionType.js';
export interface KalturaSessionInfoArgs extends KalturaObjectBaseArgs {
}
export declare class KalturaSessionInfo extends KalturaObjectBase {
    static readonly metadata: KalturaTypeMetadata;
    readonly ks?: string;
    readonly sessionType?: KalturaSessionType;
    readonly partnerId?: number;
    readonly userId?: string;
    readonly expiry?: Date;
    readonly privileges?: string;
    constructor(data?: KalturaSessionInfoArgs);
}
