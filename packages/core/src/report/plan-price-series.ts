/**
 * A subscription plan's monthly price over time, as the report needs it. Build it from the plans
 * table (`planPriceSeries`) or by hand for a plan that is not in the table.
 */
export interface PlanPriceSeries {
  planId: string;
  planName: string;
  /** Dated prices: `effectiveFrom` inclusive, `effectiveUntil` exclusive (ISO dates). */
  prices: ReadonlyArray<{
    effectiveFrom: string;
    effectiveUntil?: string | undefined;
    usdPerMonth: number;
  }>;
}

/**
 * The plan's monthly price in USD on `isoDate` (`YYYY-MM-DD`), or `null` when no price was in
 * effect (the plan was not on sale yet, or was withdrawn).
 *
 * @example planUsdPerMonthOn({ planId: "plus", planName: "Plus", prices: [{ effectiveFrom: "2023-02-01", usdPerMonth: 20 }] }, "2025-03-01") // 20
 */
export function planUsdPerMonthOn(series: PlanPriceSeries, isoDate: string): number | null {
  for (const price of series.prices) {
    if (
      price.effectiveFrom <= isoDate &&
      (price.effectiveUntil === undefined || isoDate < price.effectiveUntil)
    ) {
      return price.usdPerMonth;
    }
  }
  return null;
}
