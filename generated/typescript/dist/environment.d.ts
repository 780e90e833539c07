export declare const environment: {
    readonly request: {
        readonly apiVersion: "22.19.0";
    };
};
