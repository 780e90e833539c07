import { KalturaRequest, type KalturaRequestArgs } from '../kaltura-request.js';
import { type KalturaTypeMetadata } from '../kaltura-object-base.js';
export interface UserLoginByLoginIdActionArgs extends KalturaRequestArgs {
    /** The user's email address that identifies the user for login */
    loginId: string;
    /** The user's password */
    password: string;
    /** The identifier of the partner account */
    partnerId?: number | null;
    /**
     * The requested time (in seconds) before the generated KS expires (By default, a KS expires
     * after 24 hours).
     */
    expiry?: number | null;
    /** Special privileges */
    privileges?: string | null;
    /** the user's one-time password */
    otp?: string | null;
}
/**
 * Build request payload for service 'user' action 'loginByLoginId'.
 *
 * Usage: Logs a user into a partner account with a user login ID and a user password.
 *
 * Server response type:         string
 * Server failure response type: KalturaAPIException
 */
export declare class UserLoginByLoginIdAction extends KalturaRequest<string> {
    static readonly metadata: KalturaTypeMetadata;
    /** The user's email address that identifies the user for login */
    loginId: string;
    /** The user's password */
    password: string;
    /** The identifier of the partner account */
    partnerId?: number | null;
    /**
     * The requested time (in seconds) before the generated KS expires (By default, a KS expires
     * after 24 hours).
     */
    expiry?: number | null;
    /** Special privileges */
    privileges?: string | null;
    /** the user's one-time password */
    otp?: string | null;
    constructor(data: UserLoginByLoginIdActionArgs);
}
