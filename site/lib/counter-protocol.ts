// Messages between the token counter island and its Web Worker. The worker owns every tokenizer
// (tiktoken WASM and ranks are fetched inside it, once per encoding); the page only renders.

/** A chat message as the counter edits it. */
export interface CounterChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

export interface CountRequest {
  type: "count";
  /** Increases with every request; the page ignores answers to anything but the latest. */
  requestId: number;
  mode: "text" | "chat";
  text: string;
  messages: CounterChatMessage[];
  /** Model ids from the pricing table. */
  models: string[];
  /** Also return token boundaries for this model (an OpenAI encoding), if any. */
  boundariesFor: string | null;
  /** At most this many boundaries are returned (the view shows the start of long texts). */
  boundaryLimit: number;
}

export interface ModelCount {
  model: string;
  tokens: number;
  exact: boolean;
  method: string;
  tokenizer: string;
  /** USD to send these tokens as input (uncached). */
  sendUsd: number;
  /** USD to receive these tokens as output. */
  receiveUsd: number;
  pricingVersion: string;
  priceEffectiveFrom: string;
}

export interface ModelFailure {
  model: string;
  /** A TokenmeterError code or `ERROR`. */
  code: string;
  /** Never contains the user's text. */
  message: string;
}

export interface CountResult {
  type: "result";
  requestId: number;
  counts: ModelCount[];
  failures: ModelFailure[];
  /** UTF-16 end offsets of the first tokens of `text` (or of the chat's messages joined). */
  boundaries: Uint32Array | null;
  /** Total tokens of the boundary model, so the view can say how many it does not show. */
  boundaryTotal: number;
  elapsedMs: number;
  /** Of `elapsedMs`, time spent loading tokenizers (their first use only). */
  loadMs: number;
}

export interface WorkerStatus {
  type: "status";
  /** A tokenizer asset is being fetched and compiled (first use of an encoding). */
  loading: string | null;
}

export type CounterWorkerMessage = CountResult | WorkerStatus;
