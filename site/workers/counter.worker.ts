// The token counter's worker: counts text or a chat for several models, prices sending and
// receiving it, and computes token boundaries, off the main thread so typing stays smooth.
// Tokenizer assets (tiktoken's lite WASM, one ranks file per encoding) are fetched by core on the
// first count that needs them and cached for the worker's lifetime.
/// <reference lib="webworker" />
import {
  countChatTokens,
  getTokenizer,
  isTokenmeterError,
  priceUsage,
  type Tokenizer,
} from "@tokenmeter/core";
import type {
  CountRequest,
  CountResult,
  ModelCount,
  ModelFailure,
  WorkerStatus,
} from "../lib/counter-protocol.ts";
import { boundariesFromByteLengths } from "../lib/token-boundaries.ts";

declare const self: DedicatedWorkerGlobalScope;

const tokenizers = new Map<string, Tokenizer>();
let pending: CountRequest | undefined;
let loadMs = 0;
let busy = false;

async function tokenizerFor(model: string): Promise<Tokenizer> {
  const cached = tokenizers.get(model);
  if (cached) return cached;
  const status: WorkerStatus = { type: "status", loading: model };
  self.postMessage(status);
  const started = performance.now();
  try {
    const tokenizer = await getTokenizer(model);
    tokenizers.set(model, tokenizer);
    return tokenizer;
  } finally {
    loadMs += performance.now() - started;
    const done: WorkerStatus = { type: "status", loading: null };
    self.postMessage(done);
  }
}

function failureOf(model: string, error: unknown): ModelFailure {
  if (isTokenmeterError(error)) return { model, code: error.code, message: error.message };
  return {
    model,
    code: "ERROR",
    message: error instanceof Error ? error.name : "The count failed.",
  };
}

function chatAsText(request: CountRequest): string {
  return request.messages.map((message) => message.content).join("\n");
}

async function handle(request: CountRequest): Promise<CountResult> {
  const started = performance.now();
  loadMs = 0;
  const counts: ModelCount[] = [];
  const failures: ModelFailure[] = [];
  let boundaries: Uint32Array | null = null;
  let boundaryTotal = 0;
  for (const model of request.models) {
    try {
      const tokenizer = await tokenizerFor(model);
      // A chat's count is exact only where the provider's chat overhead is confirmed for the
      // model, so its badge and method come from countChatTokens, not from the tokenizer.
      const chat = request.mode === "chat" ? await countChatTokens(request.messages, model) : null;
      const tokens = chat ? chat.tokens : tokenizer.count(request.text);
      const send = priceUsage({ inputTokens: tokens }, model);
      const receive = priceUsage({ outputTokens: tokens }, model);
      counts.push({
        model,
        tokens,
        exact: chat ? chat.exact : tokenizer.exact,
        method: chat ? chat.method : tokenizer.method,
        tokenizer: tokenizer.id,
        sendUsd: send.totalUsd,
        receiveUsd: receive.totalUsd,
        pricingVersion: send.pricingVersion,
        priceEffectiveFrom: send.priceEffectiveFrom,
      });
      if (model === request.boundariesFor && tokenizer.encode && tokenizer.decodeToken) {
        const text = request.mode === "chat" ? chatAsText(request) : request.text;
        const ids = tokenizer.encode(text);
        boundaryTotal = ids.length;
        const shown = Math.min(ids.length, request.boundaryLimit);
        const lengths = new Uint32Array(shown);
        for (let i = 0; i < shown; i++) lengths[i] = tokenizer.decodeToken(ids[i] ?? 0).length;
        boundaries = boundariesFromByteLengths(text, lengths);
      }
    } catch (error) {
      failures.push(failureOf(model, error));
    }
  }
  return {
    type: "result",
    requestId: request.requestId,
    counts,
    failures,
    boundaries,
    boundaryTotal,
    elapsedMs: performance.now() - started,
    loadMs,
  };
}

// Only the newest request matters: while one is being counted, later ones replace each other.
async function drain(): Promise<void> {
  if (busy) return;
  busy = true;
  try {
    while (pending) {
      const request = pending;
      pending = undefined;
      const result = await handle(request);
      self.postMessage(result, result.boundaries ? [result.boundaries.buffer] : []);
    }
  } finally {
    busy = false;
  }
}

self.addEventListener("message", (event: MessageEvent<CountRequest>) => {
  if (event.data?.type !== "count") return;
  pending = event.data;
  void drain();
});
