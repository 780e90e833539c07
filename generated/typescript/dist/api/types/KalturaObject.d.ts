import { KalturaObjectBase, type KalturaObjectBaseArgs, type KalturaTypeMetadata } from '../kaltura-object-base.js';
import type { KalturaListResponse } from './KalturaListResponse.js';
export interface KalturaObjectArgs extends KalturaObjectBaseArgs {
}
export declare class KalturaObject extends KalturaObjectBase {
    static readonly metadata: KalturaTypeMetadata;
    readonly relatedObjects?: Record<string, KalturaListResponse>;
    constructor(data?: KalturaObjectArgs);
}
