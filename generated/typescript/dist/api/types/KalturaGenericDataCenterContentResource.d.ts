import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaDataCenterContentResource, type KalturaDataCenterContentResourceArgs } from './KalturaDataCenterContentResource.js';
export interface KalturaGenericDataCenterContentResourceArgs extends KalturaDataCenterContentResourceArgs {
}
export declare class KalturaGenericDataCenterContentResource extends KalturaDataCenterContentResource {
    static readonly metadata: KalturaTypeMetadata;
    constructor(data?: KalturaGenericDataCenterContentResourceArgs);
}
