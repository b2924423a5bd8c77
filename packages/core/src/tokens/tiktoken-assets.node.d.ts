import type { TiktokenConstructor, TiktokenEncodingName } from "./tiktoken-types.ts";

/** Loads tiktoken's lite WASM build (no ranks embedded). */
export declare function loadTiktoken(): Promise<TiktokenConstructor>;
/** Loads one encoding's ranks module; validate it with `asTiktokenRanks`. */
export declare function loadRanks(encoding: TiktokenEncodingName): Promise<unknown>;
