// Node (and vitest, and Vite SSR): tiktoken's `lite` CommonJS entry reads its WASM from disk itself,
// and the ranks come from tiktoken's own CommonJS encoder modules. Selected by `#tiktoken-assets`.
import {
  asTiktokenRanks,
  type TiktokenConstructor,
  type TiktokenEncodingName,
  type TiktokenRanks,
} from "./tiktoken-types.ts";

/** Loads tiktoken's lite WASM build (no ranks embedded). */
export async function loadTiktoken(): Promise<TiktokenConstructor> {
  const lite = await import("tiktoken/lite");
  return lite.Tiktoken;
}

/** Loads the ranks of one encoding (o200k_base ≈ 2.3 MB, cl100k_base ≈ 1.1 MB of JSON). */
export async function loadRanks(encoding: TiktokenEncodingName): Promise<TiktokenRanks> {
  const module: unknown =
    encoding === "o200k_base"
      ? await import("tiktoken/encoders/o200k_base")
      : await import("tiktoken/encoders/cl100k_base");
  return asTiktokenRanks(module, encoding);
}
