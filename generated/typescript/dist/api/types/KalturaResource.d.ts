import { KalturaObjectBase, type KalturaObjectBaseArgs, type KalturaTypeMetadata } from '../kaltura-object-base.js';
export interface KalturaResourceArgs extends KalturaObjectBaseArgs {
}
/**
 * Used to ingest entry object, as single resource or list of resources accompanied by asset params
 * ids.
 */
export declare class KalturaResource extends KalturaObjectBase {
    static readonly metadata: KalturaTypeMetadata;
    constructor(data?: KalturaResourceArgs);
}
