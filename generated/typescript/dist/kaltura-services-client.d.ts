import { KalturaClient } from './kaltura-client.js';
import { BaseEntryService } from './api/services/BaseEntryService.js';
import { BulkUploadService } from './api/services/BulkUploadService.js';
import { DocumentService } from './api/services/DocumentService.js';
import { MediaService } from './api/services/MediaService.js';
import { SessionService } from './api/services/SessionService.js';
import { SystemService } from './api/services/SystemService.js';
import { UploadTokenService } from './api/services/UploadTokenService.js';
import { UserService } from './api/services/UserService.js';
import { OttUserService } from './api/services/OttUserService.js';
import { MetadataService } from './api/services/MetadataService.js';
import { MetadataProfileService } from './api/services/MetadataProfileService.js';
import { DocumentsService } from './api/services/DocumentsService.js';
import { BulkService } from './api/services/BulkService.js';
/**
 * A KalturaClient with a property per service: `await client.media.list({ filter })`, and
 * `for await (const entry of client.media.listAll(filter))` on list actions that take a pager.
 * It loads every service and action; an app that counts bundle bytes sends the action classes
 * it needs with `KalturaClient.request()` instead.
 */
export declare class KalturaServicesClient extends KalturaClient {
    /** Base Entry Service */
    get baseEntry(): BaseEntryService;
    /**
     * Bulk upload service is used to upload & manage bulk uploads using CSV files.  This service
     * manages only entry bulk uploads.
     */
    get bulkUpload(): BulkUploadService;
    /** Document service */
    get document(): DocumentService;
    /** Media service lets you upload and manage media files (images / videos & audio) */
    get media(): MediaService;
    /** Session service */
    get session(): SessionService;
    /** System service is used for internal system helpers & to retrieve system level information */
    get system(): SystemService;
    get uploadToken(): UploadTokenService;
    /**
     * Manage partner users on Kaltura's side  The userId in kaltura is the unique ID in the
     * partner's system, and the [partnerId,Id] couple are unique key in kaltura's DB
     */
    get user(): UserService;
    /** (sample) OTT-style service: JSON-only request format, numeric error codes */
    get ottUser(): OttUserService;
    /** Metadata service */
    get metadata(): MetadataService;
    /** Metadata Profile service */
    get metadataProfile(): MetadataProfileService;
    /** Document service lets you upload and manage document files */
    get documents(): DocumentsService;
    /** Bulk upload service is used to upload & manage bulk uploads */
    get bulk(): BulkService;
}
