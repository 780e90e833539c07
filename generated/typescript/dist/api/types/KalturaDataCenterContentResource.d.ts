import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaContentResource, type KalturaContentResourceArgs } from './KalturaContentResource.js';
export interface KalturaDataCenterContentResourceArgs extends KalturaContentResourceArgs {
}
export declare class KalturaDataCenterContentResource extends KalturaContentResource {
    static readonly metadata: KalturaTypeMetadata;
    constructor(data?: KalturaDataCenterContentResourceArgs);
}
