import { type SelectPriceOptions, selectPrice } from "../pricing/select-price.ts";
import { normalizeUsage } from "../usage/normalize-usage.ts";
import type { UsageInput } from "../usage/usage.ts";
import type { CostBreakdown } from "./cost-breakdown.ts";
import { compileRates } from "./rates.ts";

const PER_MTOK = 1_000_000;

/**
 * Prices a usage against the price record in effect at `opts.at`.
 *
 * Arithmetic: `tokens × usdPerMTok / 1,000,000` per token kind, at full precision.
 * Long-context tiers follow the providers' rule: when the request's whole input (uncached + cache
 * reads + cache writes) is **above** the threshold, every token of the request, output included, is
 * billed at the long-context prices; at or below it, none is. A price the table lacks for a kind that
 * has tokens is replaced by a stated fallback listed in `assumptions` (never a silent $0); an explicit
 * 0 in the table is $0. Reasoning tokens use the output price unless the table prices them apart.
 *
 * @param usage token counts (`Usage` fields; omitted ones are 0). Convert provider objects with
 *   `usageFromOpenAI`, `usageFromAnthropic` or `usageFromGemini` first.
 * @param model a model id or alias (`gpt-4o`, `openai/gpt-4o-2024-08-06`…).
 * @param opts `at` (date of the usage; default the table's `publishedOn`), `serviceTier`
 *   (default `standard`), `pricing` (default the bundled table).
 * @throws TokenmeterError `INVALID_USAGE` (negative, fractional, NaN, Infinity or unknown field,
 *   named), `UNKNOWN_MODEL`, `NO_PRICE_AT_DATE`, `NO_SERVICE_TIER`, `INVALID_INPUT` (bad date).
 * @example
 * const cost = priceUsage(usageFromOpenAI(response.usage), "gpt-4o", { at: "2024-09-01" });
 * cost.totalUsd          // e.g. 0.00415 (USD)
 * cost.pricingVersion    // "2026.11.27.3"
 */
export function priceUsage(
  usage: UsageInput,
  model: string,
  opts?: SelectPriceOptions,
): CostBreakdown {
  const u = normalizeUsage(usage);
  const selected = selectPrice(model, opts);
  const rates = compileRates(selected);
  const wholeInputTokens =
    u.inputTokens + u.cachedInputTokens + u.cacheWrite5mTokens + u.cacheWrite1hTokens;
  const long = rates.longContext;
  const longContextApplied = long !== undefined && wholeInputTokens > long.aboveInputTokens;
  const set = longContextApplied ? long : rates.base;
  const r = set.usdPerMTok;

  const inputUsd = (u.inputTokens * r.input) / PER_MTOK;
  const cachedInputUsd = (u.cachedInputTokens * r.cachedInput) / PER_MTOK;
  const cacheWriteUsd =
    (u.cacheWrite5mTokens * r.cacheWrite5m) / PER_MTOK +
    (u.cacheWrite1hTokens * r.cacheWrite1h) / PER_MTOK;
  const outputUsd = (u.outputTokens * r.output) / PER_MTOK;
  const reasoningUsd = (u.reasoningTokens * r.reasoning) / PER_MTOK;

  const assumptions: string[] = [];
  if (selected.timeOfDay?.note !== undefined) assumptions.push(selected.timeOfDay.note);
  if (longContextApplied && long.note !== undefined) assumptions.push(long.note);
  const notes = set.notes;
  if (u.inputTokens > 0 && notes.input !== undefined) assumptions.push(notes.input);
  if (u.cachedInputTokens > 0 && notes.cachedInput !== undefined)
    assumptions.push(notes.cachedInput);
  if (u.cacheWrite5mTokens > 0 && notes.cacheWrite5m !== undefined)
    assumptions.push(notes.cacheWrite5m);
  if (u.cacheWrite1hTokens > 0 && notes.cacheWrite1h !== undefined)
    assumptions.push(notes.cacheWrite1h);
  if (u.outputTokens > 0 && notes.output !== undefined) assumptions.push(notes.output);
  if (u.reasoningTokens > 0 && notes.reasoning !== undefined) assumptions.push(notes.reasoning);

  const breakdown: CostBreakdown = {
    model: selected.model.id,
    provider: selected.model.provider,
    usage: u,
    inputUsd,
    cachedInputUsd,
    cacheWriteUsd,
    outputUsd,
    reasoningUsd,
    totalUsd: inputUsd + cachedInputUsd + cacheWriteUsd + outputUsd + reasoningUsd,
    priceEffectiveFrom: selected.record.effectiveFrom,
    pricedOn: selected.pricedOn,
    pricingVersion: selected.pricingVersion,
    serviceTier: selected.serviceTier,
    longContextApplied,
    ratesUsdPerMTok: r,
    assumptions,
  };
  // Added only for peak-hour records: a spread in the literal above would slow every call ~1.6×.
  if (selected.timeOfDay === undefined) return breakdown;
  return { ...breakdown, timeOfDay: selected.timeOfDay.period };
}
