import {
  PRICE_FIELDS,
  PRICE_KIND_LABELS,
  type PriceKind,
  type SelectedPrice,
  type TierPrices,
} from "../pricing/select-price.ts";

/**
 * A complete set of prices, one per token kind, in USD per million tokens: what the cost engine
 * multiplies token counts by. Every kind has a number; where the table had none, a stated fallback.
 */
export interface RatesUsdPerMTok {
  input: number;
  cachedInput: number;
  cacheWrite5m: number;
  cacheWrite1h: number;
  output: number;
  reasoning: number;
}

/** Rates plus why any of them is not the table's own number (by token kind). */
export interface RateSet {
  readonly usdPerMTok: Readonly<RatesUsdPerMTok>;
  /** Fallback or derivation notes, shown only when tokens of that kind are priced. */
  readonly notes: Readonly<Partial<Record<PriceKind, string>>>;
}

/** The rates of one model, date and service tier, ready for arithmetic. */
export interface CompiledRates {
  readonly base: RateSet;
  /** Present when the model has a long-context tier. */
  readonly longContext:
    | (RateSet & { readonly aboveInputTokens: number; readonly note: string | undefined })
    | undefined;
}

/**
 * Cache-write prices relative to the input price where the table has none: Anthropic bills 5-minute
 * writes at 1.25× and 1-hour writes at 2× the base input price (docs.anthropic.com, prompt caching),
 * and OpenAI bills GPT-5.6 writes at 1.25×. Providers without write billing never report writes.
 */
const CACHE_WRITE_5M_PREMIUM = 1.25;
const CACHE_WRITE_1H_PREMIUM = 2;

const compiled = new WeakMap<SelectedPrice["prices"], CompiledRates>();

/**
 * Fills the gaps of a selected price with the engine's stated fallbacks:
 * - reasoning without its own price → the output price (the normal rule, no note);
 * - cache reads without a price → the input price (an upper bound; noted);
 * - 5-minute cache writes without a price → 1.25 × the input price (noted);
 * - 1-hour cache writes without a price → 2 × the input price (noted);
 * - a long-context tier missing a kind the standard tier has → the standard price × the tier's
 *   input (or output) premium (noted).
 * An explicit 0 in the table is a price of $0, never a gap.
 */
export function compileRates(selected: SelectedPrice): CompiledRates {
  const memo = compiled.get(selected.prices);
  if (memo !== undefined) return memo;
  const id = selected.model.id;
  const base = fill(selected.prices, id, undefined);
  const lc = selected.longContext;
  const result: CompiledRates = {
    base,
    longContext:
      lc === undefined
        ? undefined
        : {
            ...fill(lc, id, { prices: selected.prices, aboveInputTokens: lc.aboveInputTokens }),
            aboveInputTokens: lc.aboveInputTokens,
            note: lc.note,
          },
  };
  compiled.set(selected.prices, result);
  return result;
}

function fill(
  prices: TierPrices,
  modelId: string,
  standard: { prices: TierPrices; aboveInputTokens: number } | undefined,
): RateSet {
  const notes: Partial<Record<PriceKind, string>> = { ...prices.notes };
  const where =
    standard === undefined
      ? ""
      : ` in its long-context tier (above ${standard.aboveInputTokens} input tokens)`;
  const inputPremium =
    standard !== undefined && standard.prices.inputUsdPerMTok > 0
      ? prices.inputUsdPerMTok / standard.prices.inputUsdPerMTok
      : undefined;
  const outputPremium =
    standard !== undefined && standard.prices.outputUsdPerMTok > 0
      ? prices.outputUsdPerMTok / standard.prices.outputUsdPerMTok
      : undefined;

  // A long-context tier that lacks a kind the standard prices have: scale the standard price.
  const fromStandard = (kind: PriceKind): number | undefined => {
    if (standard === undefined) return undefined;
    const price = standard.prices[PRICE_FIELDS[kind]];
    const premium = kind === "reasoning" ? outputPremium : inputPremium;
    if (price === undefined || premium === undefined) return undefined;
    notes[kind] =
      `${modelId} has no ${PRICE_KIND_LABELS[kind]} price${where}: used the standard ${PRICE_KIND_LABELS[kind]} price × ` +
      `${round4(premium)} (the tier's ${kind === "reasoning" ? "output" : "input"} premium).`;
    return price * premium;
  };

  const input = prices.inputUsdPerMTok;
  const output = prices.outputUsdPerMTok;

  let cachedInput = prices.cachedInputUsdPerMTok ?? fromStandard("cachedInput");
  if (cachedInput === undefined) {
    cachedInput = input;
    notes.cachedInput = `${modelId} has no cache-read price${where} in the table: cache reads priced at the input price (${input} $/MTok), an upper bound.`;
  }

  let cacheWrite5m = prices.cacheWrite5mUsdPerMTok ?? fromStandard("cacheWrite5m");
  if (cacheWrite5m === undefined) {
    cacheWrite5m = input * CACHE_WRITE_5M_PREMIUM;
    notes.cacheWrite5m = `${modelId} has no cache-write price${where} in the table: cache writes priced at 1.25 × the input price (${cacheWrite5m} $/MTok), the write premium Anthropic and OpenAI (GPT-5.6+) publish.`;
  }

  let cacheWrite1h = prices.cacheWrite1hUsdPerMTok ?? fromStandard("cacheWrite1h");
  if (cacheWrite1h === undefined) {
    cacheWrite1h = input * CACHE_WRITE_1H_PREMIUM;
    notes.cacheWrite1h = `${modelId} has no 1-hour cache-write price${where} in the table: 1-hour writes priced at 2 × the input price (${cacheWrite1h} $/MTok), Anthropic's published 1-hour write multiplier.`;
  }

  // Reasoning is billed as output unless the provider prices it apart: the rule, not a guess.
  const reasoning = prices.reasoningUsdPerMTok ?? fromStandard("reasoning") ?? output;

  return {
    usdPerMTok: { input, cachedInput, cacheWrite5m, cacheWrite1h, output, reasoning },
    notes,
  };
}

function round4(value: number): string {
  return String(Number(value.toPrecision(4)));
}
