import { KalturaObjectBase, type KalturaObjectBaseArgs, type KalturaTypeMetadata } from '../kaltura-object-base.js';
export interface KalturaStreamContainerArgs extends KalturaObjectBaseArgs {
    id?: string | null;
    type?: string | null;
    trackIndex?: number | null;
    language?: string | null;
}
export declare class KalturaStreamContainer extends KalturaObjectBase {
    static readonly metadata: KalturaTypeMetadata;
    id?: string | null;
    type?: string | null;
    trackIndex?: number | null;
    language?: string | null;
    constructor(data?: KalturaStreamContainerArgs);
}
