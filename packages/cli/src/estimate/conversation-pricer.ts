import {
  type CacheWriteAssumption,
  type CachingAssumption,
  type ConversationLogRecord,
  defaultChatOverhead,
  isTokenmeterError,
  type ModelConversationCost,
  type ModelInfo,
  priceUsage,
  type ReasoningAssumption,
  type ReportEntry,
  replayConversation,
  type ScenarioPricing,
  type TokenizedConversation,
  type Tokenizer,
  type Usage,
  ZERO_USAGE,
} from "@tokenmeter/core";
import type { AssumptionNotes } from "./assumption-notes.ts";
import { type ConversationTurn, conversationTurns } from "./conversation-turns.ts";
import { type BeforeRelease, firstPriceNote, type RequestPricer } from "./request-pricer.ts";
import type { ScenarioSpec } from "./scenario-spec.ts";
import type { TokenizerCache } from "./tokenizer-cache.ts";

/** Label for answers whose model the export does not name. */
export const NOT_RECORDED = "(model not recorded)";

/** What the conversation replay needs besides the record. */
export interface ConversationPricerOptions {
  pricer: RequestPricer;
  tokenizers: TokenizerCache;
  specs: readonly ScenarioSpec[];
  notes: AssumptionNotes;
  caching: CachingAssumption;
  /** Breakpoint cache writes assumed for explicit-cache models; undefined: the engine's default. */
  cacheWrites: CacheWriteAssumption | undefined;
  /** `undefined`: each model's effort as the ChatGPT slug implies it, else the provider default (medium). */
  reasoning: ReasoningAssumption | undefined;
  /** The model assumed for exports that record none (Claude.ai). */
  assumedModel: ModelInfo;
  /** The model whose tokenizer and context window count answers whose own model is unknown (tokens only, never priced). */
  standInModel: ModelInfo;
}

/** Why a conversation produced no entries. */
export type ConversationSkip = { reason: "NO_TIMESTAMP" } | { reason: "NO_MESSAGES" };

/** The model each turn is priced on in the as-used scenario. */
type TurnModel =
  | { kind: "known"; info: ModelInfo; assumed: boolean }
  | { kind: "unknown"; label: string; suggestions: string[] };

/**
 * Models whose tokenizers a conversation needs: the models that answered it (or the assumed one),
 * each re-pricing model and the stand-in for unknown ones. Load them before {@link priceConversation}.
 */
export function modelsForConversation(
  record: ConversationLogRecord,
  options: ConversationPricerOptions,
): string[] {
  const ids = new Set<string>();
  for (const spec of options.specs) if (spec.model !== undefined) ids.add(spec.model.id);
  if (!record.modelRecorded) ids.add(options.assumedModel.id);
  let unknown = false;
  for (const message of record.messages) {
    if (message.role !== "assistant") continue;
    const resolved =
      message.apiModel === undefined ? undefined : options.pricer.resolve(message.apiModel);
    if (resolved?.known === true) ids.add(resolved.info.id);
    else unknown = true;
  }
  if (unknown || ids.size === 0) ids.add(options.standInModel.id);
  return [...ids];
}

/**
 * Replays a conversation as API calls and prices every call in every scenario.
 *
 * Each message is counted once per tokenizer; each call's input (system prompt + the visible
 * history + the new message, with chat overhead) is core's `replayConversation` arithmetic on those
 * counts, with its caching, reasoning and truncation assumptions. A conversation that switches
 * models is replayed once per model and each turn is taken from the replay of the model that
 * answered it. Turns are priced at the prices in effect on their own date.
 */
export function priceConversation(
  record: ConversationLogRecord,
  options: ConversationPricerOptions,
): ReportEntry[] | ConversationSkip {
  const turns = conversationTurns(record);
  if (turns.length === 0) return { reason: "NO_MESSAGES" };
  if (turns.some((turn) => turn.timestamp === undefined)) return { reason: "NO_TIMESTAMP" };
  const turnMs = turns.map((turn) => Date.parse(turn.timestamp as string));
  if (turnMs.some((ms) => !Number.isFinite(ms))) return { reason: "NO_TIMESTAMP" };

  const countsByTokenizer = new Map<Tokenizer, { system: number; messages: number[] }>();
  function countsFor(tokenizer: Tokenizer): { system: number; messages: number[] } {
    let counts = countsByTokenizer.get(tokenizer);
    if (counts === undefined) {
      counts = {
        system: record.systemPrompt === undefined ? 0 : tokenizer.count(record.systemPrompt),
        messages: record.messages.map((message) => tokenizer.count(message.text)),
      };
      countsByTokenizer.set(tokenizer, counts);
    }
    return counts;
  }

  function viewFor(model: ModelInfo): TokenizedConversation {
    const counts = countsFor(options.tokenizers.get(model.id));
    const perMessage = defaultChatOverhead(model).messageTokens;
    const sum = (indexes: number[]) =>
      indexes.reduce((total, index) => total + (counts.messages[index] ?? 0), 0) +
      Math.max(0, indexes.length - 1) * perMessage;
    return {
      systemTokens: counts.system,
      userTokens: turns.map((turn) => sum(turn.userMessages)),
      replyTokens: [turns.map((turn) => sum(turn.replyMessages))],
    };
  }

  const replays = new Map<string, ModelConversationCost>();
  function replayOn(model: ModelInfo): ModelConversationCost {
    const cached = replays.get(model.id);
    if (cached !== undefined) return cached;
    // Replay at the first turn's date, or at the model's first price when the chat is older
    // (those turns are reported as unpriced, but their tokens still shape later turns).
    const firstPrice = model.prices[0]?.effectiveFrom ?? "1970-01-01";
    const firstDay = new Date(turnMs.reduce((min, ms) => Math.min(min, ms)))
      .toISOString()
      .slice(0, 10);
    const effort = turns.find((turn) => turn.apiModel === model.id)?.reasoningEffort;
    const reasoning = options.reasoning ?? effort;
    const result = replayConversation(viewFor(model), model.id, {
      at: [firstDay, firstPrice].sort()[1] as string,
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

  // A replay's assumptions are reported once it prices something; the stand-in's replay, used only
  // to count tokens of answers whose model is unknown, prices nothing and is described apart.
  const noted = new Set<string>();
  function noteReplay(model: ModelInfo, replay: ModelConversationCost): void {
    if (noted.has(model.id)) return;
    noted.add(model.id);
    for (const assumption of replay.assumptions)
      options.notes.add("conversation-replay", assumption, "conversation");
  }

  function turnPricing(model: ModelInfo, k: number, beforeRelease: BeforeRelease): ScenarioPricing {
    const replay = replayOn(model);
    noteReplay(model, replay);
    const turnCost = replay.turns?.[k];
    if (turnCost === undefined) throw new Error(`replay of ${model.id} has no turn ${k}`);
    const usage: Usage = { ...turnCost.usage };
    const ms = turnMs[k] as number;
    const day = new Date(ms).toISOString().slice(0, 10);
    const record = model.prices.find((price) => price.effectiveFrom === replay.priceEffectiveFrom);
    const inReplayPeriod =
      record !== undefined &&
      record.effectiveFrom <= day &&
      (record.effectiveUntil === undefined || day < record.effectiveUntil);
    if (inReplayPeriod) {
      return { usage, usageExact: false, cost: turnCost };
    }
    const firstPrice = model.prices[0];
    if (
      beforeRelease === "first-price" &&
      firstPrice !== undefined &&
      day < firstPrice.effectiveFrom
    ) {
      options.notes.add("first-price", firstPriceNote(model), "request");
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
      const cost = priceUsage(usage, model.id, { at: day, pricing: options.pricer.pricing });
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

  const turnModels: TurnModel[] = turns.map((turn) => {
    if (!record.modelRecorded) return { kind: "known", info: options.assumedModel, assumed: true };
    const resolved =
      turn.apiModel === undefined ? undefined : options.pricer.resolve(turn.apiModel);
    if (resolved?.known === true) return { kind: "known", info: resolved.info, assumed: false };
    return {
      kind: "unknown",
      label: turn.apiModel ?? turn.recordedModel ?? NOT_RECORDED,
      suggestions: resolved?.known === false ? resolved.suggestions : [],
    };
  });

  return turns.map((_turn: ConversationTurn, k): ReportEntry => {
    const turnModel = turnModels[k] as TurnModel;
    const priced = options.specs.map((spec): ScenarioPricing => {
      if (spec.model !== undefined) return turnPricing(spec.model, k, "first-price");
      if (turnModel.kind === "known") {
        // An assumed model (Claude.ai) is a stand-in chosen today: use its first price for older chats.
        return turnPricing(turnModel.info, k, turnModel.assumed ? "first-price" : "unpriced");
      }
      // Unknown model: the call's tokens (on the stand-in's tokenizer) count, its cost cannot.
      const usage: Usage = { ...(replayOn(options.standInModel).turns?.[k]?.usage ?? ZERO_USAGE) };
      options.notes.add(
        "unknown-model-tokens",
        `Answers by models tokenmeter cannot price are still counted in tokens, with ${options.standInModel.id}'s tokenizer and context window; they add $0 and are listed under Coverage.`,
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
    return {
      timestampMs: turnMs[k] as number,
      conversationId: record.id,
      conversationTitle: record.title,
      model: turnModel.kind === "known" ? turnModel.info.id : turnModel.label,
      priced,
    };
  });
}
