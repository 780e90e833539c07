import { KalturaObjectBase, type KalturaObjectBaseArgs, type KalturaTypeMetadata } from '../kaltura-object-base.js';
import type { KalturaSearchItem } from './KalturaSearchItem.js';
export interface KalturaFilterArgs extends KalturaObjectBaseArgs {
    orderBy?: string | null;
    advancedSearch?: KalturaSearchItem | null;
}
export declare class KalturaFilter extends KalturaObjectBase {
    static readonly metadata: KalturaTypeMetadata;
    orderBy?: string | null;
    advancedSearch?: KalturaSearchItem | null;
    constructor(data?: KalturaFilterArgs);
}
