import { KalturaRequest, type KalturaRequestArgs } from '../kaltura-request.js';
import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaDocumentEntry } from './KalturaDocumentEntry.js';
export interface DocumentGetActionArgs extends KalturaRequestArgs {
    /** Document entry id */
    entryId: string;
    /** Desired version of the data */
    version?: number | null;
}
/**
 * Build request payload for service 'document' action 'get'.
 *
 * Usage: Get document entry by ID.
 *
 * Server response type:         KalturaDocumentEntry
 * Server failure response type: KalturaAPIException
 * @deprecated
 */
export declare class DocumentGetAction extends KalturaRequest<KalturaDocumentEntry> {
    static readonly metadata: KalturaTypeMetadata;
    /** Document entry id */
    entryId: string;
    /** Desired version of the data */
    version?: number | null;
    constructor(data: DocumentGetActionArgs);
}
