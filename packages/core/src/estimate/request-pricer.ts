import type { CostBreakdown } from "../cost/cost-breakdown.ts";
import { priceUsage } from "../cost/price-usage.ts";
import { isTokenmeterError } from "../errors.ts";
import { findModel, type ModelInfo } from "../pricing/find-model.ts";
import type { PricingTable, ServiceTier } from "../pricing/schema.ts";
import type { ScenarioPricing } from "../report/report-builder.ts";
import type { Usage } from "../usage/usage.ts";
import type { AssumptionNotes } from "./assumption-notes.ts";

/** A model id from a log, resolved once: the table's model, or why it has none. */
export type ResolvedModel =
  | { known: true; info: ModelInfo }
  | { known: false; raw: string; suggestions: string[] };

/**
 * What to do with a request dated before the model's first price: leave it unpriced (the model
 * really answered it, so a missing price is a gap in the table), or use the first price (a
 * re-pricing: "what would this have cost on X" means X as it was first sold).
 */
export type BeforeRelease = "unpriced" | "first-price";

/** Prices usages with memoized model lookups, turning unknown models and dates into unpriced results. */
export interface RequestPricer {
  readonly pricing: PricingTable;
  resolve(model: string): ResolvedModel;
  /**
   * Prices `usage` on `model` at `at` (ISO timestamp or date). Never throws for an unknown model,
   * a date before the model's first price or a missing service tier: those become unpriced
   * results, or a first-price / standard-tier price with a note.
   */
  price(
    usage: Usage,
    model: string,
    at: string,
    usageExact: boolean,
    serviceTier?: ServiceTier,
    beforeRelease?: BeforeRelease,
  ): ScenarioPricing;
}

/**
 * Notes one request priced at its model's first price because it is dated before it (ChatGPT
 * often served a model before the API sold it; re-pricing on a newer model means it as first
 * sold). All models' notes read as one sentence: `…: o3, first priced 2025-04-16 (32 requests); …`.
 */
export function noteFirstPrice(notes: AssumptionNotes, model: ModelInfo): void {
  const first = model.prices[0]?.effectiveFrom ?? "its release";
  notes.add(
    "first-price",
    `${model.id} had no API price before ${first}: earlier requests on it use its first price.`,
    {
      unit: "request",
      merge: {
        key: "first-price",
        intro: "Requests dated before their model's first API price are priced at that first price",
        item: `${model.id}, first priced ${first}`,
      },
    },
  );
}

export function createRequestPricer(pricing: PricingTable, notes: AssumptionNotes): RequestPricer {
  const resolved = new Map<string, ResolvedModel>();

  function resolve(model: string): ResolvedModel {
    const cached = resolved.get(model);
    if (cached !== undefined) return cached;
    let result: ResolvedModel;
    try {
      result = { known: true, info: findModel(model, { pricing }) };
    } catch (error) {
      if (!isTokenmeterError(error, "UNKNOWN_MODEL")) throw error;
      const suggestions = Array.isArray(error.details.suggestions)
        ? error.details.suggestions.filter((item): item is string => typeof item === "string")
        : [];
      result = { known: false, raw: model, suggestions };
    }
    resolved.set(model, result);
    return result;
  }

  function price(
    usage: Usage,
    model: string,
    at: string,
    usageExact: boolean,
    serviceTier?: ServiceTier,
    beforeRelease: BeforeRelease = "unpriced",
  ): ScenarioPricing {
    const target = resolve(model);
    if (!target.known) {
      return {
        usage,
        usageExact,
        cost: null,
        unpricedModel: target.raw,
        reason: "UNKNOWN_MODEL",
        suggestions: target.suggestions,
      };
    }
    const id = target.info.id;
    let cost: CostBreakdown;
    try {
      cost = priceUsage(usage, id, {
        at,
        pricing,
        ...(serviceTier === undefined ? {} : { serviceTier }),
      });
    } catch (error) {
      if (isTokenmeterError(error, "NO_PRICE_AT_DATE")) {
        const first = target.info.prices[0]?.effectiveFrom;
        if (beforeRelease === "first-price" && first !== undefined && at.slice(0, 10) < first) {
          noteFirstPrice(notes, target.info);
          return price(usage, model, first, usageExact, serviceTier, "unpriced");
        }
        return { usage, usageExact, cost: null, unpricedModel: id, reason: "NO_PRICE_AT_DATE" };
      }
      if (isTokenmeterError(error, "NO_SERVICE_TIER") && serviceTier !== undefined) {
        notes.add(
          "service-tier-fallback",
          `Requests logged as ${serviceTier} on ${id} are priced at standard rates: the table has no ${serviceTier} price for it.`,
          "request",
        );
        return price(usage, model, at, usageExact, undefined, beforeRelease);
      }
      throw error;
    }
    for (const assumption of cost.assumptions) {
      // Most of priceUsage's notes already start with the model ("gpt-4 has no cache-read price…").
      const text = assumption.startsWith(`${id} `) ? assumption : `${id}: ${assumption}`;
      notes.add("price-fallback", text, { unit: "request", subject: id });
    }
    return { usage, usageExact, cost };
  }

  return { pricing, resolve, price };
}
