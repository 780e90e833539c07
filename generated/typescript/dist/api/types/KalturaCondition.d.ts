import { KalturaObjectBase, type KalturaObjectBaseArgs, type KalturaTypeMetadata } from '../kaltura-object-base.js';
export interface KalturaConditionArgs extends KalturaObjectBaseArgs {
    description?: string | null;
    /** Ends with a backslash \ */
    not?: boolean | null;
}
/**
 * Hostile text (sample): "double" and 'single' quotes, a backslash C:\temp\new, triple quotes """
 * and ''', a comment end *\/ and -->, template-looking {{ name }} ${name} %s {0}, <b>markup</b> &
 * entities,
 * a second line, a CR/LF line
 * and a tab       here; non-ASCII: café, 1 ≤ value ≤ 50, עברית, 日本語, 🎬.
 */
export declare class KalturaCondition extends KalturaObjectBase {
    static readonly metadata: KalturaTypeMetadata;
    /** The type of the access control condition */
    readonly type?: string;
    description?: string | null;
    /** Ends with a backslash \ */
    not?: boolean | null;
    constructor(data?: KalturaConditionArgs);
}
