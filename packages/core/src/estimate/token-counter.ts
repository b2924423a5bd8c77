import type { PricingTable } from "../pricing/schema.ts";
import { getTokenizer } from "../tokens/get-tokenizer.ts";
import type { Tokenizer } from "../tokens/token-count.ts";

/** Texts to count with one model's tokenizer. */
export interface CountRequest {
  /** A model id or alias; its tokenizer counts the texts. */
  modelId: string;
  texts: readonly string[];
}

/**
 * Counts tokens for {@link createLogEstimator}, in this thread or elsewhere: the CLI counts large
 * exports in a worker thread, the site's import page in its Web Worker. Counting is the expensive
 * part of replaying a chat export, so it sits behind this interface; batches are asynchronous so
 * the caller can keep parsing while a batch is counted.
 */
export interface TokenCounter {
  /**
   * A key shared by every model that counts alike (the tokenizer's method), so a conversation
   * answered by gpt-4o and gpt-4o-mini counts its messages once.
   */
  methodOf(modelId: string): Promise<string>;
  /** Token counts for each request, in order: one count per text. */
  countBatch(requests: readonly CountRequest[]): Promise<Uint32Array[]>;
  /** Frees what the counter holds (worker threads, encoders); it is not used afterwards. */
  close(): Promise<void>;
}

/**
 * Counts the texts of each request with `tokenizerOf(modelId)`, synchronously: the work a
 * {@link TokenCounter} does wherever it runs (a worker calls this on the batches it receives).
 *
 * @example
 * countRequests([{ modelId: "gpt-4o", texts: ["Hello", "world"] }], (id) => tokenizers.get(id));
 * // [Uint32Array [1, 1]]
 */
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

/**
 * A counter that counts in this thread with core's tokenizers (loaded once per model and reused):
 * the default of {@link createLogEstimator}, and what a worker that already runs off the main
 * thread uses.
 */
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
