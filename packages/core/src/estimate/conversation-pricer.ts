import type { ModelConversationCost } from "../cost/conversation-cost.ts";
import type {
  CacheWriteAssumption,
  CachingAssumption,
  ReasoningAssumption,
} from "../cost/conversation-options.ts";
import { priceUsage } from "../cost/price-usage.ts";
import {
  defaultChatOverhead,
  replayConversation,
  type TokenizedConversation,
} from "../cost/replay-conversation.ts";
import { isTokenmeterError } from "../errors.ts";
import type { ConversationLogRecord } from "../logs/log-record.ts";
import type { ModelInfo } from "../pricing/find-model.ts";
import type { ReportEntry, ScenarioPricing } from "../report/report-builder.ts";
import type { Usage } from "../usage/usage.ts";
import type { AssumedModel } from "./assumed-model.ts";
import type { AssumptionNotes } from "./assumption-notes.ts";
import { type RecordTurn, recordTurns } from "./record-turns.ts";
import { noteFirstPrice, type RequestPricer } from "./request-pricer.ts";
import type { ScenarioSpec } from "./scenario-spec.ts";
import type { CountRequest } from "./token-counter.ts";

/** Label for answers whose model the export does not name. */
export const NOT_RECORDED = "(model not recorded)";

/** Calls whose history was cut to fit a model's context window, summed over conversations. */
export interface TruncationTally {
  calls: number;
  truncatedCalls: number;
  oversizedCalls: number;
  contextWindowTokens: number;
}

/** What the conversation replay needs besides the record. */
export interface ConversationPricerOptions {
  pricer: RequestPricer;
  specs: readonly ScenarioSpec[];
  notes: AssumptionNotes;
  caching: CachingAssumption;
  /** Breakpoint cache writes assumed for explicit-cache models; undefined: the engine's default. */
  cacheWrites: CacheWriteAssumption | undefined;
  /** `undefined`: each model's effort as the ChatGPT slug implies it, else the provider default (medium). */
  reasoning: ReasoningAssumption | undefined;
  /** The model assumed for exports that record none (Claude.ai), chosen by the conversation's date. */
  assumedModel: AssumedModel;
  /**
   * Counts the tokens of answers whose model is unknown (never priced) when the conversation has
   * no known model whose tokenizer could do it.
   */
  standInModel: ModelInfo;
  /** Truncation per model, filled in as conversations are priced (reported once, summed). */
  truncation: Map<string, TruncationTally>;
  /** Whether a turn is inside since/until; default: every turn is. */
  inRange?: (timestampMs: number) => boolean;
  /**
   * Counts a turn outside since/until (true) instead of pricing it, so the report's assumptions
   * describe only what it shows; default: every turn is priced.
   */
  skipIfOutsideRange?: (timestampMs: number) => boolean;
}

/** Why a conversation produced no entries. */
export type ConversationSkip =
  | { reason: "NO_TIMESTAMP" }
  | { reason: "NO_MESSAGES" }
  /** Every turn falls outside since/until: nothing to count or price. */
  | { reason: "OUT_OF_RANGE"; turnMs: number[] };

/** The model each turn is priced on in the as-used scenario. */
type TurnModel =
  | { kind: "known"; info: ModelInfo }
  | { kind: "unknown"; label: string; suggestions: string[] };

/** A conversation ready to be counted: which texts each tokenizer must count. */
export interface ConversationPlan {
  record: ConversationLogRecord;
  turns: RecordTurn[];
  turnMs: number[];
  turnModels: TurnModel[];
  /** Counts the answers of unknown models. */
  standIn: ModelInfo;
  /** Last turn each model's replay must reach (0-based), by model id. */
  lastTurn: Map<string, { model: ModelInfo; lastTurn: number }>;
  /** One request per tokenizer: the system prompt, then the messages up to the last turn needed. */
  requests: CountRequest[];
  /** Index into `requests` of each model's tokenizer, by model id. */
  requestOf: Map<string, number>;
}

function lastMessageIndex(turn: RecordTurn): number {
  return Math.max(-1, ...turn.userMessages, ...turn.replyMessages);
}

/**
 * Plans a conversation: its turns (one API call per answer), the model of each, and the texts
 * each tokenizer must count. A message is counted once per tokenizer, and only as far into the
 * conversation as a replay on that tokenizer's models needs (history after a model's last answer
 * is never sent to it). `methodOf` maps a model id to its counting method (models sharing one
 * share their counts).
 */
export async function planConversation(
  record: ConversationLogRecord,
  options: ConversationPricerOptions,
  methodOf: (modelId: string) => Promise<string>,
): Promise<ConversationPlan | ConversationSkip> {
  const turns = recordTurns(record);
  if (turns.length === 0) return { reason: "NO_MESSAGES" };
  const turnMs = turns.map((turn) =>
    turn.timestamp === undefined ? Number.NaN : Date.parse(turn.timestamp),
  );
  if (turnMs.some((ms) => !Number.isFinite(ms))) return { reason: "NO_TIMESTAMP" };
  if (options.inRange !== undefined && !turnMs.some(options.inRange)) {
    return { reason: "OUT_OF_RANGE", turnMs };
  }

  const assumed = record.modelRecorded ? undefined : options.assumedModel.at(turnMs[0] as number);
  const turnModels: TurnModel[] = turns.map((turn) => {
    if (assumed !== undefined) return { kind: "known", info: assumed };
    const resolved =
      turn.apiModel === undefined ? undefined : options.pricer.resolve(turn.apiModel);
    if (resolved?.known === true) return { kind: "known", info: resolved.info };
    return {
      kind: "unknown",
      label: turn.apiModel ?? turn.recordedModel ?? NOT_RECORDED,
      suggestions: resolved?.known === false ? resolved.suggestions : [],
    };
  });

  const lastTurn = new Map<string, { model: ModelInfo; lastTurn: number }>();
  const need = (model: ModelInfo, turn: number) => {
    const known = lastTurn.get(model.id);
    if (known === undefined || known.lastTurn < turn)
      lastTurn.set(model.id, { model, lastTurn: turn });
  };
  // Unknown answers are counted with a tokenizer the conversation needs anyway, when it has one.
  const firstKnown = turnModels.find((turnModel) => turnModel.kind === "known");
  const standIn = firstKnown?.kind === "known" ? firstKnown.info : options.standInModel;
  turnModels.forEach((turnModel, k) => {
    need(turnModel.kind === "known" ? turnModel.info : standIn, k);
  });
  for (const spec of options.specs)
    if (spec.model !== undefined) need(spec.model, turns.length - 1);

  const requests: CountRequest[] = [];
  const requestOf = new Map<string, number>();
  const requestOfMethod = new Map<string, number>();
  const messageCounts: number[] = [];
  for (const { model, lastTurn: last } of lastTurn.values()) {
    const method = await methodOf(model.id);
    let index = requestOfMethod.get(method);
    if (index === undefined) {
      index = requests.length;
      requestOfMethod.set(method, index);
      requests.push({ modelId: model.id, texts: [] });
      messageCounts.push(0);
    }
    requestOf.set(model.id, index);
    messageCounts[index] = Math.max(
      messageCounts[index] ?? 0,
      lastMessageIndex(turns[last] as RecordTurn) + 1,
    );
  }
  requests.forEach((request, index) => {
    const texts = [record.systemPrompt ?? ""];
    const count = messageCounts[index] ?? 0;
    for (let m = 0; m < count; m += 1) texts.push(record.messages[m]?.text ?? "");
    request.texts = texts;
  });
  return { record, turns, turnMs, turnModels, standIn, lastTurn, requests, requestOf };
}

/**
 * Replays a planned conversation as API calls, given the counts of its requests, and prices every
 * call in every scenario.
 *
 * Each call's input (system prompt + the visible history + the new message, with chat overhead) is
 * core's `replayConversation` arithmetic on the counts, with its caching, reasoning and truncation
 * assumptions. A conversation that switches models is replayed once per model, up to that model's
 * last answer, and each turn is taken from the replay of the model that answered it. Turns are
 * priced at the prices in effect on their own date (or, before a model was on the API, at its first
 * price, with a note: ChatGPT often served a model before the API priced it).
 */
export function priceConversation(
  plan: ConversationPlan,
  counts: readonly Uint32Array[],
  options: ConversationPricerOptions,
): ReportEntry[] {
  const { record, turns, turnMs, turnModels } = plan;

  function viewFor(model: ModelInfo, last: number): TokenizedConversation {
    const counted = counts[plan.requestOf.get(model.id) ?? -1];
    if (counted === undefined) throw new Error(`no counts for ${model.id}`);
    const perMessage = defaultChatOverhead(model).messageTokens;
    const sum = (indexes: number[]) => {
      let total = Math.max(0, indexes.length - 1) * perMessage;
      for (const index of indexes) total += counted[index + 1] ?? 0;
      return total;
    };
    const used = turns.slice(0, last + 1);
    return {
      systemTokens: counted[0] ?? 0,
      userTokens: used.map((turn) => sum(turn.userMessages)),
      replyTokens: [used.map((turn) => sum(turn.replyMessages))],
    };
  }

  const replays = new Map<string, ModelConversationCost>();
  function replayOn(model: ModelInfo): ModelConversationCost {
    const cached = replays.get(model.id);
    if (cached !== undefined) return cached;
    const last = plan.lastTurn.get(model.id)?.lastTurn ?? turns.length - 1;
    // Replay at the first turn's date, or at the model's first price when the chat is older.
    const firstPrice = model.prices[0]?.effectiveFrom ?? "1970-01-01";
    const firstDay = new Date(turnMs[0] as number).toISOString().slice(0, 10);
    const implied = turns.find((turn) => turn.apiModel === model.id)?.reasoningEffort;
    // "none" only matters for a model the table marks as reasoning; elsewhere it would add a note.
    const effort = implied === "none" && !model.reasoning ? undefined : implied;
    const reasoning = options.reasoning ?? effort;
    const result = replayConversation(viewFor(model, last), model.id, {
      // The first turn's instant (not only its day), so a model with peak hours is not replayed at
      // its day-only upper bound; each turn is then priced at its own time (turnPricing).
      at: firstDay >= firstPrice ? new Date(turnMs[0] as number).toISOString() : firstPrice,
      pricing: options.pricer.pricing,
      caching: options.caching,
      ...(options.cacheWrites === undefined ? {} : { cacheWrites: options.cacheWrites }),
      ...(reasoning === undefined ? {} : { reasoning }),
      perTurn: true,
      truncate: true,
    });
    const cost = result.models[0] as ModelConversationCost;
    replays.set(model.id, cost);
    return cost;
  }

  // A replay's assumptions are reported once it prices something. Its last notes are about this
  // conversation alone (truncation, then oversized calls, in core's order): those are summed into
  // `options.truncation` instead of being repeated per conversation.
  const noted = new Set<string>();
  function noteReplay(model: ModelInfo, replay: ModelConversationCost): void {
    if (noted.has(model.id)) return;
    noted.add(model.id);
    const perConversation =
      (replay.truncatedCalls > 0 ? 1 : 0) + (replay.oversizedCalls > 0 ? 1 : 0);
    const general = replay.assumptions.slice(0, replay.assumptions.length - perConversation);
    for (const assumption of general) {
      options.notes.add("conversation-replay", assumption, {
        unit: "conversation",
        subject: model.id,
        occurrence: plan,
      });
    }
    const tally = options.truncation.get(model.id) ?? {
      calls: 0,
      truncatedCalls: 0,
      oversizedCalls: 0,
      contextWindowTokens: model.contextWindowTokens,
    };
    tally.calls += replay.calls;
    tally.truncatedCalls += replay.truncatedCalls;
    tally.oversizedCalls += replay.oversizedCalls;
    options.truncation.set(model.id, tally);
  }

  function turnPricing(model: ModelInfo, k: number): ScenarioPricing {
    const replay = replayOn(model);
    noteReplay(model, replay);
    const turnCost = replay.turns?.[k];
    if (turnCost === undefined) throw new Error(`replay of ${model.id} has no turn ${k}`);
    const usage: Usage = { ...turnCost.usage };
    const at = new Date(turnMs[k] as number).toISOString();
    const day = at.slice(0, 10);
    const record = model.prices.find((price) => price.effectiveFrom === replay.priceEffectiveFrom);
    const inReplayPeriod =
      record !== undefined &&
      record.effectiveFrom <= day &&
      (record.effectiveUntil === undefined || day < record.effectiveUntil);
    // Peak hours: the replay used one moment's prices; each turn pays those of its own time.
    if (inReplayPeriod && record.peakHours !== undefined) {
      const cost = priceUsage(usage, model.id, { at, pricing: options.pricer.pricing });
      return { usage, usageExact: false, cost };
    }
    if (inReplayPeriod) return { usage, usageExact: false, cost: turnCost };
    const firstPrice = model.prices[0];
    if (firstPrice !== undefined && day < firstPrice.effectiveFrom) {
      noteFirstPrice(options.notes, model);
      const cost =
        replay.priceEffectiveFrom === firstPrice.effectiveFrom
          ? turnCost
          : priceUsage(usage, model.id, {
              at: firstPrice.effectiveFrom,
              pricing: options.pricer.pricing,
            });
      return { usage, usageExact: false, cost };
    }
    try {
      const cost = priceUsage(usage, model.id, { at, pricing: options.pricer.pricing });
      return { usage, usageExact: false, cost };
    } catch (error) {
      if (isTokenmeterError(error, "NO_PRICE_AT_DATE")) {
        return {
          usage,
          usageExact: false,
          cost: null,
          unpricedModel: model.id,
          reason: "NO_PRICE_AT_DATE",
        };
      }
      throw error;
    }
  }

  const entries: ReportEntry[] = [];
  turns.forEach((_turn, k) => {
    // A turn the report leaves out is only counted: pricing it would add its assumptions.
    if (options.skipIfOutsideRange?.(turnMs[k] as number) === true) return;
    const turnModel = turnModels[k] as TurnModel;
    const priced = options.specs.map((spec): ScenarioPricing => {
      if (spec.model !== undefined) return turnPricing(spec.model, k);
      if (turnModel.kind === "known") return turnPricing(turnModel.info, k);
      // Unknown model: the call's tokens count (with the stand-in's tokenizer and window), its cost cannot.
      const usage: Usage = { ...(replayOn(plan.standIn).turns?.[k]?.usage as Usage) };
      options.notes.add(
        "unknown-model-tokens",
        "Answers by models tokenmeter cannot price are still counted in tokens (with the tokenizer and context window of another model of the same conversation, or of the model ChatGPT Plus serves); they add $0 and are listed under Coverage.",
        "request",
      );
      return {
        usage,
        usageExact: false,
        cost: null,
        unpricedModel: turnModel.label,
        reason: "UNKNOWN_MODEL",
        suggestions: turnModel.suggestions,
      };
    });
    entries.push({
      timestampMs: turnMs[k] as number,
      conversationId: record.id,
      conversationTitle: record.title,
      model: turnModel.kind === "known" ? turnModel.info.id : turnModel.label,
      priced,
    });
  });
  return entries;
}
