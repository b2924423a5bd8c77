/** The two OpenAI encodings tokenmeter loads (every current OpenAI chat model uses one of them). */
export type TiktokenEncodingName = "o200k_base" | "cl100k_base";

/** The contents of `tiktoken/encoders/<encoding>.json`. */
export interface TiktokenRanks {
  bpe_ranks: string;
  special_tokens: Record<string, number>;
  pat_str: string;
}

/** The part of tiktoken's WASM `Tiktoken` class that tokenmeter uses. */
export interface TiktokenEncoder {
  encode_ordinary(text: string): Uint32Array;
  decode_single_token_bytes(token: number): Uint8Array;
  free(): void;
}

export type TiktokenConstructor = new (
  bpeRanks: string,
  specialTokens: Record<string, number>,
  patStr: string,
) => TiktokenEncoder;

/** Narrows an imported or fetched ranks module without trusting its declared type. */
export function asTiktokenRanks(value: unknown, encoding: TiktokenEncodingName): TiktokenRanks {
  const candidate =
    typeof value === "object" && value !== null && "default" in value && !("bpe_ranks" in value)
      ? (value as { default: unknown }).default
      : value;
  if (
    typeof candidate === "object" &&
    candidate !== null &&
    "bpe_ranks" in candidate &&
    typeof candidate.bpe_ranks === "string" &&
    "pat_str" in candidate &&
    typeof candidate.pat_str === "string" &&
    "special_tokens" in candidate &&
    typeof candidate.special_tokens === "object" &&
    candidate.special_tokens !== null
  ) {
    return candidate as TiktokenRanks;
  }
  throw new Error(`the ${encoding} ranks file does not have bpe_ranks, special_tokens and pat_str`);
}
