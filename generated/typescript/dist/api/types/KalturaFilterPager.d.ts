import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaPager, type KalturaPagerArgs } from './KalturaPager.js';
export interface KalturaFilterPagerArgs extends KalturaPagerArgs {
}
/** The KalturaFilterPager object enables paging management to be applied upon service list actions. */
export declare class KalturaFilterPager extends KalturaPager {
    static readonly metadata: KalturaTypeMetadata;
    constructor(data?: KalturaFilterPagerArgs);
}
