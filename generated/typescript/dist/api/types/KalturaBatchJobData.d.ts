import { KalturaObjectBase, type KalturaObjectBaseArgs, type KalturaTypeMetadata } from '../kaltura-object-base.js';
import type { KalturaBatchJobType } from './KalturaBatchJobType.js';
export interface KalturaBatchJobDataArgs extends KalturaObjectBaseArgs {
}
/** (sample) a job data class whose subclasses come from plugins */
export declare class KalturaBatchJobData extends KalturaObjectBase {
    static readonly metadata: KalturaTypeMetadata;
    readonly jobType?: KalturaBatchJobType;
    constructor(data?: KalturaBatchJobDataArgs);
}
