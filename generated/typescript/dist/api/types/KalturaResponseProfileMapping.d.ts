import { KalturaObjectBase, type KalturaObjectBaseArgs, type KalturaTypeMetadata } from '../kaltura-object-base.js';
export interface KalturaResponseProfileMappingArgs extends KalturaObjectBaseArgs {
    parentProperty?: string | null;
    filterProperty?: string | null;
    allowNull?: boolean | null;
}
export declare class KalturaResponseProfileMapping extends KalturaObjectBase {
    static readonly metadata: KalturaTypeMetadata;
    parentProperty?: string | null;
    filterProperty?: string | null;
    allowNull?: boolean | null;
    constructor(data?: KalturaResponseProfileMappingArgs);
}
