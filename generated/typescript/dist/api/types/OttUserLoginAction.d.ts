import { KalturaRequest, type KalturaRequestArgs } from '../kaltura-request.js';
import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
import { KalturaLoginResponse } from './KalturaLoginResponse.js';
import type { KalturaStringValue } from './KalturaStringValue.js';
export interface OttUserLoginActionArgs extends KalturaRequestArgs {
    /** Partner Identifier */
    partnerId: number;
    /** user name */
    username?: string | null;
    /** password */
    password?: string | null;
    /** extra params */
    extraParams?: Record<string, KalturaStringValue> | null;
    /** Device UDID */
    udid?: string | null;
}
/**
 * Build request payload for service 'ottUser' action 'login'.
 *
 * Usage: login with user name and password.
 *
 * Server response type:         KalturaLoginResponse
 * Server failure response type: KalturaAPIException
 */
export declare class OttUserLoginAction extends KalturaRequest<KalturaLoginResponse> {
    static readonly metadata: KalturaTypeMetadata;
    /** Partner Identifier */
    partnerId: number;
    /** user name */
    username?: string | null;
    /** password */
    password?: string | null;
    /** extra params */
    extraParams?: Record<string, KalturaStringValue> | null;
    /** Device UDID */
    udid?: string | null;
    constructor(data: OttUserLoginActionArgs);
}
