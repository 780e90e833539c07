import { KalturaObjectBase, type KalturaObjectBaseArgs, type KalturaTypeMetadata } from '../kaltura-object-base.js';
import type { KalturaMetadataObjectType } from './KalturaMetadataObjectType.js';
import type { KalturaMetadataProfileCreateMode } from './KalturaMetadataProfileCreateMode.js';
import type { KalturaMetadataProfileStatus } from './KalturaMetadataProfileStatus.js';
export interface KalturaMetadataProfileArgs extends KalturaObjectBaseArgs {
    metadataObjectType?: KalturaMetadataObjectType | null;
    name?: string | null;
    systemName?: string | null;
    description?: string | null;
    createMode?: KalturaMetadataProfileCreateMode | null;
    disableReIndexing?: boolean | null;
}
export declare class KalturaMetadataProfile extends KalturaObjectBase {
    static readonly metadata: KalturaTypeMetadata;
    readonly id?: number;
    readonly partnerId?: number;
    metadataObjectType?: KalturaMetadataObjectType | null;
    readonly version?: number;
    name?: string | null;
    systemName?: string | null;
    description?: string | null;
    readonly createdAt?: Date;
    readonly updatedAt?: Date;
    readonly status?: KalturaMetadataProfileStatus;
    readonly xsd?: string;
    readonly views?: string;
    readonly xslt?: string;
    createMode?: KalturaMetadataProfileCreateMode | null;
    disableReIndexing?: boolean | null;
    constructor(data?: KalturaMetadataProfileArgs);
}
