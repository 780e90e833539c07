import { KalturaObjectBase, type KalturaObjectBaseArgs, type KalturaTypeMetadata } from '../kaltura-object-base.js';
import type { KalturaMetadataObjectType } from './KalturaMetadataObjectType.js';
import type { KalturaMetadataStatus } from './KalturaMetadataStatus.js';
export interface KalturaMetadataArgs extends KalturaObjectBaseArgs {
}
export declare class KalturaMetadata extends KalturaObjectBase {
    static readonly metadata: KalturaTypeMetadata;
    readonly id?: number;
    readonly partnerId?: number;
    readonly metadataProfileId?: number;
    readonly metadataProfileVersion?: number;
    readonly metadataObjectType?: KalturaMetadataObjectType;
    readonly objectId?: string;
    readonly version?: number;
    readonly createdAt?: Date;
    readonly updatedAt?: Date;
    readonly status?: KalturaMetadataStatus;
    readonly xml?: string;
    constructor(data?: KalturaMetadataArgs);
}
