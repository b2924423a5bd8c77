import { getTokenizer, type PricingTable, type Tokenizer } from "@tokenmeter/core";

/** Texts to count with one model's tokenizer. */
export interface CountRequest {
  modelId: string;
  texts: readonly string[];
}

/**
 * Counts tokens for the estimate pipeline, in this thread or in a worker thread. Counting is the
 * expensive part of replaying a chat export, so it sits behind this interface.
 */
export interface TokenCounter {
  /**
   * A key shared by every model that counts alike (the tokenizer's method), so a conversation
   * answered by gpt-4o and gpt-4o-mini counts its messages once.
   */
  methodOf(modelId: string): Promise<string>;
  /** Token counts for each request, in order: one count per text. */
  countBatch(requests: readonly CountRequest[]): Promise<Uint32Array[]>;
  close(): Promise<void>;
}

/** Counts the texts of each request with `tokenizerOf(modelId)`, synchronously. */
export function countRequests(
  requests: readonly CountRequest[],
  tokenizerOf: (modelId: string) => Tokenizer,
): Uint32Array[] {
  return requests.map((request) => {
    const tokenizer = tokenizerOf(request.modelId);
    const counts = new Uint32Array(request.texts.length);
    request.texts.forEach((text, index) => {
      counts[index] = tokenizer.count(text);
    });
    return counts;
  });
}

/** A counter that works in this thread (small inputs, one CPU, or worker threads turned off). */
export function createInlineCounter(pricing: PricingTable): TokenCounter {
  const loaded = new Map<string, Tokenizer>();
  async function load(modelId: string): Promise<Tokenizer> {
    let tokenizer = loaded.get(modelId);
    if (tokenizer === undefined) {
      tokenizer = await getTokenizer(modelId, { pricing });
      loaded.set(modelId, tokenizer);
    }
    return tokenizer;
  }
  return {
    async methodOf(modelId) {
      return (await load(modelId)).method;
    },
    async countBatch(requests) {
      for (const request of requests) await load(request.modelId);
      return countRequests(requests, (modelId) => loaded.get(modelId) as Tokenizer);
    },
    async close() {},
  };
}
