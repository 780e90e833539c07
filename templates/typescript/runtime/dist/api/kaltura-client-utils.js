/** Date helpers of the official client (Kaltura times are Unix seconds). */
export class KalturaClientUtils {
    static fromServerDate(value) {
        return value ? new Date(value * 1000) : null;
    }
    static toServerDate(value) {
        return value ? Math.round(value.getTime() / 1000) : null;
    }
    static getStartDateValue(value) {
        if (!value)
            return null;
        value.setHours(0, 0, 0);
        return value;
    }
    static getEndDateValue(value) {
        if (!value)
            return null;
        value.setHours(23, 59, 59);
        return value;
    }
}
