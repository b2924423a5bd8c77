import { TokenmeterError } from "../errors.ts";
import { defaultPricingTable } from "../pricing/default-table.ts";
import type { ModelInfo } from "../pricing/find-model.ts";
import type { PricingTable } from "../pricing/schema.ts";
import { type SelectedPrice, selectPrice } from "../pricing/select-price.ts";
import { shownValue } from "../pricing/shown-value.ts";
import { chatFormatFor } from "../tokens/chat-format.ts";
import type { Usage } from "../usage/usage.ts";
import { type CachingRule, cachingRuleFor } from "./caching-rules.ts";
import type { ConversationCost, ModelConversationCost, TurnCost } from "./conversation-cost.ts";
import {
  type CacheWriteAssumption,
  type ConversationOptions,
  REASONING_MULTIPLIERS,
  type ReasoningAssumption,
} from "./conversation-options.ts";
import { type CompiledRates, compileRates, type RateSet } from "./rates.ts";

/**
 * A conversation already counted in tokens: the input of {@link replayConversation}.
 * Counts are content tokens of each message (the chat overhead is added by the replay).
 * Whole numbers for real conversations; fractional averages (say, from a usage profile in words)
 * are accepted as expected values. Arrays may be plain arrays or typed arrays.
 */
export interface TokenizedConversation {
  /** Tokens of the system prompt (custom instructions, memory…); 0 = no system message. */
  readonly systemTokens: number;
  /** `userTokens[k]`: tokens of user message k, oldest first. Its length is the number of turns. */
  readonly userTokens: ArrayLike<number>;
  /**
   * `replyTokens[j][k]`: visible tokens of the reply of model j (in the order of `models`) to user
   * message k. One row per answering model; each row as long as `userTokens`.
   */
  readonly replyTokens: readonly ArrayLike<number>[];
}

/** Tokens a chat format adds around the text, per model. */
export interface ChatOverhead {
  /** Added to every message: the format's per-message tokens plus the role name's tokens. */
  readonly messageTokens: number;
  /** Added once per call (OpenAI: 3 tokens priming the reply). */
  readonly replyPrimingTokens: number;
  /** Where the numbers come from, for the assumptions list. */
  readonly description: string;
}

/** Options of {@link replayConversation}. */
export interface ReplayOptions extends ConversationOptions {
  /**
   * Chat overhead per model, in the order of `models`. Default: the model's chat format
   * (`chatFormatFor`) with one token per role name (true of `user`, `assistant` and `system` in
   * o200k_base and cl100k_base; assumed for the estimators).
   */
  overheads?: readonly (ChatOverhead | undefined)[];
}

const PER_MTOK = 1_000_000;
/** 1,000 hidden tokens per visible one is far beyond any published effort level (xhigh assumes 16). */
const MAX_REASONING_MULTIPLIER = 1_000;
const CACHE_NONE = 0;
const CACHE_AUTOMATIC = 1;
const CACHE_WRITES = 2;
const CACHE_HIT_RATE = 3;

interface ModelPlan {
  readonly info: ModelInfo;
  readonly selected: SelectedPrice;
  readonly rates: CompiledRates;
  readonly inputLimitTokens: number;
  readonly contextWindowTokens: number;
  readonly reasoningMultiplier: number;
  readonly cacheMode: number;
  readonly minPrefixTokens: number;
  readonly incrementTokens: number;
  readonly hitRate: number;
  /** Cache writes assumed (always in breakpoint mode; by option under a hit rate). */
  readonly writes: boolean;
  /** Writes go to the 1-hour cache (else the 5-minute one). */
  readonly writeOneHour: boolean;
  readonly overhead: ChatOverhead;
  readonly assumptions: string[];
}

/**
 * The default chat overhead of a model: its format's per-message and per-request tokens
 * (`chatFormatFor`) plus one token for the role name.
 */
export function defaultChatOverhead(model: ModelInfo): ChatOverhead {
  const format = chatFormatFor(model.tokenizer, model.id);
  return {
    messageTokens: format.perMessageTokens + 1,
    replyPrimingTokens: format.perRequestTokens,
    description: `${format.description}; role names counted as 1 token`,
  };
}

/**
 * Costs a conversation given as token counts: the fast, synchronous core of `estimateConversation`,
 * meant for hot loops (a monthly projection replays thousands of conversations per keystroke).
 *
 * Per user message k, each model makes one call whose prompt is the visible history: system
 * prompt + every earlier user message and every earlier reply of **every** model (a multi-model
 * room shows each model the others' replies) + message k, each message with its chat overhead,
 * plus the reply priming. History is a running sum: each message is counted once. Output is the
 * model's own reply plus assumed reasoning (not re-sent later: providers drop it from history).
 * The oldest exchanges are dropped when a call would exceed the context window (input limit, and
 * window minus this call's output). Caching follows `opts.caching` (see `CachingAssumption`);
 * each call is priced like `priceUsage`, long-context tier included.
 *
 * Work is O(turns × models²) with no allocation per turn when `perTurn` is `false`.
 *
 * @param conversation one {@link TokenizedConversation} counted in every model's tokenizer alike,
 *   or an array with one per model (`conversation[m]` counted in model m's tokenizer).
 * @param models one model id or alias, or several (a room); replies in `replyTokens` follow this order.
 * @throws TokenmeterError `INVALID_INPUT` (shapes, negative or non-finite counts, bad options),
 *   `UNKNOWN_MODEL`, `NO_PRICE_AT_DATE`, `NO_SERVICE_TIER`.
 * @example
 * replayConversation(
 *   { systemTokens: 500, userTokens: [40, 60, 25], replyTokens: [[300, 450, 200]] },
 *   "gpt-4o",
 *   { at: "2025-06-01" },
 * ).totalUsd
 */
export function replayConversation(
  conversation: TokenizedConversation | readonly TokenizedConversation[],
  models: string | readonly string[],
  opts?: ReplayOptions,
): ConversationCost {
  const ids = typeof models === "string" ? [models] : models;
  if (!Array.isArray(ids) || ids.length === 0) {
    throw new TokenmeterError(
      "INVALID_INPUT",
      "models must be a model id or a non-empty array of ids.",
      { details: { field: "models" } },
    );
  }
  const views = isViewList(conversation) ? conversation : undefined;
  if (views !== undefined && views.length !== ids.length) {
    throw new TokenmeterError(
      "INVALID_INPUT",
      `conversation has ${views.length} per-model views for ${ids.length} models: give one view per model, or one shared view.`,
      { details: { field: "conversation" } },
    );
  }
  const shared = views === undefined ? (conversation as TokenizedConversation) : undefined;
  if (views === undefined && (typeof shared !== "object" || shared === null)) {
    invalid("conversation", "expected { systemTokens, userTokens, replyTokens }");
  }
  // Checked against every view below; `?.` only keeps a malformed first view from throwing here.
  const turnCount = (views?.[0] ?? shared)?.userTokens?.length ?? 0;
  if (views !== undefined) {
    views.forEach((view, m) => {
      checkView(view, ids.length, turnCount, `conversation[${m}]`);
    });
  } else if (shared !== undefined) {
    checkView(shared, ids.length, turnCount, "conversation");
  }

  const plans = ids.map((id, m) => cachedPlan(id, opts, checkOverhead(opts?.overheads?.[m], m)));
  const perTurn = opts?.perTurn ?? true;
  const truncate = opts?.truncate ?? true;
  const results: ModelConversationCost[] = [];
  let totalUsd = 0;
  const assumptions: string[] = [];
  const seen = new Set<string>();
  for (let m = 0; m < plans.length; m++) {
    const plan = plans[m] as ModelPlan;
    const view =
      views === undefined ? (shared as TokenizedConversation) : (views[m] as TokenizedConversation);
    const result = replayModel(view, m, plan, turnCount, perTurn, truncate, ids.length > 1);
    results.push(result);
    totalUsd += result.totalUsd;
    for (const note of result.assumptions) {
      if (!seen.has(note)) {
        seen.add(note);
        assumptions.push(note);
      }
    }
  }
  const first = plans[0] as ModelPlan;
  return {
    models: results,
    totalUsd,
    turns: turnCount,
    pricingVersion: first.selected.pricingVersion,
    pricedOn: first.selected.pricedOn,
    assumptions,
  };
}

function isViewList(
  value: TokenizedConversation | readonly TokenizedConversation[],
): value is readonly TokenizedConversation[] {
  return Array.isArray(value);
}

function checkView(view: TokenizedConversation, modelCount: number, turns: number, label: string) {
  if (typeof view !== "object" || view === null) {
    invalid(label, "expected { systemTokens, userTokens, replyTokens }");
  }
  checkCount(view.systemTokens, `${label}.systemTokens`);
  const users = view.userTokens;
  if (
    users === null ||
    users === undefined ||
    typeof users !== "object" ||
    typeof users.length !== "number"
  ) {
    invalid(`${label}.userTokens`, "expected an array of token counts");
  }
  if (users.length !== turns) {
    invalid(`${label}.userTokens`, `has ${users.length} turns but the first view has ${turns}`);
  }
  for (let k = 0; k < turns; k++) {
    if (!isCount(users[k])) checkCount(users[k], `${label}.userTokens[${k}]`);
  }
  const replies = view.replyTokens;
  if (!Array.isArray(replies) || replies.length !== modelCount) {
    invalid(
      `${label}.replyTokens`,
      `expected one row of reply counts per model (${modelCount}), got ${Array.isArray(replies) ? replies.length : "no array"}`,
    );
  }
  for (let j = 0; j < modelCount; j++) {
    const row = replies[j] as ArrayLike<number> | undefined;
    if (row === undefined || row === null || row.length !== turns) {
      invalid(`${label}.replyTokens[${j}]`, `expected ${turns} reply counts, one per user message`);
    }
    for (let k = 0; k < turns; k++) {
      if (!isCount(row[k])) checkCount(row[k], `${label}.replyTokens[${j}][${k}]`);
    }
  }
}

function checkOverhead(overhead: ChatOverhead | undefined, m: number): ChatOverhead | undefined {
  if (overhead === undefined) return undefined;
  if (typeof overhead !== "object" || overhead === null) {
    invalid(`overheads[${m}]`, "expected { messageTokens, replyPrimingTokens, description }");
  }
  // Negative overheads are real: calibrated estimators (Gemini's) correct their counts downwards.
  for (const key of ["messageTokens", "replyPrimingTokens"] as const) {
    const value = overhead[key];
    if (typeof value !== "number" || !Number.isFinite(value)) {
      invalid(`overheads[${m}].${key}`, "expected a finite number of tokens");
    }
  }
  if (typeof overhead.description !== "string") {
    invalid(`overheads[${m}].description`, "expected a string saying where the numbers come from");
  }
  return overhead;
}

/** A finite, non-negative count (fractional averages allowed). Labels are built only on failure. */
function isCount(value: unknown): boolean {
  return typeof value === "number" && value >= 0 && value <= Number.MAX_SAFE_INTEGER;
}

function checkCount(value: unknown, field: string): void {
  if (isCount(value)) return;
  const shown =
    typeof value === "number" ? (Number.isNaN(value) ? "NaN" : String(value)) : typeof value;
  invalid(field, `expected a token count (a finite number ≥ 0), got ${shown}`);
}

function invalid(field: string, message: string): never {
  throw new TokenmeterError("INVALID_INPUT", `Invalid ${field}: ${message}.`, {
    details: { field },
  });
}

function reasoningMultiplierOf(assumption: ReasoningAssumption | undefined): {
  multiplier: number;
  label: string;
} {
  if (assumption === undefined)
    return { multiplier: REASONING_MULTIPLIERS.medium, label: 'effort "medium" (the default)' };
  if (typeof assumption === "string") {
    // Own keys only: "constructor" would otherwise find Object.prototype.constructor.
    if (!Object.hasOwn(REASONING_MULTIPLIERS, assumption)) {
      invalid(
        "reasoning",
        `unknown effort "${shownValue(assumption, 20)}"; use one of ${Object.keys(REASONING_MULTIPLIERS).join(", ")} or { multiplier }`,
      );
    }
    return { multiplier: REASONING_MULTIPLIERS[assumption], label: `effort "${assumption}"` };
  }
  const multiplier = assumption?.multiplier;
  if (
    typeof multiplier !== "number" ||
    !Number.isFinite(multiplier) ||
    multiplier < 0 ||
    multiplier > MAX_REASONING_MULTIPLIER
  ) {
    invalid(
      "reasoning.multiplier",
      `expected a number from 0 to ${MAX_REASONING_MULTIPLIER} (reasoning tokens per visible output token)`,
    );
  }
  return { multiplier, label: "the multiplier given" };
}

/** Plans are pure functions of their inputs; hot loops replay the same few models again and again. */
const planCache = new WeakMap<PricingTable, Map<string, ModelPlan>>();
const PLAN_CACHE_LIMIT = 1_000;

function cachedPlan(
  id: string,
  opts: ReplayOptions | undefined,
  overhead: ChatOverhead | undefined,
): ModelPlan {
  const table = opts?.pricing ?? defaultPricingTable;
  const at = opts?.at;
  const caching = opts?.caching;
  const reasoning = opts?.reasoning;
  const key = [
    id,
    at instanceof Date ? at.getTime() : (at ?? ""),
    opts?.serviceTier ?? "",
    typeof caching === "object" && caching !== null
      ? `h${String(caching.hitRate)}`
      : (caching ?? ""),
    opts?.cacheWrites ?? "",
    typeof reasoning === "object" && reasoning !== null
      ? `m${String(reasoning.multiplier)}`
      : (reasoning ?? ""),
    overhead === undefined
      ? ""
      : `${overhead.messageTokens}/${overhead.replyPrimingTokens}/${overhead.description}`,
  ].join("\u0000");
  let plans = planCache.get(table);
  if (plans === undefined) {
    plans = new Map();
    planCache.set(table, plans);
  }
  const cached = plans.get(key);
  if (cached !== undefined) return cached;
  const plan = planModel(id, opts, overhead);
  if (plans.size >= PLAN_CACHE_LIMIT) plans.clear();
  plans.set(key, plan);
  return plan;
}

function planModel(
  id: string,
  opts: ReplayOptions | undefined,
  overheadOverride: ChatOverhead | undefined,
): ModelPlan {
  const selected = selectPrice(id, opts);
  const info = selected.model;
  const rates = compileRates(selected);
  const assumptions: string[] = [];
  // Every call of a replay is priced at one moment: a date without a time takes the peak prices.
  if (selected.timeOfDay?.note !== undefined) assumptions.push(selected.timeOfDay.note);
  const overhead = overheadOverride ?? defaultChatOverhead(info);
  assumptions.push(
    `${info.id} chat overhead: ${overhead.messageTokens} tokens per message and ${overhead.replyPrimingTokens} per call (${overhead.description}).`,
  );

  let reasoningMultiplier = 0;
  if (info.reasoning && opts?.reasoning === undefined && info.provider === "anthropic") {
    assumptions.push(
      `${info.id}: extended thinking is off unless a request enables it, so no reasoning tokens are assumed; pass reasoning (an effort or { multiplier }) to assume some.`,
    );
  } else if (info.reasoning) {
    const { multiplier, label } = reasoningMultiplierOf(opts?.reasoning);
    reasoningMultiplier = multiplier;
    assumptions.push(
      `${info.id} reasoning tokens estimated at ${multiplier} × the visible reply (${label}), billed as ${rates.base.usdPerMTok.reasoning === rates.base.usdPerMTok.output ? "output" : "reasoning"} and not re-sent in later turns.`,
    );
  } else if (opts?.reasoning !== undefined) {
    reasoningMultiplierOf(opts.reasoning); // still reject a malformed option
    assumptions.push(`${info.id} is not a reasoning model: no reasoning tokens.`);
  }

  const caching = opts?.caching ?? "provider-default";
  const rule = cachingRuleFor(info, selected.record);
  let cacheMode = CACHE_NONE;
  let hitRate = 0;
  let writes: CacheWriteAssumption = "none";
  if (caching === "none" || caching === "off") {
    assumptions.push(
      `No prompt caching assumed for ${info.id}: every input token at the input price.`,
    );
  } else if (caching === "provider-default") {
    writes = opts?.cacheWrites ?? "none";
    cacheMode = providerDefaultMode(rule, writes);
    assumptions.push(describeProviderDefault(info, rule, writes));
  } else if (typeof caching === "object" && caching !== null) {
    hitRate = caching.hitRate;
    if (typeof hitRate !== "number" || !(hitRate >= 0 && hitRate <= 1)) {
      invalid("caching.hitRate", "expected a share between 0 and 1");
    }
    writes = opts?.cacheWrites ?? (rule.kind === "explicit" ? "5m" : "none");
    cacheMode = CACHE_HIT_RATE;
    assumptions.push(
      `${Number((hitRate * 100).toPrecision(6))}% of the history re-sent to ${info.id} each turn billed as cache reads (the hit rate given)${writes === "none" ? "" : `; new prompt tokens written to the ${writes === "1h" ? "1-hour" : "5-minute"} cache at the write price`}.`,
    );
  } else {
    invalid("caching", 'expected "provider-default", "none" or { hitRate }');
  }
  if (writes !== "none" && writes !== "5m" && writes !== "1h") {
    invalid("cacheWrites", 'expected "none", "5m" or "1h"');
  }

  return {
    info,
    selected,
    rates,
    inputLimitTokens: Math.min(
      info.maxInputTokens ?? info.contextWindowTokens,
      info.contextWindowTokens,
    ),
    contextWindowTokens: info.contextWindowTokens,
    reasoningMultiplier,
    cacheMode,
    minPrefixTokens: rule.minPrefixTokens,
    incrementTokens: rule.incrementTokens,
    hitRate,
    writes: cacheMode === CACHE_WRITES || (cacheMode === CACHE_HIT_RATE && writes !== "none"),
    writeOneHour: writes === "1h",
    overhead,
    assumptions,
  };
}

function providerDefaultMode(rule: CachingRule, writes: CacheWriteAssumption): number {
  if (rule.kind === "automatic") return CACHE_AUTOMATIC;
  if (rule.kind === "explicit" && writes !== "none") return CACHE_WRITES;
  return CACHE_NONE;
}

function describeProviderDefault(
  info: ModelInfo,
  rule: CachingRule,
  writes: CacheWriteAssumption,
): string {
  if (rule.kind === "automatic") {
    return `Prompt caching (provider default): ${rule.description}; assumes each turn follows within the cache lifetime (minutes).`;
  }
  if (rule.kind === "explicit") {
    return writes === "none"
      ? `Prompt caching (provider default): none for ${info.id}. ${rule.description}; set cacheWrites to assume a breakpoint per request.`
      : `Prompt caching: a breakpoint at the end of every request to ${info.id} assumed, so new prompt tokens are written to the ${writes === "1h" ? "1-hour" : "5-minute"} cache at the write price and read back on the next turn. ${rule.description}.`;
  }
  return `Prompt caching (provider default): ${rule.description}.`;
}

/** Bit flags of the token kinds priced, per rate set, to show only the notes that applied. */
const USED_INPUT = 1;
const USED_CACHED = 2;
const USED_WRITE_5M = 4;
const USED_WRITE_1H = 8;
const USED_OUTPUT = 16;
const USED_REASONING = 32;

function replayModel(
  view: TokenizedConversation,
  own: number,
  plan: ModelPlan,
  turns: number,
  perTurn: boolean,
  truncate: boolean,
  room: boolean,
): ModelConversationCost {
  const users = view.userTokens;
  const replies = view.replyTokens;
  const answering = replies.length;
  const ownReplies = replies[own] as ArrayLike<number>;
  const messageTokens = plan.overhead.messageTokens;
  const primingTokens = plan.overhead.replyPrimingTokens;
  const systemBlock = view.systemTokens > 0 ? Math.max(0, view.systemTokens + messageTokens) : 0;
  const base = plan.rates.base.usdPerMTok;
  const long = plan.rates.longContext;
  const longRates = long?.usdPerMTok;
  const longAbove = long === undefined ? Number.POSITIVE_INFINITY : long.aboveInputTokens;
  const mult = plan.reasoningMultiplier;
  const mode = plan.cacheMode;
  const min = plan.minPrefixTokens;
  const step = plan.incrementTokens;
  const hitRate = plan.hitRate;
  const oneHour = plan.writeOneHour;
  const hitRateWrites = mode === CACHE_HIT_RATE && plan.writes;

  let windowStart = 0; // first exchange still in the history
  let windowTokens = 0; // tokens of exchanges windowStart..k-1 (users, replies, overhead)
  let previousStart = -1;
  let previousPrefix = 0; // system + history + user message of the previous call (its cacheable part)
  let previousWritten = false;

  let inputTokens = 0;
  let cachedTokens = 0;
  let write5mTokens = 0;
  let write1hTokens = 0;
  let outputTokens = 0;
  let reasoningTokens = 0;
  // tokens × USD per MTok, i.e. millionths of a dollar
  let inputMicroUsd = 0;
  let cachedMicroUsd = 0;
  let writeMicroUsd = 0;
  let outputMicroUsd = 0;
  let reasoningMicroUsd = 0;
  let longCalls = 0;
  let truncatedCalls = 0;
  let oversizedCalls = 0;
  let usedBase = 0;
  let usedLong = 0;
  const turnCosts: TurnCost[] | undefined = perTurn ? [] : undefined;

  for (let k = 0; k < turns; k++) {
    const userBlock = Math.max(0, (users[k] as number) + messageTokens);
    const output = ownReplies[k] as number;
    const reasoning = mult === 0 ? 0 : Math.round(output * mult);
    const budget = Math.min(plan.inputLimitTokens, plan.contextWindowTokens - output - reasoning);
    let prompt = Math.max(0, systemBlock + windowTokens + userBlock + primingTokens);
    if (truncate) {
      while (prompt > budget && windowStart < k) {
        windowTokens -= exchangeTokens(users, replies, answering, windowStart, messageTokens);
        windowStart++;
        prompt = Math.max(0, systemBlock + windowTokens + userBlock + primingTokens);
      }
    }
    const oversized = prompt > budget;

    // The part of this prompt the previous call already sent, unchanged, from the start.
    let repeated = 0;
    if (k > 0) repeated = windowStart === previousStart ? previousPrefix : systemBlock;
    if (repeated > prompt) repeated = prompt;

    let cached = 0;
    let written = 0;
    if (mode === CACHE_AUTOMATIC) {
      if (repeated >= min)
        cached = step > 1 ? min + Math.floor((repeated - min) / step) * step : repeated;
    } else if (mode === CACHE_WRITES) {
      if (prompt >= min) {
        // One breakpoint at the end: the previous prompt is read only if it was written and is
        // still an exact prefix (a truncation changes the prefix, so nothing is read).
        cached = previousWritten && windowStart === previousStart ? repeated : 0;
        written = prompt - cached;
        previousWritten = true;
      } else {
        previousWritten = false;
      }
    } else if (mode === CACHE_HIT_RATE) {
      cached = Math.round(repeated * hitRate);
      if (hitRateWrites) written = prompt - repeated;
    }
    const uncached = prompt - cached - written;

    const lc = prompt > longAbove;
    const r = lc && longRates !== undefined ? longRates : base;
    const w = oneHour ? r.cacheWrite1h : r.cacheWrite5m;
    // Sums of tokens × USD/MTok, divided by 1,000,000 once at the end (a division per call and
    // kind would dominate the loop); the per-turn breakdown divides its own.
    const callInput = uncached * r.input;
    const callCached = cached * r.cachedInput;
    const callWrite = written * w;
    const callOutput = output * r.output;
    const callReasoning = reasoning * r.reasoning;

    const used =
      (uncached > 0 ? USED_INPUT : 0) |
      (cached > 0 ? USED_CACHED : 0) |
      (written > 0 ? (oneHour ? USED_WRITE_1H : USED_WRITE_5M) : 0) |
      (output > 0 ? USED_OUTPUT : 0) |
      (reasoning > 0 ? USED_REASONING : 0);
    if (lc) {
      usedLong |= used;
      longCalls++;
    } else {
      usedBase |= used;
    }
    if (windowStart > 0) truncatedCalls++;
    if (oversized) oversizedCalls++;

    inputTokens += uncached;
    cachedTokens += cached;
    if (oneHour) write1hTokens += written;
    else write5mTokens += written;
    outputTokens += output;
    reasoningTokens += reasoning;
    inputMicroUsd += callInput;
    cachedMicroUsd += callCached;
    writeMicroUsd += callWrite;
    outputMicroUsd += callOutput;
    reasoningMicroUsd += callReasoning;

    if (turnCosts !== undefined) {
      const callInputUsd = callInput / PER_MTOK;
      const callCachedUsd = callCached / PER_MTOK;
      const callWriteUsd = callWrite / PER_MTOK;
      const callOutputUsd = callOutput / PER_MTOK;
      const callReasoningUsd = callReasoning / PER_MTOK;
      turnCosts.push({
        turn: k,
        usage: {
          inputTokens: uncached,
          cachedInputTokens: cached,
          cacheWrite5mTokens: oneHour ? 0 : written,
          cacheWrite1hTokens: oneHour ? written : 0,
          outputTokens: output,
          reasoningTokens: reasoning,
        },
        inputUsd: callInputUsd,
        cachedInputUsd: callCachedUsd,
        cacheWriteUsd: callWriteUsd,
        outputUsd: callOutputUsd,
        reasoningUsd: callReasoningUsd,
        totalUsd: callInputUsd + callCachedUsd + callWriteUsd + callOutputUsd + callReasoningUsd,
        longContextApplied: lc,
        droppedTurns: windowStart,
        exceedsContextWindow: oversized,
      });
    }

    previousStart = windowStart;
    previousPrefix = Math.max(0, systemBlock + windowTokens + userBlock);
    windowTokens += exchangeTokens(users, replies, answering, k, messageTokens);
  }

  const usage: Usage = {
    inputTokens,
    cachedInputTokens: cachedTokens,
    cacheWrite5mTokens: write5mTokens,
    cacheWrite1hTokens: write1hTokens,
    outputTokens,
    reasoningTokens,
  };
  const assumptions = [...plan.assumptions];
  if (room) {
    assumptions.push(
      `Multi-model room: ${plan.info.id} is sent every other model's replies as part of the transcript, and billed only for its own calls.`,
    );
  }
  addRateNotes(assumptions, plan.rates.base, usedBase);
  if (long !== undefined && usedLong !== 0) {
    if (long.note !== undefined) assumptions.push(long.note);
    addRateNotes(assumptions, long, usedLong);
  }
  if (truncatedCalls > 0) {
    assumptions.push(
      `${plan.info.id}: history truncated to fit the context window (${plan.inputLimitTokens} input tokens, less each reply), oldest exchanges first, in ${truncatedCalls} of ${turns} calls.`,
    );
  }
  if (oversizedCalls > 0) {
    assumptions.push(
      `${plan.info.id}: ${oversizedCalls} call${oversizedCalls === 1 ? "" : "s"} did not fit the context window even without history; billed as if sent (the API would refuse ${oversizedCalls === 1 ? "it" : "them"}).`,
    );
  }
  const inputUsd = inputMicroUsd / PER_MTOK;
  const cachedUsd = cachedMicroUsd / PER_MTOK;
  const writeUsd = writeMicroUsd / PER_MTOK;
  const outputUsd = outputMicroUsd / PER_MTOK;
  const reasoningUsd = reasoningMicroUsd / PER_MTOK;
  const totalUsd = inputUsd + cachedUsd + writeUsd + outputUsd + reasoningUsd;
  return {
    model: plan.info.id,
    provider: plan.info.provider,
    usage,
    inputUsd,
    cachedInputUsd: cachedUsd,
    cacheWriteUsd: writeUsd,
    outputUsd,
    reasoningUsd,
    totalUsd,
    priceEffectiveFrom: plan.selected.record.effectiveFrom,
    serviceTier: plan.selected.serviceTier,
    calls: turns,
    longContextCalls: longCalls,
    truncatedCalls,
    oversizedCalls,
    reasoningMultiplier: plan.reasoningMultiplier,
    turns: turnCosts,
    assumptions,
  };
}

/** Tokens exchange k adds to the history: the user message and every model's reply, with overhead. */
function exchangeTokens(
  users: ArrayLike<number>,
  replies: readonly ArrayLike<number>[],
  answering: number,
  k: number,
  messageTokens: number,
): number {
  let tokens = Math.max(0, (users[k] as number) + messageTokens);
  for (let j = 0; j < answering; j++) {
    tokens += Math.max(0, ((replies[j] as ArrayLike<number>)[k] as number) + messageTokens);
  }
  return tokens;
}

function addRateNotes(assumptions: string[], set: RateSet, used: number): void {
  const notes = set.notes;
  if (used & USED_INPUT && notes.input !== undefined) assumptions.push(notes.input);
  if (used & USED_CACHED && notes.cachedInput !== undefined) assumptions.push(notes.cachedInput);
  if (used & USED_WRITE_5M && notes.cacheWrite5m !== undefined)
    assumptions.push(notes.cacheWrite5m);
  if (used & USED_WRITE_1H && notes.cacheWrite1h !== undefined)
    assumptions.push(notes.cacheWrite1h);
  if (used & USED_OUTPUT && notes.output !== undefined) assumptions.push(notes.output);
  if (used & USED_REASONING && notes.reasoning !== undefined) assumptions.push(notes.reasoning);
}
