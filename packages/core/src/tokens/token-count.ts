import type { TokenizerId } from "../pricing/schema.ts";

/**
 * The result of a count: how many tokens, whether that number is what the provider bills
 * (`exact`) or an estimate, and how it was obtained.
 */
export interface TokenCount {
  /** Number of tokens (an integer ≥ 0). */
  tokens: number;
  /**
   * `true` only for OpenAI encodings (tiktoken's own ranks), which reproduce the API's count of the
   * text. Every other tokenizer is an estimate; {@link TokenCount.method} says how.
   */
  exact: boolean;
  /** How the number was obtained, e.g. `tiktoken o200k_base (encode_ordinary)`. */
  method: string;
  /** The tokenizer that produced the count. */
  tokenizer: TokenizerId;
}

/**
 * A ready tokenizer: counting is synchronous once {@link getTokenizer} has loaded its assets.
 * Instances are shared and cached per process; never free or mutate them.
 */
export interface Tokenizer {
  /** Which tokenizer this is (`o200k_base`, `cl100k_base`, `claude`, `gemini`, …). */
  readonly id: TokenizerId;
  /** `true` for OpenAI encodings; `false` for every estimator. */
  readonly exact: boolean;
  /** How counts are obtained; copied into every {@link TokenCount}. */
  readonly method: string;
  /**
   * Tokens in `text`, counted as plain text: special-token strings such as `<|endoftext|>` are
   * ordinary characters and never throw. Empty text is 0.
   */
  count(text: string): number;
  /**
   * Token ids of `text` (plain text, as {@link Tokenizer.count}). Only OpenAI encodings have it;
   * use it to show token boundaries. `encode(text).length === count(text)`.
   */
  readonly encode?: (text: string) => Uint32Array;
  /** The bytes of one token id, for showing token boundaries. Only OpenAI encodings have it. */
  readonly decodeToken?: (tokenId: number) => Uint8Array;
}
