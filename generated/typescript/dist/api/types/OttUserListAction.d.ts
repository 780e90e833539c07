import { KalturaRequest, type KalturaRequestArgs } from '../kaltura-request.js';
import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaKeyValue } from './KalturaKeyValue.js';
import type { KalturaLanguage } from './KalturaLanguage.js';
export interface OttUserListActionArgs extends KalturaRequestArgs {
    /** Language */
    language?: KalturaLanguage | null;
    withDeleted?: boolean | null;
}
/**
 * Build request payload for service 'ottUser' action 'list'.
 *
 * Usage: (sample) an action named like a builtin, returning an array, with a string-enum param
 *
 * Server response type:         KalturaKeyValue[]
 * Server failure response type: KalturaAPIException
 */
export declare class OttUserListAction extends KalturaRequest<KalturaKeyValue[]> {
    static readonly metadata: KalturaTypeMetadata;
    /** Language */
    language?: KalturaLanguage | null;
    withDeleted?: boolean | null;
    constructor(data?: OttUserListActionArgs);
}
