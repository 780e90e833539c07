import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaFilter, type KalturaFilterArgs } from './KalturaFilter.js';
export interface KalturaRelatedFilterArgs extends KalturaFilterArgs {
}
export declare class KalturaRelatedFilter extends KalturaFilter {
    static readonly metadata: KalturaTypeMetadata;
    constructor(data?: KalturaRelatedFilterArgs);
}
