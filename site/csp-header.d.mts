export declare const CSP_HEADER: string;
export declare const SECURITY_HEADERS: Readonly<Record<string, string>>;
