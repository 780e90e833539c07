export declare enum KalturaNullableBoolean {
    nullValue = -1,
    falseValue = 0,
    trueValue = 1
}
