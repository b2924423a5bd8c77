import {
  type CallLogRecord,
  type ConversationLogRecord,
  type CoverageTracker,
  defaultChatOverhead,
  type LogRecord,
  type ModelInfo,
  type ReportBuilder,
  type ScenarioPricing,
  type UsageLogRecord,
} from "@tokenmeter/core";
import {
  type ConversationPricerOptions,
  modelsForConversation,
  priceConversation,
} from "./conversation-pricer.ts";

/** Counts the processor keeps for the assumptions and coverage sections. */
export interface ProcessorStats {
  usageRecords: number;
  callRecords: number;
  conversations: number;
  /** Usage records that name a re-priced model's different tokenizer (counts reused). */
  repricedAcrossTokenizers: number;
  /** Anthropic `fast` mode requests: billed at a premium the table does not hold. */
  fastModeRequests: number;
  /** Claude.ai conversations priced on the assumed model. */
  assumedModelConversations: number;
  /** Conversations with answers on more than one model. */
  multiModelConversations: number;
}

/** Turns log records into report entries: queue synchronously, process between chunks. */
export interface RecordProcessor {
  /** Queues a record (called by the readers, synchronously). */
  accept(record: LogRecord): void;
  /** Processes every queued record (loads tokenizers as new models appear). */
  drain(): Promise<void>;
  readonly stats: ProcessorStats;
}

const SKIP_DESCRIPTIONS = {
  NO_TIMESTAMP:
    "Conversations (or log lines) with no readable date: they cannot be placed in a month and were not counted.",
  NO_MESSAGES:
    "Conversations with no visible user or assistant message (only tool traffic, empty or hidden messages).",
} as const;

export function createRecordProcessor(options: {
  builder: ReportBuilder;
  coverage: CoverageTracker;
  conversation: ConversationPricerOptions;
}): RecordProcessor {
  const { builder, coverage } = options;
  const context = options.conversation;
  const { pricer, specs, tokenizers } = context;
  const queue: LogRecord[] = [];
  const stats: ProcessorStats = {
    usageRecords: 0,
    callRecords: 0,
    conversations: 0,
    repricedAcrossTokenizers: 0,
    fastModeRequests: 0,
    assumedModelConversations: 0,
    multiModelConversations: 0,
  };

  function rowModel(model: string): string {
    const resolved = pricer.resolve(model);
    return resolved.known ? resolved.info.id : model;
  }

  function skip(
    file: string,
    reason: keyof typeof SKIP_DESCRIPTIONS,
    source: LogRecord["source"],
  ): void {
    coverage.recordSkipped(file, reason, SKIP_DESCRIPTIONS[reason], {
      ...(source.line === undefined ? {} : { line: source.line }),
      ...(source.byteOffset === undefined ? {} : { byteOffset: source.byteOffset }),
      ...(source.path === undefined ? {} : { path: source.path }),
    });
  }

  function processUsage(record: UsageLogRecord): void {
    stats.usageRecords += 1;
    const timestampMs = Date.parse(record.timestamp);
    if (!Number.isFinite(timestampMs)) {
      skip(record.source.file, "NO_TIMESTAMP", record.source);
      return;
    }
    if (record.speed !== undefined && record.speed !== "standard")
      stats.fastModeRequests += record.requestCount;
    const source = pricer.resolve(record.model);
    const priced = specs.map((spec): ScenarioPricing => {
      const model = spec.model?.id ?? record.model;
      if (
        spec.model !== undefined &&
        source.known &&
        source.info.tokenizer !== spec.model.tokenizer
      ) {
        stats.repricedAcrossTokenizers += 1;
      }
      const exact =
        spec.model === undefined ||
        (source.known && source.info.tokenizer === spec.model.tokenizer);
      return pricer.price(
        record.usage,
        model,
        record.timestamp,
        exact,
        record.serviceTier,
        spec.model === undefined ? "unpriced" : "first-price",
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

  function callModels(record: CallLogRecord): string[] {
    const ids = specs.flatMap((spec) => (spec.model === undefined ? [] : [spec.model.id]));
    const source = pricer.resolve(record.model);
    ids.push(source.known ? source.info.id : context.standInModel.id);
    return ids;
  }

  function processCall(record: CallLogRecord): void {
    stats.callRecords += 1;
    const timestampMs = Date.parse(record.timestamp);
    if (!Number.isFinite(timestampMs)) {
      skip(record.source.file, "NO_TIMESTAMP", record.source);
      return;
    }
    const last = record.messages.at(-1);
    const outputIndex = last?.role === "assistant" ? record.messages.length - 1 : -1;
    function usageOn(model: ModelInfo) {
      const tokenizer = tokenizers.get(model.id);
      const overhead = defaultChatOverhead(model);
      let inputTokens = overhead.replyPrimingTokens;
      let outputTokens = 0;
      record.messages.forEach((message, index) => {
        const tokens = tokenizer.count(message.text);
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
    const priced = specs.map((spec): ScenarioPricing => {
      if (spec.model !== undefined) {
        return pricer.price(
          usageOn(spec.model),
          spec.model.id,
          record.timestamp,
          false,
          record.serviceTier,
          "first-price",
        );
      }
      if (source.known)
        return pricer.price(
          usageOn(source.info),
          source.info.id,
          record.timestamp,
          false,
          record.serviceTier,
        );
      return {
        usage: usageOn(context.standInModel),
        usageExact: false,
        cost: null,
        unpricedModel: record.model,
        reason: "UNKNOWN_MODEL",
        suggestions: source.suggestions,
      };
    });
    builder.add({
      timestampMs,
      conversationId: record.conversationId,
      model: rowModel(record.model),
      priced,
    });
  }

  function processConversation(record: ConversationLogRecord): void {
    stats.conversations += 1;
    if (!record.modelRecorded) stats.assumedModelConversations += 1;
    const models = new Set(
      record.messages.flatMap((message) =>
        message.role === "assistant" && message.model !== undefined ? [message.model] : [],
      ),
    );
    if (models.size > 1) stats.multiModelConversations += 1;
    const entries = priceConversation(record, context);
    if (!Array.isArray(entries)) {
      skip(record.source.file, entries.reason, record.source);
      return;
    }
    for (const entry of entries) builder.add(entry);
  }

  return {
    stats,
    accept(record) {
      queue.push(record);
    },
    async drain() {
      while (queue.length > 0) {
        const batch = queue.splice(0, queue.length);
        for (const record of batch) {
          if (record.kind === "usage") {
            processUsage(record);
          } else if (record.kind === "call") {
            await tokenizers.load(callModels(record));
            processCall(record);
          } else {
            await tokenizers.load(modelsForConversation(record, context));
            processConversation(record);
          }
        }
      }
    },
  };
}
