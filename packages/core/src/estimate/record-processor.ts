import { defaultChatOverhead } from "../cost/replay-conversation.ts";
import type {
  CallLogRecord,
  ConversationLogRecord,
  LogRecord,
  UsageLogRecord,
} from "../logs/log-record.ts";
import type { ModelInfo } from "../pricing/find-model.ts";
import type { CoverageTracker } from "../report/coverage-tracker.ts";
import type { ReportBuilder, ScenarioPricing } from "../report/report-builder.ts";
import type { Usage } from "../usage/usage.ts";
import {
  type ConversationPlan,
  type ConversationPricerOptions,
  planConversation,
  priceConversation,
} from "./conversation-pricer.ts";
import type { CountRequest, TokenCounter } from "./token-counter.ts";

/** Counts the processor keeps for the assumptions and coverage sections. */
export interface ProcessorStats {
  usageRecords: number;
  callRecords: number;
  conversations: number;
  /** Usage records re-priced on a model with another tokenizer (their counts are reused). */
  repricedAcrossTokenizers: number;
  /** Anthropic `fast` mode requests: billed at a premium the table does not hold. */
  fastModeRequests: number;
  /** Claude.ai conversations priced on the assumed model. */
  assumedModelConversations: number;
  /** Conversations with answers on more than one model. */
  multiModelConversations: number;
}

/** Turns log records into report entries: queue them synchronously, process them between chunks. */
export interface RecordProcessor {
  /** Queues a record (called by the readers, synchronously). */
  accept(record: LogRecord): void;
  /** Processes queued records: exact usage at once, text through the token counter in batches. */
  drain(): Promise<void>;
  /** Counts and prices everything still pending. Call once, after the last chunk. */
  finish(): Promise<void>;
  readonly stats: ProcessorStats;
}

/** Options of {@link createRecordProcessor}. */
export interface RecordProcessorOptions {
  builder: ReportBuilder;
  coverage: CoverageTracker;
  conversation: ConversationPricerOptions;
  counter: TokenCounter;
  /** Characters of text sent to the counter per batch (default 250,000). */
  batchCharacters?: number;
  /** Batches counting at once before the reader waits for the oldest (default 2). */
  maxBatchesInFlight?: number;
}

type PendingItem =
  | { kind: "conversation"; plan: ConversationPlan; first: number }
  | {
      kind: "call";
      record: CallLogRecord;
      models: ModelInfo[];
      requestOf: number[];
      first: number;
    };

interface Batch {
  items: PendingItem[];
  counts: Promise<Uint32Array[]>;
}

const SKIP_DESCRIPTIONS = {
  NO_TIMESTAMP:
    "Conversations (or log lines) with no readable date: they cannot be placed in a month and were not counted.",
  NO_MESSAGES:
    "Conversations with no visible user or assistant message (only tool traffic, empty or hidden messages).",
} as const;

/**
 * The `at` a logged request is priced at: its instant, so prices with peak hours pick peak or
 * off-peak by its UTC time. Only its UTC day when the log gave no time of day, or when the row sums
 * a time bucket longer than a minute (usage CSVs): peak-hour prices then use the peak price, an
 * upper bound, and the report says so. Every other price depends on the day alone.
 */
function priceAt(record: UsageLogRecord | CallLogRecord): string {
  const day = record.timestamp.slice(0, 10);
  if (record.dateOnly === true) return day;
  if (record.kind === "usage" && record.periodEnd !== undefined) {
    const span = Date.parse(record.periodEnd) - Date.parse(record.timestamp);
    if (!(span <= 60_000)) return day;
  }
  return record.timestamp;
}

/**
 * The estimate pipeline after the readers. Exact usage records are priced as they arrive. Records
 * that carry text (conversations, generic calls) are planned, their texts counted in batches by
 * the {@link TokenCounter} (a worker thread for large exports) while the reader keeps parsing, and
 * priced when the counts come back. Batches complete in the order they were sent, so the report
 * is the same on every run.
 */
export function createRecordProcessor(options: RecordProcessorOptions): RecordProcessor {
  const { builder, coverage, counter } = options;
  // Requests outside since/until are counted, never priced: their assumptions would describe
  // usage the report does not show (and their text need not be counted at all).
  const context: ConversationPricerOptions = {
    ...options.conversation,
    inRange: (timestampMs) => builder.inRange(timestampMs),
    skipIfOutsideRange: (timestampMs) => builder.skipIfOutsideRange(timestampMs),
  };
  const { pricer, specs } = context;
  const batchCharacters = options.batchCharacters ?? 250_000;
  const maxInFlight = options.maxBatchesInFlight ?? 2;
  const queue: LogRecord[] = [];
  const inFlight: Batch[] = [];
  let pendingItems: PendingItem[] = [];
  let pendingRequests: CountRequest[] = [];
  let pendingCharacters = 0;
  const methods = new Map<string, Promise<string>>();
  const stats: ProcessorStats = {
    usageRecords: 0,
    callRecords: 0,
    conversations: 0,
    repricedAcrossTokenizers: 0,
    fastModeRequests: 0,
    assumedModelConversations: 0,
    multiModelConversations: 0,
  };

  function methodOf(modelId: string): Promise<string> {
    let method = methods.get(modelId);
    if (method === undefined) {
      method = counter.methodOf(modelId);
      methods.set(modelId, method);
    }
    return method;
  }

  function rowModel(model: string): string {
    const resolved = pricer.resolve(model);
    return resolved.known ? resolved.info.id : model;
  }

  function skip(reason: keyof typeof SKIP_DESCRIPTIONS, source: LogRecord["source"]): void {
    coverage.recordSkipped(source.file, reason, SKIP_DESCRIPTIONS[reason], {
      ...(source.line === undefined ? {} : { line: source.line }),
      ...(source.byteOffset === undefined ? {} : { byteOffset: source.byteOffset }),
      ...(source.path === undefined ? {} : { path: source.path }),
    });
  }

  function processUsage(record: UsageLogRecord): void {
    stats.usageRecords += 1;
    const timestampMs = Date.parse(record.timestamp);
    if (!Number.isFinite(timestampMs)) {
      skip("NO_TIMESTAMP", record.source);
      return;
    }
    if (builder.skipIfOutsideRange(timestampMs, record.requestCount)) return;
    if (record.speed !== undefined && record.speed !== "standard") {
      stats.fastModeRequests += record.requestCount;
    }
    const source = pricer.resolve(record.model);
    const at = priceAt(record);
    const priced = specs.map((spec): ScenarioPricing => {
      if (spec.model === undefined) {
        return pricer.price(record.usage, record.model, at, true, record.serviceTier);
      }
      const sameTokenizer = source.known && source.info.tokenizer === spec.model.tokenizer;
      if (source.known && !sameTokenizer) stats.repricedAcrossTokenizers += 1;
      return pricer.price(
        record.usage,
        spec.model.id,
        at,
        sameTokenizer,
        record.serviceTier,
        "first-price",
      );
    });
    builder.add({
      timestampMs,
      conversationId: record.conversationId,
      model: rowModel(record.model),
      requestCount: record.requestCount,
      priced,
    });
  }

  function enqueue(item: PendingItem, requests: readonly CountRequest[]): void {
    pendingItems.push(item);
    for (const request of requests) {
      pendingRequests.push(request);
      for (const text of request.texts) pendingCharacters += text.length;
    }
  }

  async function planCall(record: CallLogRecord): Promise<void> {
    stats.callRecords += 1;
    const timestampMs = Date.parse(record.timestamp);
    if (!Number.isFinite(timestampMs)) {
      skip("NO_TIMESTAMP", record.source);
      return;
    }
    if (builder.skipIfOutsideRange(timestampMs)) return;
    const source = pricer.resolve(record.model);
    const models = [
      ...specs.flatMap((spec) => (spec.model === undefined ? [] : [spec.model])),
      source.known ? source.info : context.standInModel,
    ];
    const texts = record.messages.map((message) => message.text);
    const requests: CountRequest[] = [];
    const byMethod = new Map<string, number>();
    const requestOf: number[] = [];
    for (const model of models) {
      const method = await methodOf(model.id);
      let index = byMethod.get(method);
      if (index === undefined) {
        index = requests.length;
        byMethod.set(method, index);
        requests.push({ modelId: model.id, texts });
      }
      requestOf.push(index);
    }
    enqueue({ kind: "call", record, models, requestOf, first: pendingRequests.length }, requests);
  }

  function finishCall(
    item: Extract<PendingItem, { kind: "call" }>,
    counts: readonly Uint32Array[],
  ): void {
    const { record } = item;
    const last = record.messages.at(-1);
    const outputIndex = last?.role === "assistant" ? record.messages.length - 1 : -1;
    function usageOn(model: ModelInfo, position: number): Usage {
      const counted = counts[item.first + (item.requestOf[position] ?? 0)] ?? new Uint32Array(0);
      const overhead = defaultChatOverhead(model);
      let inputTokens = overhead.replyPrimingTokens;
      let outputTokens = 0;
      record.messages.forEach((_message, index) => {
        const tokens = counted[index] ?? 0;
        if (index === outputIndex) outputTokens = tokens;
        else inputTokens += tokens + overhead.messageTokens;
      });
      return {
        inputTokens,
        cachedInputTokens: 0,
        cacheWrite5mTokens: 0,
        cacheWrite1hTokens: 0,
        outputTokens,
        reasoningTokens: 0,
      };
    }
    const source = pricer.resolve(record.model);
    const ownPosition = item.models.length - 1;
    const at = priceAt(record);
    let repriced = 0;
    const priced = specs.map((spec): ScenarioPricing => {
      if (spec.model !== undefined) {
        const position = repriced;
        repriced += 1;
        return pricer.price(
          usageOn(spec.model, position),
          spec.model.id,
          at,
          false,
          record.serviceTier,
          "first-price",
        );
      }
      const own = item.models[ownPosition] as ModelInfo;
      if (source.known) {
        return pricer.price(usageOn(own, ownPosition), own.id, at, false, record.serviceTier);
      }
      return {
        usage: usageOn(own, ownPosition),
        usageExact: false,
        cost: null,
        unpricedModel: record.model,
        reason: "UNKNOWN_MODEL",
        suggestions: source.suggestions,
      };
    });
    builder.add({
      timestampMs: Date.parse(record.timestamp),
      conversationId: record.conversationId,
      model: rowModel(record.model),
      priced,
    });
  }

  async function planConversationRecord(record: ConversationLogRecord): Promise<void> {
    stats.conversations += 1;
    if (!record.modelRecorded) stats.assumedModelConversations += 1;
    const models = new Set<string>();
    for (const message of record.messages) {
      if (message.role === "assistant" && message.model !== undefined) models.add(message.model);
    }
    if (models.size > 1) stats.multiModelConversations += 1;
    const plan = await planConversation(record, context, methodOf);
    if (!("requests" in plan)) {
      if (plan.reason === "OUT_OF_RANGE") {
        for (const timestampMs of plan.turnMs) builder.skipIfOutsideRange(timestampMs);
      } else skip(plan.reason, record.source);
      return;
    }
    enqueue({ kind: "conversation", plan, first: pendingRequests.length }, plan.requests);
  }

  function dispatch(): void {
    if (pendingItems.length === 0) return;
    const requests = pendingRequests;
    inFlight.push({ items: pendingItems, counts: counter.countBatch(requests) });
    pendingItems = [];
    pendingRequests = [];
    pendingCharacters = 0;
  }

  async function completeOldest(): Promise<void> {
    const batch = inFlight.shift();
    if (batch === undefined) return;
    const counts = await batch.counts;
    for (const item of batch.items) {
      if (item.kind === "call") {
        finishCall(item, counts);
        continue;
      }
      const own = counts.slice(item.first, item.first + item.plan.requests.length);
      for (const entry of priceConversation(item.plan, own, context)) builder.add(entry);
    }
  }

  return {
    stats,
    accept(record) {
      queue.push(record);
    },
    async drain() {
      while (queue.length > 0) {
        const records = queue.splice(0, queue.length);
        for (const record of records) {
          if (record.kind === "usage") processUsage(record);
          else if (record.kind === "call") await planCall(record);
          else await planConversationRecord(record);
          if (pendingCharacters >= batchCharacters) dispatch();
          while (inFlight.length > maxInFlight) await completeOldest();
        }
      }
    },
    async finish() {
      await this.drain();
      dispatch();
      while (inFlight.length > 0) await completeOldest();
    },
  };
}
