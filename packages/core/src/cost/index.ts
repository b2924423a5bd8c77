export type { CostBreakdown } from "./cost-breakdown.ts";
export { priceUsage } from "./price-usage.ts";
export { type CompiledRates, compileRates, type RateSet, type RatesUsdPerMTok } from "./rates.ts";
