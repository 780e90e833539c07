import { KalturaObjectBase, type KalturaObjectBaseArgs, type KalturaTypeMetadata } from '../kaltura-object-base.js';
export interface KalturaSkipConditionArgs extends KalturaObjectBaseArgs {
}
/** Skip current request according to skip condition */
export declare class KalturaSkipCondition extends KalturaObjectBase {
    static readonly metadata: KalturaTypeMetadata;
    constructor(data?: KalturaSkipConditionArgs);
}
