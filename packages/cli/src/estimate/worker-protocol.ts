import type { CountRequest, TokenmeterErrorCode } from "@tokenmeter/core";

/** What the main thread asks the token-count worker. */
export type WorkerRequestBody =
  | { kind: "method"; modelId: string }
  | { kind: "count"; requests: CountRequest[] };

/** A message to the token-count worker. */
export type WorkerRequest = WorkerRequestBody & { id: number };

/** The worker's answer to the request with the same id. */
export type WorkerReply =
  | { id: number; kind: "method"; method: string }
  | { id: number; kind: "counts"; counts: Uint32Array[] }
  | {
      id: number;
      kind: "error";
      error: {
        message: string;
        code: TokenmeterErrorCode | undefined;
        details: Record<string, unknown> | undefined;
      };
    };
