import { KalturaObjectBase, type KalturaObjectBaseArgs, type KalturaTypeMetadata } from '../kaltura-object-base.js';
export interface KalturaCuePointArgs extends KalturaObjectBaseArgs {
    entryId?: string | null;
    startTime?: number | null;
}
export declare class KalturaCuePoint extends KalturaObjectBase {
    static readonly metadata: KalturaTypeMetadata;
    readonly id?: string;
    entryId?: string | null;
    startTime?: number | null;
    constructor(data?: KalturaCuePointArgs);
}
