import type { CancelablePromise, KalturaCallOptions, KalturaClient } from '../../kaltura-client.js';
import { type DocumentGetActionArgs } from '../types/DocumentGetAction.js';
import type { KalturaDocumentEntry } from '../types/KalturaDocumentEntry.js';
/** Service 'document': Document service */
export declare class DocumentService {
    readonly client: KalturaClient;
    constructor(client: KalturaClient);
    /** Get document entry by ID. */
    get(data: DocumentGetActionArgs, options?: KalturaCallOptions): CancelablePromise<KalturaDocumentEntry>;
}
