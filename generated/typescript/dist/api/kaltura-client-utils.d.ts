/** Date helpers of the official client (Kaltura times are Unix seconds). */
export declare class KalturaClientUtils {
    static fromServerDate(value: number): Date | null;
    static toServerDate(value: Date): number | null;
    static getStartDateValue(value: Date): Date | null;
    static getEndDateValue(value: Date): Date | null;
}
