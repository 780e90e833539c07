import type { CancelablePromise, KalturaCallOptions, KalturaClient } from '../../kaltura-client.js';
import { type UserLoginByLoginIdActionArgs } from '../types/UserLoginByLoginIdAction.js';
/**
 * Service 'user': Manage partner users on Kaltura's side
 *  The userId in kaltura is the unique ID in the partner's system, and the [partnerId,Id] couple
 * are unique key in kaltura's DB
 */
export declare class UserService {
    readonly client: KalturaClient;
    constructor(client: KalturaClient);
    /** Logs a user into a partner account with a user login ID and a user password. */
    loginByLoginId(data: UserLoginByLoginIdActionArgs, options?: KalturaCallOptions): CancelablePromise<string>;
}
