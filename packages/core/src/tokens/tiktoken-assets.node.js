// Node (plain Node on dist/, tsx and vitest on src/, Vite SSR): tiktoken's `lite` CommonJS entry
// reads its WASM from disk itself, and the ranks come from tiktoken's CommonJS encoder modules.
// Selected by `#tiktoken-assets` (packages/core/package.json "imports"). Plain JavaScript on purpose:
// the same file must load from source (tsx, vitest) and from the compiled package without a build
// step or a TypeScript loader. Types: tiktoken-assets.node.d.ts. The caller validates the ranks.

/** @returns {Promise<import("./tiktoken-types.ts").TiktokenConstructor>} */
export async function loadTiktoken() {
  const lite = await import("tiktoken/lite");
  return lite.Tiktoken;
}

/**
 * @param {"o200k_base" | "cl100k_base"} encoding
 * @returns {Promise<unknown>} the encoder module (o200k_base ≈ 2.3 MB, cl100k_base ≈ 1.1 MB of ranks)
 */
export async function loadRanks(encoding) {
  return encoding === "o200k_base"
    ? await import("tiktoken/encoders/o200k_base")
    : await import("tiktoken/encoders/cl100k_base");
}
