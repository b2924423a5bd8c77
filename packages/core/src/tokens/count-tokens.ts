import { getTokenizer, type TokenizerOptions } from "./get-tokenizer.ts";
import type { TokenCount } from "./token-count.ts";

/**
 * Counts the tokens of `text` as plain text for `model` (a model id or a tokenizer id).
 * Special-token strings such as `<|endoftext|>` count as ordinary characters; empty text is 0.
 *
 * @returns `{ tokens, exact, method, tokenizer }`; `exact` is true only for OpenAI encodings.
 * @throws TokenmeterError `UNKNOWN_MODEL`, `TOKENIZER_UNAVAILABLE` (see {@link getTokenizer}).
 * @example
 * await countTokens("tiktoken is great!", "gpt-4o");
 * // { tokens: 6, exact: true, method: "tiktoken o200k_base (encode_ordinary)", tokenizer: "o200k_base" }
 */
export async function countTokens(
  text: string,
  model: string,
  opts?: TokenizerOptions,
): Promise<TokenCount> {
  const tokenizer = await getTokenizer(model, opts);
  return {
    tokens: tokenizer.count(text),
    exact: tokenizer.exact,
    method: tokenizer.method,
    tokenizer: tokenizer.id,
  };
}
