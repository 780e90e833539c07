import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaSearchItem, type KalturaSearchItemArgs } from './KalturaSearchItem.js';
export interface KalturaMetadataSearchItemArgs extends KalturaSearchItemArgs {
    metadataProfileId?: number | null;
}
/** (sample) a plugin class extending a core class */
export declare class KalturaMetadataSearchItem extends KalturaSearchItem {
    static readonly metadata: KalturaTypeMetadata;
    metadataProfileId?: number | null;
    constructor(data?: KalturaMetadataSearchItemArgs);
}
