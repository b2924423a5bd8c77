import { findModel, listModels, type ModelInfo } from "../pricing/find-model.ts";
import type { PricingTable } from "../pricing/schema.ts";
import { countNoun, listWords } from "../report/count-noun.ts";
import { defaultAssumedModelId } from "./default-plan.ts";

/**
 * The model a conversation is priced on when its export records none (Claude.ai). Chosen once
 * per conversation, from the day it started.
 */
export interface AssumedModel {
  /** The model for a conversation whose first message was written at `startMs`. */
  at(startMs: number): ModelInfo;
  /** One sentence for the assumptions: which model(s), for how many conversations, and why. */
  describe(): string | undefined;
}

const ONE_DAY_MS = 86_400_000;

/** `Claude Sonnet 4.5` → `Claude Sonnet`; `undefined` when the name has no version number. */
function familyOf(model: ModelInfo): string | undefined {
  const match = /^(.*?)\s+\d/.exec(model.displayName);
  return match?.[1];
}

/**
 * The assumed model of an estimate. With `explicitId` (`--assume-model`), always that model.
 * Otherwise the newest model of the default's family (Claude Pro's primary model, a Claude
 * Sonnet) that the table prices on the conversation's first day: a chat from August 2025 is
 * priced on the Sonnet Claude.ai served then, not on one released a year later. A conversation
 * older than the family's first priced model uses that first model (at its first price, noted).
 */
export function createAssumedModel(
  pricing: PricingTable,
  explicitId: string | undefined,
): AssumedModel {
  const byPricing = { pricing };
  const chosen = findModel(explicitId ?? defaultAssumedModelId(), byPricing);
  const uses = new Map<string, number>();
  const family = explicitId === undefined ? familyOf(chosen) : undefined;
  const candidates =
    family === undefined
      ? [chosen]
      : listModels(byPricing)
          .filter(
            (model) =>
              model.provider === chosen.provider &&
              model.displayName.startsWith(`${family} `) &&
              model.prices[0] !== undefined,
          )
          .sort((a, b) =>
            (a.prices[0]?.effectiveFrom ?? "").localeCompare(b.prices[0]?.effectiveFrom ?? ""),
          );
  if (!candidates.some((model) => model.id === chosen.id))
    candidates.splice(0, candidates.length, chosen);
  const cache = new Map<string, ModelInfo>();

  function pick(day: string): ModelInfo {
    let picked = candidates[0] ?? chosen;
    for (const model of candidates) {
      if ((model.prices[0]?.effectiveFrom ?? "") <= day) picked = model;
    }
    return picked;
  }

  return {
    at(startMs) {
      const day = Number.isFinite(startMs)
        ? new Date(Math.floor(startMs / ONE_DAY_MS) * ONE_DAY_MS).toISOString().slice(0, 10)
        : "9999-12-31";
      let model = cache.get(day);
      if (model === undefined) {
        model = pick(day);
        cache.set(day, model);
      }
      uses.set(model.id, (uses.get(model.id) ?? 0) + 1);
      return model;
    },
    describe() {
      const total = [...uses.values()].reduce((sum, count) => sum + count, 0);
      if (total === 0) return undefined;
      if (family === undefined) {
        return `Claude.ai exports do not record the model: ${countNoun(total, "conversation")} priced as ${chosen.id} (${chosen.displayName}; change with the assumeModel option).`;
      }
      const parts = [...uses].map(([id, count]) => `${id} for ${countNoun(count, "conversation")}`);
      return `Claude.ai exports do not record the model: each conversation is priced on the newest ${family} the table prices on the day it started (${listWords(parts)}); choose one model with the assumeModel option.`;
    },
  };
}
