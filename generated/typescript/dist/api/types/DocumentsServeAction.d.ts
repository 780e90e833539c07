import { KalturaFileRequest, type KalturaRequestArgs } from '../kaltura-request.js';
import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
export interface DocumentsServeActionArgs extends KalturaRequestArgs {
    /** Document entry id */
    entryId: string;
    /** Flavor asset id */
    flavorAssetId?: string | null;
    /** force to get the content without redirect */
    forceProxy?: boolean | null;
}
/**
 * Build request payload for service 'documents' action 'serve'.
 *
 * Usage: Serves the file content
 *
 * Server response type:         { url: string }
 * Server failure response type: KalturaAPIException
 */
export declare class DocumentsServeAction extends KalturaFileRequest {
    static readonly metadata: KalturaTypeMetadata;
    /** Document entry id */
    entryId: string;
    /** Flavor asset id */
    flavorAssetId?: string | null;
    /** force to get the content without redirect */
    forceProxy?: boolean | null;
    constructor(data: DocumentsServeActionArgs);
}
