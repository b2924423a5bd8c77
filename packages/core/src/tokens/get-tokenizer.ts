import { TokenmeterError } from "../errors.ts";
import type { PricingTable } from "../pricing/schema.ts";
import { loadClaudeBpe } from "./claude-bpe.ts";
import { resolveTokenizer } from "./model-tokenizer.ts";
import { loadTiktokenEncoder } from "./tiktoken-encoder.ts";
import type { Tokenizer } from "./token-count.ts";
import { methodKeyFor } from "./tokenizer-method-of.ts";
import { TOKENIZER_METHODS, type TokenizerMethodKey } from "./tokenizer-methods.ts";

/** Options of {@link getTokenizer}, {@link countTokens} and {@link countChatTokens}. */
export interface TokenizerOptions {
  /** Pricing table used to map model ids to tokenizers (default: the bundled table). */
  pricing?: PricingTable;
}

function assertText(text: unknown): asserts text is string {
  if (typeof text !== "string") {
    throw new TokenmeterError(
      "INVALID_INPUT",
      `Token counting needs a string; got ${text === null ? "null" : typeof text}.`,
    );
  }
}

async function createTokenizer(key: TokenizerMethodKey): Promise<Tokenizer> {
  const spec = TOKENIZER_METHODS[key];
  if (spec.base === "claude-bpe") {
    const countBpe = await loadClaudeBpe();
    const multiplier = spec.multiplier;
    return Object.freeze({
      id: spec.tokenizer,
      exact: false,
      method: spec.method,
      count(text: string): number {
        assertText(text);
        return text.length === 0 ? 0 : Math.round(countBpe(text) * multiplier);
      },
    });
  }
  const encoder = await loadTiktokenEncoder(spec.base);
  if (spec.exact) {
    return Object.freeze({
      id: spec.tokenizer,
      exact: true,
      method: spec.method,
      count(text: string): number {
        assertText(text);
        // encode_ordinary: special-token strings in user text are plain text and never throw.
        return text.length === 0 ? 0 : encoder.encode_ordinary(text).length;
      },
      encode(text: string): Uint32Array {
        assertText(text);
        return encoder.encode_ordinary(text);
      },
      decodeToken(tokenId: number): Uint8Array {
        return encoder.decode_single_token_bytes(tokenId);
      },
    });
  }
  const multiplier = spec.multiplier;
  return Object.freeze({
    id: spec.tokenizer,
    exact: false,
    method: spec.method,
    count(text: string): number {
      assertText(text);
      return text.length === 0 ? 0 : Math.round(encoder.encode_ordinary(text).length * multiplier);
    },
  });
}

const tokenizers = new Map<TokenizerMethodKey, Promise<Tokenizer>>();

/** The shared tokenizer of one counting method, created on first use (a failed load is retried). */
export function tokenizerForMethod(key: TokenizerMethodKey): Promise<Tokenizer> {
  let tokenizer = tokenizers.get(key);
  if (tokenizer === undefined) {
    const loading = createTokenizer(key);
    tokenizers.set(key, loading);
    loading.catch(() => {
      if (tokenizers.get(key) === loading) tokenizers.delete(key);
    });
    tokenizer = loading;
  }
  return tokenizer;
}

/**
 * The tokenizer for a model id (any id, alias or provider-prefixed id of the pricing table, or an
 * id that tiktoken's prefix rules or a provider prefix recognise) or for a tokenizer id
 * (`o200k_base`, `cl100k_base`, `claude`, `gemini`, `grok`, `deepseek`, `mistral`).
 *
 * Assets load lazily on first use and are cached: one encoder per encoding per process (or page, or
 * worker), shared by every model that uses it. Counting with the result is synchronous.
 *
 * @throws TokenmeterError `UNKNOWN_MODEL` for an id that matches nothing; `TOKENIZER_UNAVAILABLE`
 *   when the WASM, ranks or estimator data cannot be loaded.
 * @example
 * const tokenizer = await getTokenizer("gpt-4o");
 * tokenizer.count("hello world"); // 2 (exact)
 * (await getTokenizer("claude-sonnet-4-5")).exact; // false: an estimate
 */
export async function getTokenizer(
  modelOrTokenizerId: string,
  opts?: TokenizerOptions,
): Promise<Tokenizer> {
  return tokenizerForMethod(methodKeyFor(resolveTokenizer(modelOrTokenizerId, opts)));
}
