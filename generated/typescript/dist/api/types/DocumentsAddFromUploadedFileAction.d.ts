import { KalturaRequest, type KalturaRequestArgs } from '../kaltura-request.js';
import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaDocumentEntry } from './KalturaDocumentEntry.js';
export interface DocumentsAddFromUploadedFileActionArgs extends KalturaRequestArgs {
    /** Document entry metadata */
    documentEntry: KalturaDocumentEntry;
    /** Upload token id */
    uploadTokenId: string;
}
/**
 * Build request payload for service 'documents' action 'addFromUploadedFile'.
 *
 * Usage: Add new document entry after the specific document file was uploaded and the upload token
 * id exists
 *
 * Server response type:         KalturaDocumentEntry
 * Server failure response type: KalturaAPIException
 */
export declare class DocumentsAddFromUploadedFileAction extends KalturaRequest<KalturaDocumentEntry> {
    static readonly metadata: KalturaTypeMetadata;
    /** Document entry metadata */
    documentEntry: KalturaDocumentEntry;
    /** Upload token id */
    uploadTokenId: string;
    constructor(data: DocumentsAddFromUploadedFileActionArgs);
}
