import type { ModelConversationCost } from "../cost/conversation-cost.ts";
import type { CacheWriteAssumption } from "../cost/conversation-options.ts";
import { replayConversation, type TokenizedConversation } from "../cost/replay-conversation.ts";
import { TokenmeterError } from "../errors.ts";
import { defaultPricingTable } from "../pricing/default-table.ts";
import { findModel } from "../pricing/find-model.ts";
import type { PricingTable, ServiceTier } from "../pricing/schema.ts";
import { checkedNumber } from "./_check-number.ts";
import { daysInMonthOf, localDate } from "./_local-date.ts";
import { hashSeed, mulberry32, quantileSorted, variationFactor } from "./_prng.ts";
import {
  messagesPerActiveDayOf,
  parseUsageProfile,
  tokensOf,
  type UsageProfile,
  type UsageProfileInput,
} from "./usage-profile.ts";

/** One scenario to project: a model id, or several ids answering side by side (a multi-model room). */
export type ModelScenario = string | readonly string[];

/** Options of {@link projectMonthly}. */
export interface ProjectMonthlyOptions {
  /**
   * A day of the month to project: `YYYY-MM-DD`, a timestamp or a `Date`. Prices are those in
   * effect on that (local) date; active days are capped at that month's length.
   * Default: the pricing table's `publishedOn`.
   */
  at?: string | Date;
  /** IANA time zone that turns a timestamp `at` into a calendar date (default UTC). */
  timeZone?: string;
  /** The pricing table (default: the bundled one). */
  pricing?: PricingTable;
  /** `standard` (default), `batch`, `flex` or `priority`. */
  serviceTier?: ServiceTier;
  /** Cache writes for models that cache only at explicit breakpoints (Anthropic, GPT-5.6+). Default `"none"`. */
  cacheWrites?: CacheWriteAssumption;
  /** Sampled months for the range (default 256, at most 10,000). */
  samples?: number;
  /** Extra seed for the range's random months (default 0). Same input and seed → same range. */
  seed?: number;
}

/** Monthly cost components in USD, at full precision. `totalUsd` is their sum. */
export interface MonthlyCostComponents {
  readonly inputUsd: number;
  readonly cachedInputUsd: number;
  readonly cacheWriteUsd: number;
  readonly outputUsd: number;
  readonly reasoningUsd: number;
  readonly totalUsd: number;
}

/** Monthly tokens, summed over calls (expected values: fractional). */
export interface MonthlyTokens {
  readonly inputTokens: number;
  readonly cachedInputTokens: number;
  readonly cacheWriteTokens: number;
  readonly outputTokens: number;
  readonly reasoningTokens: number;
}

/** One model's own bill in a projection (in a room, each model is billed for its own calls). */
export interface ModelMonthlyCost extends MonthlyCostComponents {
  readonly model: string;
  readonly provider: string;
  /** `effectiveFrom` of the price record used. */
  readonly priceEffectiveFrom: string;
  readonly tokens: MonthlyTokens;
}

/**
 * The expected cost of a conversation cut after k turns, per k: what the projection evaluates at any
 * number of messages a day (see {@link monthlyCostAt}). Index 0 is 0; index T is a full conversation.
 */
export interface ConversationCurve {
  readonly turnsPerConversation: number;
  /** USD, cumulative over turns, expected over attachments and reasoning shares. */
  readonly cumulativeUsd: readonly number[];
}

/** The expected monthly API cost of a usage profile on one model or one room. */
export interface MonthlyProjection {
  /** Canonical model ids: one, or the members of a room. */
  readonly models: readonly string[];
  /** `gpt-5.5`, or `room: gpt-5.5 + claude-sonnet-5 + gemini-3.5-flash`. */
  readonly label: string;
  readonly room: boolean;
  /** The month projected (`YYYY-MM`) and the date prices were taken at (`YYYY-MM-DD`). */
  readonly month: string;
  readonly pricedOn: string;
  readonly pricingVersion: string;
  /** Messages per active day, active days in this month (capped at its length) and their product. */
  readonly messagesPerActiveDay: number;
  readonly activeDays: number;
  readonly messagesPerMonth: number;
  /** Conversations started in the month (a day's messages split into chats of `turnsPerConversation`). */
  readonly conversationsPerMonth: number;
  /** The month at the profile's stated numbers, with its breakdown. */
  readonly expected: MonthlyCostComponents;
  /** Expected cost per message sent, in USD (`expected.totalUsd / messagesPerMonth`; 0 without messages). */
  readonly usdPerMessage: number;
  /** Each model's own bill (one entry unless a room). */
  readonly perModel: readonly ModelMonthlyCost[];
  readonly tokens: MonthlyTokens;
  /**
   * A low–high range from the profile's stated variability: the 10th and 90th percentiles of the cost
   * of `samples` simulated months (seeded, so the same input always gives the same range).
   */
  readonly range: {
    readonly lowUsd: number;
    readonly highUsd: number;
    readonly lowQuantile: 0.1;
    readonly highQuantile: 0.9;
    readonly samples: number;
    readonly seed: number;
  };
  /** Cost of a conversation by length (all models of a room together), for re-evaluation. */
  readonly curve: ConversationCurve;
  /** The validated profile projected. */
  readonly profile: UsageProfile;
  /** Everything assumed, in words, without repeats. A projection is always an estimate. */
  readonly assumptions: readonly string[];
}

const DEFAULT_SAMPLES = 256;
const MAX_SAMPLES = 10_000;
/** Length factors are evaluated on a grid and interpolated; this many points span ±3 standard deviations. */
const LENGTH_GRID_POINTS = 7;

/**
 * Projects a usage profile onto a month of API calls, per model (or per room), with the cost
 * breakdown and a low–high range.
 *
 * How: each active day's messages are split into conversations of `turnsPerConversation` messages
 * (plus one shorter conversation for the rest). Each conversation is replayed with
 * `replayConversation`, so the whole history is re-sent every turn, chat overhead, caching,
 * truncation at the context window and long-context prices all count. Conversations with an
 * attachment (in their first message) and messages sent to a reasoning model are mixed in by their
 * shares. The month = active days × that day. The range samples months whose volume and message
 * lengths vary by the profile's `variability` (seeded PRNG; arithmetic only, so every engine agrees).
 *
 * @param profile a usage profile (validated here) or a preset (`usagePreset("moderate")`).
 * @param models the scenarios: model ids, and arrays of ids for rooms. Default: the profile's own
 *   `models` (one room if several).
 * @throws TokenmeterError `INVALID_INPUT` (profile, options, no models), `UNKNOWN_MODEL`,
 *   `NO_PRICE_AT_DATE`, `NO_SERVICE_TIER`.
 * @example
 * const [p] = projectMonthly(usagePreset("moderate"), ["gpt-5.5"], { at: "2026-11-27" });
 * p.expected.totalUsd // USD a month at the stated numbers
 * p.range             // { lowUsd, highUsd, … }
 */
export function projectMonthly(
  profile: UsageProfileInput | UsageProfile,
  models?: readonly ModelScenario[],
  opts?: ProjectMonthlyOptions,
): MonthlyProjection[] {
  const parsed = parseUsageProfile(profile);
  const scenarios = scenariosOf(parsed, models);
  const pricing = opts?.pricing ?? defaultPricingTable;
  const pricedOn = opts?.at === undefined ? pricing.publishedOn : localDate(opts.at, opts.timeZone);
  const samples = samplesOf(opts?.samples);
  const seed = seedOf(parsed, pricedOn, opts?.seed);
  const context: Context = {
    profile: parsed,
    pricing,
    pricedOn,
    samples,
    seed,
    serviceTier: opts?.serviceTier ?? "standard",
    cacheWrites: opts?.cacheWrites,
    factors: sampleFactors(seed, samples, parsed.variability),
  };
  return scenarios.map((ids) => projectScenario(ids, context));
}

interface Context {
  readonly profile: UsageProfile;
  readonly pricing: PricingTable;
  readonly pricedOn: string;
  readonly samples: number;
  readonly seed: number;
  readonly serviceTier: ServiceTier;
  readonly cacheWrites: CacheWriteAssumption | undefined;
  /** `[volume₀, length₀, volume₁, length₁, …]`: the simulated months' factors, shared by every scenario. */
  readonly factors: Float64Array;
}

function scenariosOf(
  profile: UsageProfile,
  models: readonly ModelScenario[] | undefined,
): (readonly string[])[] {
  if (models !== undefined && !Array.isArray(models)) {
    throw new TokenmeterError(
      "INVALID_INPUT",
      'models must be an array of scenarios: model ids, or arrays of ids for a room (["gpt-5.5", ["gpt-5.5", "claude-sonnet-5"]]).',
      { details: { field: "models" } },
    );
  }
  const list: ModelScenario[] =
    models !== undefined && models.length > 0
      ? [...models]
      : profile.models !== undefined
        ? [profile.models]
        : [];
  if (list.length === 0) {
    throw new TokenmeterError(
      "INVALID_INPUT",
      'No models to project: pass model ids (projectMonthly(profile, ["gpt-5.5"])) or set the profile\'s models.',
      { details: { field: "models" } },
    );
  }
  return list.map((scenario, i) => {
    const ids: unknown[] =
      typeof scenario === "string" ? [scenario] : Array.isArray(scenario) ? [...scenario] : [];
    if (ids.length === 0 || ids.some((id) => typeof id !== "string" || id.trim() === "")) {
      throw new TokenmeterError(
        "INVALID_INPUT",
        `models[${i}] must be a model id or a non-empty list of model ids (a room).`,
        { details: { field: `models[${i}]` } },
      );
    }
    return ids as string[];
  });
}

function samplesOf(samples: number | undefined): number {
  if (samples === undefined) return DEFAULT_SAMPLES;
  if (!Number.isInteger(samples) || samples < 1 || samples > MAX_SAMPLES) {
    throw new TokenmeterError(
      "INVALID_INPUT",
      `samples must be a whole number from 1 to ${MAX_SAMPLES}.`,
      { details: { field: "samples" } },
    );
  }
  return samples;
}

/** Month-level factors (volume, length) per simulated month, drawn in that order from one stream. */
function sampleFactors(
  seed: number,
  samples: number,
  variability: UsageProfile["variability"],
): Float64Array {
  const next = mulberry32(seed);
  const factors = new Float64Array(2 * samples);
  for (let s = 0; s < samples; s++) {
    factors[2 * s] = variationFactor(next, variability.volumeCv);
    factors[2 * s + 1] = variationFactor(next, variability.lengthCv);
  }
  return factors;
}

function seedOf(profile: UsageProfile, pricedOn: string, extra: number | undefined): number {
  if (extra !== undefined && !Number.isFinite(extra)) {
    throw new TokenmeterError("INVALID_INPUT", "seed must be a finite number.", {
      details: { field: "seed" },
    });
  }
  // The models are left out on purpose: every scenario of one call sees the same simulated months,
  // so their ranges compare like with like.
  const { name: _name, models: _models, ...numbers } = profile;
  return hashSeed(`${JSON.stringify(numbers)}|${pricedOn}|${extra ?? 0}`);
}

/** One replayed conversation type, cumulative per turn and per component. */
interface Curves {
  total: Float64Array;
  input: Float64Array;
  cached: Float64Array;
  write: Float64Array;
  output: Float64Array;
  reasoning: Float64Array;
  /** Per model: total, per component and tokens, cumulative. */
  perModel: ModelCurves[];
  /** Some call was truncated or did not fit: the context window shaped this replay. */
  windowLimited: boolean;
}

interface ModelCurves {
  model: string;
  provider: string;
  priceEffectiveFrom: string;
  total: Float64Array;
  input: Float64Array;
  cached: Float64Array;
  write: Float64Array;
  output: Float64Array;
  reasoning: Float64Array;
  inputTokens: Float64Array;
  cachedTokens: Float64Array;
  writeTokens: Float64Array;
  outputTokens: Float64Array;
  reasoningTokens: Float64Array;
}

function projectScenario(ids: readonly string[], ctx: Context): MonthlyProjection {
  const p = ctx.profile;
  const turns = p.turnsPerConversation;
  const promptTokens = tokensOf(p.prompt, p.tokensPerWord);
  const replyTokens = tokensOf(p.reply, p.tokensPerWord);
  const attachmentTokens =
    p.attachment === undefined ? 0 : tokensOf(p.attachment.length, p.tokensPerWord);
  const attachmentShare = attachmentTokens > 0 ? (p.attachment?.shareOfConversations ?? 0) : 0;
  const reasoningShare = p.reasoning.shareOfMessages;
  const assumptions = new Set<string>();

  // Notes come from the replays at the stated lengths; the range's grid replays would only repeat them.
  const replayAt = (lengthFactor: number, attached: boolean, reasoning: boolean): Curves => {
    const user = new Float64Array(turns).fill(promptTokens * lengthFactor);
    if (attached) user[0] = (user[0] ?? 0) + attachmentTokens * lengthFactor;
    const reply = new Float64Array(turns).fill(replyTokens * lengthFactor);
    const conversation: TokenizedConversation = {
      systemTokens: p.systemPromptTokens,
      userTokens: user,
      replyTokens: ids.map(() => reply),
    };
    const cost = replayConversation(conversation, ids, {
      at: ctx.pricedOn,
      pricing: ctx.pricing,
      serviceTier: ctx.serviceTier,
      caching: p.caching,
      ...(ctx.cacheWrites === undefined ? {} : { cacheWrites: ctx.cacheWrites }),
      reasoning: reasoning ? p.reasoning.effort : "none",
      perTurn: true,
    });
    if (lengthFactor === 1) for (const note of cost.assumptions) assumptions.add(note);
    return curvesOf(cost.models, turns);
  };

  // The conversation types and their weights: with/without attachment × with/without reasoning.
  // Reasoning adds hidden output only (never re-sent), so a conversation without it is the one with
  // it minus its reasoning, unless the reasoning tokens changed what fit the context window: then
  // it is replayed on its own.
  const mixAt = (lengthFactor: number): Curves => {
    const parts: { weight: number; curves: Curves }[] = [];
    for (const attached of attachmentShare > 0 ? [false, true] : [false]) {
      const share = attached ? attachmentShare : 1 - attachmentShare;
      if (share === 0) continue;
      if (reasoningShare === 0) {
        parts.push({ weight: share, curves: replayAt(lengthFactor, attached, false) });
        continue;
      }
      const withReasoning = replayAt(lengthFactor, attached, true);
      if (reasoningShare < 1) {
        const without = withReasoning.windowLimited
          ? replayAt(lengthFactor, attached, false)
          : withoutReasoning(withReasoning);
        parts.push({ weight: share * (1 - reasoningShare), curves: without });
      }
      parts.push({ weight: share * reasoningShare, curves: withReasoning });
    }
    return mixCurves(parts, turns);
  };

  const base = mixAt(1);
  const messagesPerActiveDay = messagesPerActiveDayOf(p);
  const daysInMonth = daysInMonthOf(ctx.pricedOn);
  const activeDays = Math.min(p.activeDaysPerMonth, daysInMonth);
  const evaluate = (curve: ArrayLike<number>, m: number) =>
    activeDays * dayValueOf(curve, m, turns);

  const expected = componentsAt(base, messagesPerActiveDay, evaluate);
  const perModel: ModelMonthlyCost[] = base.perModel.map((mc) => ({
    model: mc.model,
    provider: mc.provider,
    priceEffectiveFrom: mc.priceEffectiveFrom,
    inputUsd: evaluate(mc.input, messagesPerActiveDay),
    cachedInputUsd: evaluate(mc.cached, messagesPerActiveDay),
    cacheWriteUsd: evaluate(mc.write, messagesPerActiveDay),
    outputUsd: evaluate(mc.output, messagesPerActiveDay),
    reasoningUsd: evaluate(mc.reasoning, messagesPerActiveDay),
    totalUsd: evaluate(mc.total, messagesPerActiveDay),
    tokens: {
      inputTokens: evaluate(mc.inputTokens, messagesPerActiveDay),
      cachedInputTokens: evaluate(mc.cachedTokens, messagesPerActiveDay),
      cacheWriteTokens: evaluate(mc.writeTokens, messagesPerActiveDay),
      outputTokens: evaluate(mc.outputTokens, messagesPerActiveDay),
      reasoningTokens: evaluate(mc.reasoningTokens, messagesPerActiveDay),
    },
  }));
  const tokens: MonthlyTokens = {
    inputTokens: sum(perModel, (m) => m.tokens.inputTokens),
    cachedInputTokens: sum(perModel, (m) => m.tokens.cachedInputTokens),
    cacheWriteTokens: sum(perModel, (m) => m.tokens.cacheWriteTokens),
    outputTokens: sum(perModel, (m) => m.tokens.outputTokens),
    reasoningTokens: sum(perModel, (m) => m.tokens.reasoningTokens),
  };

  const range = rangeOf(ctx, base.total, mixAt, messagesPerActiveDay, activeDays, turns);
  const messagesPerMonth = messagesPerActiveDay * activeDays;
  const models = base.perModel.map((m) => m.model);
  const room = models.length > 1;

  const own: string[] = [
    `Lengths given in words are converted at ${round4(p.tokensPerWord)} tokens per word (OpenAI's rule of thumb for English is 4/3); every model is given the same token counts, though Claude and Gemini tokenizers may count the same text differently.`,
    `Each active day's ${round4(messagesPerActiveDay)} messages are split into conversations of ${turns} messages, the rest into one shorter conversation; each conversation re-sends its whole history every turn.`,
  ];
  if (p.systemPromptTokens > 0) {
    own.push(
      `A ${p.systemPromptTokens}-token system prompt (custom instructions) is sent with every call.`,
    );
  }
  if (attachmentShare > 0) {
    own.push(
      `${round4(attachmentShare * 100)}% of conversations start with a ${attachmentTokens}-token attachment in the first message; it stays in the history.`,
    );
  }
  if (reasoningShare > 0) {
    own.push(
      `${round4(reasoningShare * 100)}% of messages go to the model with reasoning effort "${p.reasoning.effort}"; the rest with no reasoning.`,
    );
  }
  if (activeDays < p.activeDaysPerMonth) {
    own.push(
      `${ctx.pricedOn.slice(0, 7)} has ${daysInMonth} days, so active days are capped at ${activeDays} (the profile says ${p.activeDaysPerMonth}).`,
    );
  }
  for (const model of base.perModel) {
    const change = priceChangeInMonth(model.model, ctx.pricedOn, daysInMonth, ctx.pricing);
    if (change !== undefined) {
      own.push(
        `${model.model}'s price changes on ${change}, inside ${ctx.pricedOn.slice(0, 7)}: the whole month is priced at the prices in effect on ${ctx.pricedOn}.`,
      );
    }
  }
  own.push(
    `Range: 10th–90th percentile of ${ctx.samples} simulated months whose message count varies by ±${round4(p.variability.volumeCv * 100)}% and message lengths by ±${round4(p.variability.lengthCv * 100)}% (one standard deviation; seed ${ctx.seed}).`,
  );

  return {
    models,
    label: room ? `room: ${models.join(" + ")}` : (models[0] ?? ""),
    room,
    month: ctx.pricedOn.slice(0, 7),
    pricedOn: ctx.pricedOn,
    pricingVersion: ctx.pricing.version,
    messagesPerActiveDay,
    activeDays,
    messagesPerMonth,
    conversationsPerMonth: activeDays * Math.ceil(messagesPerActiveDay / turns),
    expected,
    usdPerMessage: messagesPerMonth > 0 ? expected.totalUsd / messagesPerMonth : 0,
    perModel,
    tokens,
    range,
    curve: { turnsPerConversation: turns, cumulativeUsd: Array.from(base.total) },
    profile: p,
    assumptions: [...own, ...assumptions],
  };
}

/** The first day after the 1st of `pricedOn`'s month on which one of the model's price records starts or ends. */
function priceChangeInMonth(
  modelId: string,
  pricedOn: string,
  daysInMonth: number,
  pricing: PricingTable,
): string | undefined {
  const first = `${pricedOn.slice(0, 7)}-01`;
  const last = `${pricedOn.slice(0, 7)}-${String(daysInMonth).padStart(2, "0")}`;
  const boundaries = findModel(modelId, { pricing })
    .prices.flatMap((record) => [record.effectiveFrom, record.effectiveUntil])
    .filter((day): day is string => day !== undefined && day > first && day <= last)
    .sort();
  return boundaries[0];
}

/**
 * The cost of one active day with `m` messages, from a cumulative per-turn curve: `⌊m/T⌋` full
 * conversations plus one of the remaining `r` turns, interpolated linearly between whole turns so
 * the month is continuous and never decreasing in `m`.
 */
export function dayValue(curve: ArrayLike<number>, m: number, turns: number): number {
  checkedNumber(m, "messages per day");
  checkedNumber(turns, "turns per conversation", 1);
  return dayValueOf(curve, m, turns);
}

/** {@link dayValue} without argument checks, for the sampling loops (arguments come from a valid profile). */
function dayValueOf(curve: ArrayLike<number>, m: number, turns: number): number {
  if (!(m > 0)) return 0;
  const full = Math.floor(m / turns);
  const rest = m - full * turns;
  const whole = Math.floor(rest);
  const frac = rest - whole;
  // No closures here: this runs for every simulated month of every scenario.
  const atWhole = (curve[whole] as number | undefined) ?? 0;
  const next = frac > 0 ? ((curve[whole + 1] as number | undefined) ?? atWhole) : atWhole;
  return full * ((curve[turns] as number | undefined) ?? 0) + atWhole + frac * (next - atWhole);
}

/** {@link dayValue} on the curve `a + t × (b − a)`, reading only the three points it needs. */
function dayValueBetween(
  a: Float64Array,
  b: Float64Array,
  t: number,
  m: number,
  turns: number,
): number {
  if (!(m > 0)) return 0;
  const full = Math.floor(m / turns);
  const rest = m - full * turns;
  const whole = Math.floor(rest);
  const frac = rest - whole;
  // Inlined (no closure): this runs for every simulated month of every scenario.
  const aw = (a[whole] as number | undefined) ?? 0;
  const atWhole = aw + t * (((b[whole] as number | undefined) ?? 0) - aw);
  let next = atWhole;
  if (frac > 0) {
    const an = (a[whole + 1] as number | undefined) ?? 0;
    next = an + t * (((b[whole + 1] as number | undefined) ?? 0) - an);
  }
  const af = (a[turns] as number | undefined) ?? 0;
  const atFull = af + t * (((b[turns] as number | undefined) ?? 0) - af);
  return full * atFull + atWhole + frac * (next - atWhole);
}

/**
 * The monthly API cost (USD) of a projection's profile at another number of messages per active day,
 * everything else unchanged. This is what break-even solves against.
 */
export function monthlyCostAt(projection: MonthlyProjection, messagesPerActiveDay: number): number {
  checkedNumber(messagesPerActiveDay, "messagesPerActiveDay");
  const curve = projection.curve;
  return (
    projection.activeDays *
    dayValueOf(curve.cumulativeUsd, messagesPerActiveDay, curve.turnsPerConversation)
  );
}

function componentsAt(
  curves: Curves,
  m: number,
  evaluate: (curve: ArrayLike<number>, m: number) => number,
): MonthlyCostComponents {
  return {
    inputUsd: evaluate(curves.input, m),
    cachedInputUsd: evaluate(curves.cached, m),
    cacheWriteUsd: evaluate(curves.write, m),
    outputUsd: evaluate(curves.output, m),
    reasoningUsd: evaluate(curves.reasoning, m),
    totalUsd: evaluate(curves.total, m),
  };
}

function rangeOf(
  ctx: Context,
  baseTotal: Float64Array,
  mixAt: (lengthFactor: number) => Curves,
  m: number,
  activeDays: number,
  turns: number,
): MonthlyProjection["range"] {
  const evaluate = (curve: ArrayLike<number>, messages: number) =>
    activeDays * dayValueOf(curve, messages, turns);
  const { lengthCv } = ctx.profile.variability;
  // Length factors snap onto a grid (replayed once each) and interpolate between grid points.
  const grid: number[] = [];
  const totals: Float64Array[] = [];
  if (lengthCv > 0) {
    const lo = Math.max(0.05, 1 - 3 * lengthCv);
    const hi = 1 + 3 * lengthCv;
    for (let i = 0; i < LENGTH_GRID_POINTS; i++) {
      grid.push(lo + ((hi - lo) * i) / (LENGTH_GRID_POINTS - 1));
    }
    for (const factor of grid) totals.push(factor === 1 ? baseTotal : mixAt(factor).total);
  }
  const factors = ctx.factors;
  const months = new Float64Array(ctx.samples);
  const first = grid[0] ?? 1;
  const last = grid[grid.length - 1] ?? 1;
  for (let s = 0; s < ctx.samples; s++) {
    const volume = factors[2 * s] as number;
    const mSample = m * volume;
    if (grid.length === 0) {
      months[s] = evaluate(baseTotal, mSample);
      continue;
    }
    const length = factors[2 * s + 1] as number;
    const clamped = Math.min(last, Math.max(first, length));
    const position = ((clamped - first) / (last - first)) * (grid.length - 1);
    const i = Math.min(grid.length - 2, Math.floor(position));
    months[s] =
      activeDays *
      dayValueBetween(
        totals[i] as Float64Array,
        totals[i + 1] as Float64Array,
        position - i,
        mSample,
        turns,
      );
  }
  const sorted = Array.from(months).sort((x, y) => x - y);
  return {
    lowUsd: quantileSorted(sorted, 0.1),
    highUsd: quantileSorted(sorted, 0.9),
    lowQuantile: 0.1,
    highQuantile: 0.9,
    samples: ctx.samples,
    seed: ctx.seed,
  };
}

function curvesOf(models: readonly ModelConversationCost[], turns: number): Curves {
  const out = emptyCurves(
    models,
    turns,
    models.some((m) => m.truncatedCalls > 0 || m.oversizedCalls > 0),
  );
  models.forEach((model, j) => {
    const mc = out.perModel[j] as ModelCurves;
    const perTurn = model.turns ?? [];
    for (let k = 0; k < turns; k++) {
      const t = perTurn[k];
      if (t === undefined) continue;
      const u = t.usage;
      mc.total[k + 1] = (mc.total[k] as number) + t.totalUsd;
      mc.input[k + 1] = (mc.input[k] as number) + t.inputUsd;
      mc.cached[k + 1] = (mc.cached[k] as number) + t.cachedInputUsd;
      mc.write[k + 1] = (mc.write[k] as number) + t.cacheWriteUsd;
      mc.output[k + 1] = (mc.output[k] as number) + t.outputUsd;
      mc.reasoning[k + 1] = (mc.reasoning[k] as number) + t.reasoningUsd;
      mc.inputTokens[k + 1] = (mc.inputTokens[k] as number) + u.inputTokens;
      mc.cachedTokens[k + 1] = (mc.cachedTokens[k] as number) + u.cachedInputTokens;
      mc.writeTokens[k + 1] =
        (mc.writeTokens[k] as number) + u.cacheWrite5mTokens + u.cacheWrite1hTokens;
      mc.outputTokens[k + 1] = (mc.outputTokens[k] as number) + u.outputTokens;
      mc.reasoningTokens[k + 1] = (mc.reasoningTokens[k] as number) + u.reasoningTokens;
    }
    for (const key of SCENARIO_ARRAYS) axpy(out[key], 1, mc[key]);
  });
  return out;
}

/** Zeroed curves of `turns + 1` points for these models (model, provider and price date copied). */
function emptyCurves(
  models: readonly Pick<ModelCurves, "model" | "provider" | "priceEffectiveFrom">[],
  turns: number,
  windowLimited: boolean,
): Curves {
  const make = () => new Float64Array(turns + 1);
  return {
    total: make(),
    input: make(),
    cached: make(),
    write: make(),
    output: make(),
    reasoning: make(),
    perModel: models.map((m) => ({
      model: m.model,
      provider: m.provider,
      priceEffectiveFrom: m.priceEffectiveFrom,
      total: make(),
      input: make(),
      cached: make(),
      write: make(),
      output: make(),
      reasoning: make(),
      inputTokens: make(),
      cachedTokens: make(),
      writeTokens: make(),
      outputTokens: make(),
      reasoningTokens: make(),
    })),
    windowLimited,
  };
}

const MODEL_ARRAYS = [
  "total",
  "input",
  "cached",
  "write",
  "output",
  "reasoning",
  "inputTokens",
  "cachedTokens",
  "writeTokens",
  "outputTokens",
  "reasoningTokens",
] as const;
const SCENARIO_ARRAYS = ["total", "input", "cached", "write", "output", "reasoning"] as const;

/** The same replay with its reasoning removed: totals less reasoning, reasoning and its tokens zero. */
function withoutReasoning(curves: Curves): Curves {
  const minus = (total: Float64Array, reasoning: Float64Array) =>
    total.map((value, k) => value - (reasoning[k] as number));
  const zero = (like: Float64Array) => new Float64Array(like.length);
  return {
    total: minus(curves.total, curves.reasoning),
    input: curves.input,
    cached: curves.cached,
    write: curves.write,
    output: curves.output,
    reasoning: zero(curves.reasoning),
    perModel: curves.perModel.map((m) => ({
      ...m,
      total: minus(m.total, m.reasoning),
      reasoning: zero(m.reasoning),
      reasoningTokens: zero(m.reasoningTokens),
    })),
    windowLimited: curves.windowLimited,
  };
}

/** The weighted sum of conversation types' curves (weights sum to 1). */
function mixCurves(parts: { weight: number; curves: Curves }[], turns: number): Curves {
  const first = parts[0]?.curves;
  if (first === undefined || parts.length === 1) return first as Curves;
  const out = emptyCurves(
    first.perModel,
    turns,
    parts.some((p) => p.curves.windowLimited),
  );
  for (const { weight, curves } of parts) {
    for (const key of SCENARIO_ARRAYS) axpy(out[key], weight, curves[key]);
    curves.perModel.forEach((m, j) => {
      const target = out.perModel[j] as ModelCurves;
      for (const key of MODEL_ARRAYS) axpy(target[key], weight, m[key]);
    });
  }
  return out;
}

function axpy(target: Float64Array, weight: number, source: Float64Array): void {
  for (let k = 0; k < target.length; k++) {
    target[k] = (target[k] as number) + weight * (source[k] as number);
  }
}

function sum<T>(items: readonly T[], value: (item: T) => number): number {
  let total = 0;
  for (const item of items) total += value(item);
  return total;
}

function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
