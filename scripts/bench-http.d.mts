export function waitFor(url: string, timeoutMs?: number): Promise<void>;
export function assertPortFree(port: number): Promise<void>;
export declare function freePort(): Promise<number>;
