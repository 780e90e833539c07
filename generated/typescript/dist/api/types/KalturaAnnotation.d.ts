import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaCuePoint, type KalturaCuePointArgs } from './KalturaCuePoint.js';
export interface KalturaAnnotationArgs extends KalturaCuePointArgs {
    parentId?: string | null;
    text?: string | null;
}
export declare class KalturaAnnotation extends KalturaCuePoint {
    static readonly metadata: KalturaTypeMetadata;
    parentId?: string | null;
    text?: string | null;
    constructor(data?: KalturaAnnotationArgs);
}
