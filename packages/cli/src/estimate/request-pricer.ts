import {
  type CostBreakdown,
  findModel,
  isTokenmeterError,
  type ModelInfo,
  type PricingTable,
  priceUsage,
  type ScenarioPricing,
  type ServiceTier,
  type Usage,
} from "@tokenmeter/core";
import type { AssumptionNotes } from "./assumption-notes.ts";

/** A model id from a log, resolved once: the table's model, or why it has none. */
export type ResolvedModel =
  | { known: true; info: ModelInfo }
  | { known: false; raw: string; suggestions: string[] };

/** Prices usages with memoized model lookups, turning unknown models and dates into unpriced results. */
export interface RequestPricer {
  readonly pricing: PricingTable;
  resolve(model: string): ResolvedModel;
  /**
   * Prices `usage` on `model` at `at` (ISO timestamp). Never throws for an unknown model, a date
   * before the model's first price or a missing service tier: those become unpriced results or a
   * standard-tier price with a note.
   */
  price(
    usage: Usage,
    model: string,
    at: string,
    usageExact: boolean,
    serviceTier?: ServiceTier,
  ): ScenarioPricing;
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
        return { usage, usageExact, cost: null, unpricedModel: id, reason: "NO_PRICE_AT_DATE" };
      }
      if (isTokenmeterError(error, "NO_SERVICE_TIER") && serviceTier !== undefined) {
        notes.add(
          "service-tier-fallback",
          `Requests logged as ${serviceTier} on ${id} are priced at standard rates: the table has no ${serviceTier} price for it.`,
        );
        return price(usage, model, at, usageExact);
      }
      throw error;
    }
    for (const assumption of cost.assumptions) notes.add("price-fallback", `${id}: ${assumption}`);
    return { usage, usageExact, cost };
  }

  return { pricing, resolve, price };
}
