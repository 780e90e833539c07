import { KalturaObjectBase, type KalturaObjectBaseArgs, type KalturaTypeMetadata } from '../kaltura-object-base.js';
export interface KalturaMultiLingualStringArgs extends KalturaObjectBaseArgs {
    /** The language of the value */
    language?: string | null;
    /** Value */
    value?: string | null;
}
/** A Multi Lingual String */
export declare class KalturaMultiLingualString extends KalturaObjectBase {
    static readonly metadata: KalturaTypeMetadata;
    /** The language of the value */
    language?: string | null;
    /** Value */
    value?: string | null;
    constructor(data?: KalturaMultiLingualStringArgs);
}
