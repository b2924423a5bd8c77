import { Worker } from "node:worker_threads";
import {
  type CountRequest,
  type PricingTable,
  type TokenCounter,
  TokenmeterError,
} from "@tokenmeter/core";
import type { WorkerReply, WorkerRequest, WorkerRequestBody } from "./worker-protocol.ts";

interface Pending {
  resolve(reply: WorkerReply): void;
  reject(error: unknown): void;
}

/** The worker script next to this module (`.ts` when run from source with tsx, `.js` when built). */
function workerUrl(): URL {
  const extension = import.meta.url.endsWith(".ts") ? "ts" : "js";
  return new URL(`./token-count-worker.${extension}`, import.meta.url);
}

/**
 * Counts tokens in `workerCount` worker threads, round robin. Each worker loads its own tokenizers
 * (one tiktoken encoder per encoding per worker), so one worker is the default: the main thread
 * is busy unzipping, parsing and replaying, and each extra encoder costs tens of MB.
 */
export function createWorkerCounter(pricing: PricingTable, workerCount = 1): TokenCounter {
  const workers = Array.from(
    { length: Math.max(1, workerCount) },
    () =>
      new Worker(workerUrl(), {
        workerData: { pricing },
        // The worker holds one batch of strings at a time: a small young generation keeps its heap small.
        resourceLimits: { maxYoungGenerationSizeMb: 8 },
      }),
  );
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let failure: unknown;

  for (const worker of workers) {
    worker.on("message", (reply: WorkerReply) => {
      const waiting = pending.get(reply.id);
      if (waiting === undefined) return;
      pending.delete(reply.id);
      waiting.resolve(reply);
    });
    worker.on("error", (error) => {
      failure = error;
      for (const waiting of pending.values()) waiting.reject(error);
      pending.clear();
    });
  }

  function ask(request: WorkerRequestBody): Promise<WorkerReply> {
    if (failure !== undefined) return Promise.reject(failure);
    const id = nextId;
    nextId += 1;
    const worker = workers[id % workers.length] as Worker;
    return new Promise<WorkerReply>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...request, id } as WorkerRequest);
    }).then((reply) => {
      if (reply.kind === "error") {
        const { message, code, details } = reply.error;
        throw code === undefined
          ? new Error(message)
          : new TokenmeterError(code, message, details === undefined ? undefined : { details });
      }
      return reply;
    });
  }

  return {
    async methodOf(modelId) {
      const reply = await ask({ kind: "method", modelId });
      if (reply.kind !== "method") throw new Error("token-count worker answered out of protocol");
      return reply.method;
    },
    async countBatch(requests: readonly CountRequest[]) {
      const reply = await ask({ kind: "count", requests: [...requests] });
      if (reply.kind !== "counts") throw new Error("token-count worker answered out of protocol");
      return reply.counts;
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
