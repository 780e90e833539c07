import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaBaseEntry, type KalturaBaseEntryArgs } from './KalturaBaseEntry.js';
import type { KalturaDocumentType } from './KalturaDocumentType.js';
export interface KalturaDocumentEntryArgs extends KalturaBaseEntryArgs {
    /** The type of the document */
    documentType?: KalturaDocumentType | null;
}
export declare class KalturaDocumentEntry extends KalturaBaseEntry {
    static readonly metadata: KalturaTypeMetadata;
    /** The type of the document */
    documentType?: KalturaDocumentType | null;
    /** Comma separated asset params ids that exists for this media entry */
    readonly assetParamsIds?: string;
    constructor(data?: KalturaDocumentEntryArgs);
}
