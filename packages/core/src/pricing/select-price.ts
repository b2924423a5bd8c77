import { TokenmeterError } from "../errors.ts";
import { type ReadDate, readDateOption } from "./calendar-date.ts";
import { defaultPricingTable } from "./default-table.ts";
import { findModel, type ModelInfo } from "./find-model.ts";
import {
  type LongContextPrices,
  type PeakHoursPrices,
  type PriceRecord,
  type PricingTable,
  SERVICE_TIERS,
  type ServiceTier,
  type ServiceTierPrices,
  type TokenPrices,
  WEEKDAYS,
} from "./schema.ts";
import { shownValue, typeOfValue } from "./shown-value.ts";

export { toPriceDate } from "./calendar-date.ts";

/** The kinds of token a price record can price, in `Usage` order. */
export type PriceKind =
  | "input"
  | "cachedInput"
  | "cacheWrite5m"
  | "cacheWrite1h"
  | "output"
  | "reasoning";

/**
 * Prices resolved for one service tier, in USD per million tokens. Optional fields stay absent when
 * the table has no price for them (the cost engine states its fallback). `notes` explains any price
 * that was derived rather than read from the table, by token kind.
 */
export type TierPrices = TokenPrices & {
  readonly notes: Readonly<Partial<Record<PriceKind, string>>>;
};

/** The long-context tier resolved for a service tier: above `aboveInputTokens`, all tokens of a request use it. */
export type TierLongContextPrices = TierPrices & {
  readonly aboveInputTokens: number;
  /** Set when these prices were derived (a service tier without its own long-context prices). */
  readonly note?: string;
};

/** Options of {@link selectPrice} (and of `priceUsage`). */
export interface SelectPriceOptions {
  /**
   * When the usage happened: `YYYY-MM-DD`, an ISO timestamp or a `Date`. The record is chosen by the
   * UTC date; for a record with `peakHours`, an instant picks peak or off-peak prices by its UTC
   * time, and a date without a time uses the peak prices (an upper bound, stated as an assumption).
   * Default: the table's `publishedOn` date (core never reads the clock).
   */
  at?: string | Date;
  /** `standard` (default), `batch`, `flex` or `priority`. */
  serviceTier?: ServiceTier;
  /** The pricing table (default: the bundled `defaultPricingTable`). */
  pricing?: PricingTable;
}

/**
 * Which side of a record's peak hours was priced. `basis` `"instant"`: chosen by the UTC time of
 * `at`. `basis` `"day"`: `at` had no time of day, so the peak prices were used as an upper bound
 * (`note` says so).
 */
export interface TimeOfDayPrice {
  readonly period: "peak" | "off-peak";
  readonly basis: "instant" | "day";
  /** The assumption to report when the peak prices stood in for an unknown time of day. */
  readonly note: string | undefined;
}

/** The price record in effect for a model at a date, resolved for a service tier. */
export interface SelectedPrice {
  /** The model, with its provider. */
  readonly model: ModelInfo;
  /** The dated record as the table holds it (standard tier). */
  readonly record: PriceRecord;
  readonly serviceTier: ServiceTier;
  /** The tier's prices for requests at or below the long-context threshold (USD per million tokens). */
  readonly prices: TierPrices;
  /** The tier's long-context prices, when the model has a long-context tier. */
  readonly longContext: TierLongContextPrices | undefined;
  /** Set when the record has peak hours: which prices were used and why. */
  readonly timeOfDay: TimeOfDayPrice | undefined;
  /** The UTC date the record was selected for (`YYYY-MM-DD`). */
  readonly pricedOn: string;
  /** The table's version. */
  readonly pricingVersion: string;
}

const resolvedTiers = new WeakMap<PriceRecord, Map<string, ResolvedTier>>();

interface ResolvedTier {
  prices: TierPrices;
  longContext: TierLongContextPrices | undefined;
}

/**
 * Finds the price record of a model in effect on a date (`effectiveFrom` inclusive,
 * `effectiveUntil` exclusive) and resolves it for a service tier.
 *
 * A tier given as a multiplier scales every price, long-context prices included. A tier with its
 * own prices uses them; a price it lacks but the standard tier has (say, cache reads in batch) is
 * derived from the standard price by the tier's input (or output) price ratio, and `notes` says so.
 *
 * @throws TokenmeterError `UNKNOWN_MODEL` (with suggestions), `NO_PRICE_AT_DATE` (the message names
 *   the first priced date), `NO_SERVICE_TIER` (names the tiers offered), `INVALID_INPUT` (bad date).
 * @example
 * const price = selectPrice("gpt-4o", { at: "2024-11-01", serviceTier: "batch" });
 * price.prices.inputUsdPerMTok // the batch input price in USD per million tokens
 * price.record.effectiveFrom   // the date that record took effect
 */
export function selectPrice(model: string, opts?: SelectPriceOptions): SelectedPrice {
  const table = opts?.pricing ?? defaultPricingTable;
  const info = findModel(model, { pricing: table });
  const read: ReadDate | undefined = opts?.at === undefined ? undefined : readDateOption(opts.at);
  const pricedOn =
    read === undefined
      ? table.publishedOn
      : read.kind === "day"
        ? read.day
        : read.date.toISOString().slice(0, 10);
  const record = recordAt(info, pricedOn);
  const serviceTier = serviceTierOf(opts?.serviceTier);
  let timeOfDay: TimeOfDayPrice | undefined;
  let priced = record;
  if (record.peakHours !== undefined) {
    timeOfDay = timeOfDayAt(info.id, record, record.peakHours, read);
    if (timeOfDay.period === "peak") priced = peakRecordOf(record, record.peakHours);
  }
  const resolved = resolveTier(info, priced, serviceTier, pricedOn);
  return {
    model: info,
    record,
    serviceTier,
    prices: resolved.prices,
    longContext: resolved.longContext,
    timeOfDay,
    pricedOn,
    pricingVersion: table.version,
  };
}

const DAY_MS = 86_400_000;

/** Minutes since midnight of an `HH:MM` time or a `±HH:MM` offset's digits (`24:00` → 1440). */
function minutesOfTime(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** The peak windows of a record as text: `UTC 01:00–04:00 and 06:00–10:00`. */
export function describePeakWindows(peak: PeakHoursPrices): string {
  const listed = listOf(peak.windowsUtc.map((w) => `${w.from}–${w.until}`));
  const days = peak.offPeakAllDay;
  const except =
    days === undefined
      ? ""
      : `, except all day on ${listOf(days.weekdays.map((d) => `${d[0]?.toUpperCase()}${d.slice(1)}s`))} in UTC${days.utcOffset}`;
  return `UTC ${listed}${except}`;
}

/** `a`, `a and b`, `a, b and c`. */
function listOf(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? "")
    : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** True when the instant `ms` falls in one of the peak windows (`from` inclusive, `until` exclusive). */
export function isPeakAt(peak: PeakHoursPrices, ms: number): boolean {
  if (offPeakDay(peak, ms)) return false;
  const minute = (((ms % DAY_MS) + DAY_MS) % DAY_MS) / 60_000;
  return peak.windowsUtc.some(
    (w) => minutesOfTime(w.from) <= minute && minute < minutesOfTime(w.until),
  );
}

function offPeakDay(peak: PeakHoursPrices, ms: number): boolean {
  const rule = peak.offPeakAllDay;
  if (rule === undefined) return false;
  const sign = rule.utcOffset.startsWith("-") ? -1 : 1;
  const offsetMs = sign * minutesOfTime(rule.utcOffset.slice(1)) * 60_000;
  const weekday = WEEKDAYS[new Date(ms + offsetMs).getUTCDay()];
  return weekday !== undefined && rule.weekdays.includes(weekday);
}

function timeOfDayAt(
  modelId: string,
  offPeak: PriceRecord,
  peak: PeakHoursPrices,
  read: ReadDate | undefined,
): TimeOfDayPrice {
  if (read?.kind === "instant") {
    return {
      period: isPeakAt(peak, read.date.getTime()) ? "peak" : "off-peak",
      basis: "instant",
      note: undefined,
    };
  }
  // No time of day (a date, or a projection's representative day): the peak prices, an upper bound,
  // even on a day the windows do not apply, because a day may stand for a month (projectMonthly).
  return {
    period: "peak",
    basis: "day",
    note:
      `${modelId} has peak-hour prices (${describePeakWindows(peak)}) and this usage has no time of day (a date without a time, a usage bucket or a monthly projection): ` +
      `priced at the peak prices (input ${peak.inputUsdPerMTok}, output ${peak.outputUsdPerMTok} $/MTok), an upper bound; ` +
      `off-peak hours cost input ${offPeak.inputUsdPerMTok}, output ${offPeak.outputUsdPerMTok} $/MTok.`,
  };
}

const peakRecords = new WeakMap<PriceRecord, PriceRecord>();

/** The record as it reads inside its peak windows: the peak prices in place of its own. */
function peakRecordOf(record: PriceRecord, peak: PeakHoursPrices): PriceRecord {
  const memo = peakRecords.get(record);
  if (memo !== undefined) return memo;
  const {
    inputUsdPerMTok: _input,
    cachedInputUsdPerMTok: _cached,
    cacheWrite5mUsdPerMTok: _write5m,
    cacheWrite1hUsdPerMTok: _write1h,
    outputUsdPerMTok: _output,
    reasoningUsdPerMTok: _reasoning,
    peakHours: _peak,
    ...rest
  } = record;
  const { windowsUtc: _windows, offPeakAllDay: _days, ...prices } = peak;
  const view: PriceRecord = { ...rest, ...prices };
  peakRecords.set(record, view);
  return view;
}

/** Checked before any lookup: a name like `constructor` must not reach `record.serviceTiers[name]`. */
function serviceTierOf(value: unknown): ServiceTier {
  if (value === undefined) return "standard";
  if (typeof value === "string" && (SERVICE_TIERS as readonly string[]).includes(value)) {
    return value as ServiceTier;
  }
  const shown = typeof value === "string" ? `"${shownValue(value, 40)}"` : typeOfValue(value);
  throw new TokenmeterError(
    "INVALID_INPUT",
    `Unknown service tier ${shown}: use one of ${SERVICE_TIERS.join(", ")}.`,
    { details: { field: "serviceTier", known: [...SERVICE_TIERS] } },
  );
}

function recordAt(info: ModelInfo, day: string): PriceRecord {
  for (const record of info.prices) {
    if (
      record.effectiveFrom <= day &&
      (record.effectiveUntil === undefined || day < record.effectiveUntil)
    ) {
      return record;
    }
  }
  const first = info.prices[0];
  const last = info.prices[info.prices.length - 1];
  const firstPricedOn = first?.effectiveFrom ?? "";
  let why: string;
  if (day < firstPricedOn) {
    why = `its first price record starts on ${firstPricedOn}. Price usage from ${firstPricedOn} on, or pass your own table with an earlier record.`;
  } else if (last?.effectiveUntil !== undefined && day >= last.effectiveUntil) {
    why = `its last price record ended on ${last.effectiveUntil} (exclusive). Price usage from before that date.`;
  } else {
    const periods = info.prices
      .map((r) => `${r.effectiveFrom}–${r.effectiveUntil ?? "today"}`)
      .join(", ");
    why = `its price records cover ${periods}, with a gap on that date.`;
  }
  return throwNoPrice(info, day, firstPricedOn, why);
}

function throwNoPrice(info: ModelInfo, day: string, firstPricedOn: string, why: string): never {
  throw new TokenmeterError("NO_PRICE_AT_DATE", `No price for ${info.id} on ${day}: ${why}`, {
    details: { model: info.id, at: day, firstPricedOn },
  });
}

function resolveTier(
  info: ModelInfo,
  record: PriceRecord,
  tier: ServiceTier,
  day: string,
): ResolvedTier {
  let byTier = resolvedTiers.get(record);
  if (byTier === undefined) {
    byTier = new Map();
    resolvedTiers.set(record, byTier);
  }
  const cached = byTier.get(tier);
  if (cached !== undefined) return cached;
  const resolved = computeTier(info, record, tier, day);
  byTier.set(tier, resolved);
  return resolved;
}

function computeTier(
  info: ModelInfo,
  record: PriceRecord,
  tier: ServiceTier,
  day: string,
): ResolvedTier {
  const standard = pick(record, {});
  const standardLong =
    record.longContext === undefined
      ? undefined
      : { ...pick(record.longContext, {}), aboveInputTokens: record.longContext.aboveInputTokens };
  if (tier === "standard") return { prices: standard, longContext: standardLong };

  const spec: ServiceTierPrices | undefined = record.serviceTiers?.[tier];
  if (spec === undefined) {
    const offered = [
      "standard",
      ...(["batch", "flex", "priority"] as const).filter((t) => record.serviceTiers?.[t]),
    ];
    throw new TokenmeterError(
      "NO_SERVICE_TIER",
      `${info.id} has no ${tier} tier in its price record in effect on ${day} (from ${record.effectiveFrom}). Tiers offered: ${offered.join(", ")}.`,
      { details: { model: info.id, serviceTier: tier, at: day, offered } },
    );
  }

  if ("multiplier" in spec) {
    const m = spec.multiplier;
    return {
      prices: scale(standard, m, m, {}),
      longContext:
        standardLong === undefined
          ? undefined
          : {
              ...scale(standardLong, m, m, {}),
              aboveInputTokens: standardLong.aboveInputTokens,
            },
    };
  }

  const inputRatio = ratio(spec.inputUsdPerMTok, record.inputUsdPerMTok);
  const outputRatio = ratio(spec.outputUsdPerMTok, record.outputUsdPerMTok);
  const notes: Partial<Record<PriceKind, string>> = {};
  const prices = pick(spec, notes);
  // Fill what the tier leaves out from the standard record, scaled like the tier's base prices.
  const derive = (kind: "cachedInput" | "cacheWrite5m" | "cacheWrite1h" | "reasoning"): void => {
    const field = PRICE_FIELDS[kind];
    const standardPrice = record[field];
    if (prices[field] !== undefined || standardPrice === undefined) return;
    const r = kind === "reasoning" ? outputRatio : inputRatio;
    if (r === undefined) return;
    prices[field] = standardPrice * r;
    notes[kind] =
      `The ${tier} tier of ${info.id} has no ${PRICE_KIND_LABELS[kind]} price in the table: used the standard ` +
      `${PRICE_KIND_LABELS[kind]} price × ${formatRatio(r)} (the tier's ${kind === "reasoning" ? "output" : "input"}-price ratio).`;
  };
  derive("cachedInput");
  derive("cacheWrite5m");
  derive("cacheWrite1h");
  derive("reasoning");

  let longContext: TierLongContextPrices | undefined;
  if (spec.longContext !== undefined) {
    longContext = {
      ...pick(spec.longContext, {}),
      aboveInputTokens: spec.longContext.aboveInputTokens,
    };
  } else if (record.longContext !== undefined) {
    const lc = record.longContext;
    // Providers scale the long-context premium with the tier (batch halves both), so keep the
    // standard premium ratio per side and apply it to the tier's own prices.
    const inputPremium = ratio(lc.inputUsdPerMTok, record.inputUsdPerMTok) ?? 1;
    const outputPremium = ratio(lc.outputUsdPerMTok, record.outputUsdPerMTok) ?? 1;
    longContext = {
      ...scale({ ...prices, notes: {} }, inputPremium, outputPremium, {}),
      aboveInputTokens: lc.aboveInputTokens,
      note:
        `The ${tier} tier of ${info.id} has no long-context prices in the table: above ` +
        `${lc.aboveInputTokens} input tokens the tier's prices were raised by the standard long-context ` +
        `premium (input × ${formatRatio(inputPremium)}, output × ${formatRatio(outputPremium)}).`,
    };
  }
  return { prices: { ...prices, notes }, longContext };
}

/** The price field of the pricing table for each token kind. */
export const PRICE_FIELDS = {
  input: "inputUsdPerMTok",
  cachedInput: "cachedInputUsdPerMTok",
  cacheWrite5m: "cacheWrite5mUsdPerMTok",
  cacheWrite1h: "cacheWrite1hUsdPerMTok",
  output: "outputUsdPerMTok",
  reasoning: "reasoningUsdPerMTok",
} as const satisfies Record<PriceKind, keyof TokenPrices>;

/** How each token kind is named in messages (`cache-read`, `5-minute cache-write`…). */
export const PRICE_KIND_LABELS: Readonly<Record<PriceKind, string>> = {
  input: "input",
  cachedInput: "cache-read",
  cacheWrite5m: "5-minute cache-write",
  cacheWrite1h: "1-hour cache-write",
  output: "output",
  reasoning: "reasoning",
};

type MutablePrices = { -readonly [K in keyof TokenPrices]: TokenPrices[K] } & {
  notes: Partial<Record<PriceKind, string>>;
};

/** Copies only the token-price fields (drops dates, tiers, source…), keeping absent ones absent. */
function pick(
  from: TokenPrices | LongContextPrices,
  notes: Partial<Record<PriceKind, string>>,
): MutablePrices {
  const out: MutablePrices = {
    inputUsdPerMTok: from.inputUsdPerMTok,
    outputUsdPerMTok: from.outputUsdPerMTok,
    notes,
  };
  if (from.cachedInputUsdPerMTok !== undefined)
    out.cachedInputUsdPerMTok = from.cachedInputUsdPerMTok;
  if (from.cacheWrite5mUsdPerMTok !== undefined)
    out.cacheWrite5mUsdPerMTok = from.cacheWrite5mUsdPerMTok;
  if (from.cacheWrite1hUsdPerMTok !== undefined)
    out.cacheWrite1hUsdPerMTok = from.cacheWrite1hUsdPerMTok;
  if (from.reasoningUsdPerMTok !== undefined) out.reasoningUsdPerMTok = from.reasoningUsdPerMTok;
  return out;
}

/** Input-side prices × `inputFactor`, output-side × `outputFactor`. */
function scale(
  from: TierPrices,
  inputFactor: number,
  outputFactor: number,
  notes: Partial<Record<PriceKind, string>>,
): MutablePrices {
  const out = pick(from, notes);
  out.inputUsdPerMTok *= inputFactor;
  out.outputUsdPerMTok *= outputFactor;
  if (out.cachedInputUsdPerMTok !== undefined) out.cachedInputUsdPerMTok *= inputFactor;
  if (out.cacheWrite5mUsdPerMTok !== undefined) out.cacheWrite5mUsdPerMTok *= inputFactor;
  if (out.cacheWrite1hUsdPerMTok !== undefined) out.cacheWrite1hUsdPerMTok *= inputFactor;
  if (out.reasoningUsdPerMTok !== undefined) out.reasoningUsdPerMTok *= outputFactor;
  return out;
}

function ratio(numerator: number, denominator: number): number | undefined {
  return denominator > 0 ? numerator / denominator : undefined;
}

function formatRatio(r: number): string {
  return String(Number(r.toPrecision(4)));
}
