// A worker thread that counts tokens for the estimate pipeline (see worker-counter.ts): the main
// thread keeps unzipping, parsing and replaying while this one runs the tokenizer.
import { parentPort, workerData } from "node:worker_threads";
import {
  type CountRequest,
  countRequests,
  getTokenizer,
  isTokenmeterError,
  type PricingTable,
  type Tokenizer,
} from "@tokenmeter/core";
import type { WorkerReply, WorkerRequest } from "./worker-protocol.ts";

const port = parentPort;
if (port === null) throw new Error("token-count-worker must run as a worker thread");
const pricing = (workerData as { pricing: PricingTable }).pricing;
const loaded = new Map<string, Tokenizer>();

async function load(modelId: string): Promise<Tokenizer> {
  let tokenizer = loaded.get(modelId);
  if (tokenizer === undefined) {
    tokenizer = await getTokenizer(modelId, { pricing });
    loaded.set(modelId, tokenizer);
  }
  return tokenizer;
}

async function answer(
  request: WorkerRequest,
): Promise<{ reply: WorkerReply; transfer: ArrayBuffer[] }> {
  if (request.kind === "method") {
    return {
      reply: { id: request.id, kind: "method", method: (await load(request.modelId)).method },
      transfer: [],
    };
  }
  const requests: readonly CountRequest[] = request.requests;
  for (const item of requests) await load(item.modelId);
  const counts = countRequests(requests, (modelId) => loaded.get(modelId) as Tokenizer);
  return {
    reply: { id: request.id, kind: "counts", counts },
    transfer: counts.map((array) => array.buffer as ArrayBuffer),
  };
}

port.on("message", (request: WorkerRequest) => {
  answer(request).then(
    ({ reply, transfer }) => port.postMessage(reply, transfer),
    (error: unknown) => {
      port.postMessage({
        id: request.id,
        kind: "error",
        error: {
          message: error instanceof Error ? error.message : String(error),
          code: isTokenmeterError(error) ? error.code : undefined,
          details: isTokenmeterError(error) ? { ...error.details } : undefined,
        },
      } satisfies WorkerReply);
    },
  );
});
