// Reading the pricing table for display: which dated record is in effect on a day, and the
// history of a model's prices as plain data the price-history island can take as props.
import type { ModelInfo, PriceRecord } from "@tokenmeter/core";

/** The price record of `model` in effect on `isoDay` (`YYYY-MM-DD`), if any. */
export function recordOn(model: ModelInfo, isoDay: string): PriceRecord | undefined {
  return model.prices.find(
    (record) =>
      record.effectiveFrom <= isoDay &&
      (record.effectiveUntil === undefined || isoDay < record.effectiveUntil),
  );
}

/** One period of a model's standard prices, in USD per million tokens. */
export interface PricePeriod {
  from: string;
  until: string | null;
  inputUsdPerMTok: number;
  cachedInputUsdPerMTok: number | null;
  outputUsdPerMTok: number;
  source: string;
  checked: string;
}

/** A model's price history, oldest first, for the price-history chart. */
export interface ModelHistory {
  id: string;
  displayName: string;
  providerDisplayName: string;
  periods: PricePeriod[];
}

export function historyOf(model: ModelInfo): ModelHistory {
  return {
    id: model.id,
    displayName: model.displayName,
    providerDisplayName: model.providerDisplayName,
    periods: [...model.prices]
      .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))
      .map((record) => ({
        from: record.effectiveFrom,
        until: record.effectiveUntil ?? null,
        inputUsdPerMTok: record.inputUsdPerMTok,
        cachedInputUsdPerMTok: record.cachedInputUsdPerMTok ?? null,
        outputUsdPerMTok: record.outputUsdPerMTok,
        source: record.source,
        checked: record.checked,
      })),
  };
}
