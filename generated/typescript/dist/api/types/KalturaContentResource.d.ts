import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaResource, type KalturaResourceArgs } from './KalturaResource.js';
export interface KalturaContentResourceArgs extends KalturaResourceArgs {
}
/**
 * Is a unified way to add content to Kaltura whether it's an uploaded file, webcam recording,
 * imported URL or existing file sync.
 */
export declare class KalturaContentResource extends KalturaResource {
    static readonly metadata: KalturaTypeMetadata;
    constructor(data?: KalturaContentResourceArgs);
}
