import { TokenmeterError } from "../errors.ts";
import {
  asTiktokenRanks,
  type TiktokenEncoder,
  type TiktokenEncodingName,
} from "./tiktoken-types.ts";

// One encoder per encoding per process (or page, or worker), never re-created: each tiktoken
// encoder holds ~50–90 MB of WASM memory that is never returned, so re-creating them leaks.
const encoders = new Map<TiktokenEncodingName, Promise<TiktokenEncoder>>();

async function createEncoder(encoding: TiktokenEncodingName): Promise<TiktokenEncoder> {
  try {
    // Resolved per runtime by packages/core/package.json "imports": Node reads files, browsers fetch.
    const assets = await import("#tiktoken-assets");
    const [Tiktoken, ranksModule] = await Promise.all([
      assets.loadTiktoken(),
      assets.loadRanks(encoding),
    ]);
    const ranks = asTiktokenRanks(ranksModule, encoding);
    return new Tiktoken(ranks.bpe_ranks, ranks.special_tokens, ranks.pat_str);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new TokenmeterError(
      "TOKENIZER_UNAVAILABLE",
      `Could not load the ${encoding} tokenizer (tiktoken WASM and ranks): ${reason}. ` +
        "In a browser, check that the bundler emitted tiktoken's lite .wasm and the ranks JSON and that the page may fetch them (CSP connect-src, script-src 'wasm-unsafe-eval').",
      { cause, details: { encoding } },
    );
  }
}

/**
 * The shared tiktoken encoder of `encoding`, loaded on first use. A failed load is not cached, so
 * a later call retries.
 */
export function loadTiktokenEncoder(encoding: TiktokenEncodingName): Promise<TiktokenEncoder> {
  let encoder = encoders.get(encoding);
  if (encoder === undefined) {
    const loading = createEncoder(encoding);
    encoders.set(encoding, loading);
    loading.catch(() => {
      if (encoders.get(encoding) === loading) encoders.delete(encoding);
    });
    encoder = loading;
  }
  return encoder;
}
