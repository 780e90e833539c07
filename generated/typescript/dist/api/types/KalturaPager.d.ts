import { KalturaObjectBase, type KalturaObjectBaseArgs, type KalturaTypeMetadata } from '../kaltura-object-base.js';
export interface KalturaPagerArgs extends KalturaObjectBaseArgs {
    /** The number of objects to retrieve. (Default is 30, maximum page size is 500). */
    pageSize?: number | null;
    /** The page number for which {pageSize} of objects should be retrieved (Default is 1). */
    pageIndex?: number | null;
}
/** The KalturaPager object enables paging management to be applied upon service list/search actions. */
export declare class KalturaPager extends KalturaObjectBase {
    static readonly metadata: KalturaTypeMetadata;
    /** The number of objects to retrieve. (Default is 30, maximum page size is 500). */
    pageSize?: number | null;
    /** The page number for which {pageSize} of objects should be retrieved (Default is 1). */
    pageIndex?: number | null;
    constructor(data?: KalturaPagerArgs);
}
