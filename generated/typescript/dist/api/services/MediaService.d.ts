import type { CancelablePromise, KalturaCallOptions, KalturaClient } from '../../kaltura-client.js';
import { type KalturaListAllOptions } from '../../kaltura-list-all.js';
import { KalturaMediaEntryFilter } from '../types/KalturaMediaEntryFilter.js';
import { type MediaAddActionArgs } from '../types/MediaAddAction.js';
import { type MediaAddContentActionArgs } from '../types/MediaAddContentAction.js';
import { type MediaCountActionArgs } from '../types/MediaCountAction.js';
import { type MediaDeleteActionArgs } from '../types/MediaDeleteAction.js';
import { type MediaGetActionArgs } from '../types/MediaGetAction.js';
import { type MediaGetMediaTypeActionArgs } from '../types/MediaGetMediaTypeAction.js';
import { type MediaGetVolumeMapActionArgs } from '../types/MediaGetVolumeMapAction.js';
import { type MediaListActionArgs } from '../types/MediaListAction.js';
import { type MediaUpdateActionArgs } from '../types/MediaUpdateAction.js';
import { type MediaUploadActionArgs } from '../types/MediaUploadAction.js';
import type { KalturaMediaEntry } from '../types/KalturaMediaEntry.js';
import type { KalturaMediaListResponse } from '../types/KalturaMediaListResponse.js';
import type { KalturaMediaType } from '../types/KalturaMediaType.js';
/** Service 'media': Media service lets you upload and manage media files (images / videos & audio) */
export declare class MediaService {
    readonly client: KalturaClient;
    constructor(client: KalturaClient);
    /** Add entry */
    add(data: MediaAddActionArgs, options?: KalturaCallOptions): CancelablePromise<KalturaMediaEntry>;
    /**
     * Add content to media entry which is not yet associated with content (therefore is in status
     * NO_CONTENT).      If the requirement is to replace the entry's associated content, use action
     * updateContent.
     */
    addContent(data: MediaAddContentActionArgs, options?: KalturaCallOptions): CancelablePromise<KalturaMediaEntry>;
    /** Count media entries by filter. */
    count(data?: MediaCountActionArgs, options?: KalturaCallOptions): CancelablePromise<number>;
    /** Delete a media entry. */
    delete(data: MediaDeleteActionArgs, options?: KalturaCallOptions): CancelablePromise<void>;
    /** Get media entry by ID. */
    get(data: MediaGetActionArgs, options?: KalturaCallOptions): CancelablePromise<KalturaMediaEntry>;
    /** (sample) a result that names an enum as its type: the entry's media type */
    getMediaType(data: MediaGetMediaTypeActionArgs, options?: KalturaCallOptions): CancelablePromise<KalturaMediaType>;
    /** Get volume map by entry id */
    getVolumeMap(data: MediaGetVolumeMapActionArgs, options?: KalturaCallOptions): CancelablePromise<{
        url: string;
    }>;
    /** List media entries by filter with paging support. */
    list(data?: MediaListActionArgs, options?: KalturaCallOptions): CancelablePromise<KalturaMediaListResponse>;
    /**
     * Every object `list` finds, page after page: the pager inside Kaltura's 10,000-result
     * window, then a createdAt cursor past it (see `listAll`). The filter is not modified.
     */
    listAll(filter?: KalturaMediaEntryFilter | null, options?: KalturaListAllOptions): AsyncGenerator<KalturaMediaEntry>;
    /** Update media entry. Only the properties that were set will be updated. */
    update(data: MediaUpdateActionArgs, options?: KalturaCallOptions): CancelablePromise<KalturaMediaEntry>;
    /** Upload a media file to Kaltura, then the file can be used to create a media entry. */
    upload(data: MediaUploadActionArgs, options?: KalturaCallOptions): CancelablePromise<string>;
}
