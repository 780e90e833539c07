import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaSkipCondition, type KalturaSkipConditionArgs } from './KalturaSkipCondition.js';
import type { KalturaSkipOptions } from './KalturaSkipOptions.js';
export interface KalturaSkipOnErrorConditionArgs extends KalturaSkipConditionArgs {
    /** Indicates which error should be considered to skip the current request */
    condition?: KalturaSkipOptions | null;
}
/** Skips current request if an error occurs according to the selected skip option */
export declare class KalturaSkipOnErrorCondition extends KalturaSkipCondition {
    static readonly metadata: KalturaTypeMetadata;
    /** Indicates which error should be considered to skip the current request */
    condition?: KalturaSkipOptions | null;
    constructor(data?: KalturaSkipOnErrorConditionArgs);
}
