export { type Calendar, createCalendar, daysInMonth, monthsBetween } from "./calendar.ts";
export {
  type CoverageSnapshot,
  type CoverageTracker,
  createCoverageTracker,
  MAX_LOCATIONS_PER_REASON,
} from "./coverage-tracker.ts";
export { type PlanPriceSeries, planUsdPerMonthOn } from "./plan-price-series.ts";
export {
  createReportBuilder,
  type ReportBuilder,
  type ReportBuilderOptions,
  type ReportEntry,
  type ReportEntryCost,
  type ReportFinishInput,
  type ScenarioPricing,
} from "./report-builder.ts";
export * from "./report-schema.ts";
