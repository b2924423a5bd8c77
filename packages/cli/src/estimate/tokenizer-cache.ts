import { getTokenizer, type PricingTable, type Tokenizer } from "@tokenmeter/core";

/** Tokenizers by model id, loaded once (async) and then used synchronously in the hot path. */
export interface TokenizerCache {
  /** Loads the tokenizer of each model not loaded yet. */
  load(modelIds: Iterable<string>): Promise<void>;
  /** The loaded tokenizer of `modelId`; call {@link TokenizerCache.load} first. */
  get(modelId: string): Tokenizer;
}

export function createTokenizerCache(pricing: PricingTable): TokenizerCache {
  const loaded = new Map<string, Tokenizer>();
  return {
    async load(modelIds) {
      for (const id of modelIds) {
        if (!loaded.has(id)) loaded.set(id, await getTokenizer(id, { pricing }));
      }
    },
    get(modelId) {
      const tokenizer = loaded.get(modelId);
      if (tokenizer === undefined)
        throw new Error(`tokenizer of ${modelId} used before it was loaded`);
      return tokenizer;
    },
  };
}
