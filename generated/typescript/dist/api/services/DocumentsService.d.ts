import type { CancelablePromise, KalturaCallOptions, KalturaClient } from '../../kaltura-client.js';
import { type DocumentsAddFromUploadedFileActionArgs } from '../types/DocumentsAddFromUploadedFileAction.js';
import { type DocumentsGetActionArgs } from '../types/DocumentsGetAction.js';
import { type DocumentsServeActionArgs } from '../types/DocumentsServeAction.js';
import type { KalturaDocumentEntry } from '../types/KalturaDocumentEntry.js';
/** Service 'documents': Document service lets you upload and manage document files */
export declare class DocumentsService {
    readonly client: KalturaClient;
    constructor(client: KalturaClient);
    /**
     * Add new document entry after the specific document file was uploaded and the upload token id
     * exists
     */
    addFromUploadedFile(data: DocumentsAddFromUploadedFileActionArgs, options?: KalturaCallOptions): CancelablePromise<KalturaDocumentEntry>;
    /** Get document entry by ID. */
    get(data: DocumentsGetActionArgs, options?: KalturaCallOptions): CancelablePromise<KalturaDocumentEntry>;
    /** Serves the file content */
    serve(data: DocumentsServeActionArgs, options?: KalturaCallOptions): CancelablePromise<{
        url: string;
    }>;
}
