import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaOperationAttributes, type KalturaOperationAttributesArgs } from './KalturaOperationAttributes.js';
export interface KalturaClipAttributesArgs extends KalturaOperationAttributesArgs {
    /** Offset in milliseconds */
    offset?: number | null;
    /** Duration in milliseconds */
    duration?: number | null;
    /** global Offset In Destination in milliseconds */
    globalOffsetInDestination?: number | null;
}
/** Clip operation attributes */
export declare class KalturaClipAttributes extends KalturaOperationAttributes {
    static readonly metadata: KalturaTypeMetadata;
    /** Offset in milliseconds */
    offset?: number | null;
    /** Duration in milliseconds */
    duration?: number | null;
    /** global Offset In Destination in milliseconds */
    globalOffsetInDestination?: number | null;
    constructor(data?: KalturaClipAttributesArgs);
}
