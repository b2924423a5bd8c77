export {
  type CapCheck,
  type CapDemand,
  type CapStatus,
  type CapsVerdict,
  checkCaps,
  messagesInWindow,
} from "./check-caps.ts";
export {
  type BreakEven,
  type ComparePlansOptions,
  comparePlans,
  type PlanSelection,
  type SubscriptionComparison,
  solveBreakEven,
} from "./compare-plans.ts";
export { DEFAULT_PLAN_ID, defaultModelId, planPrimaryModel } from "./default-model.ts";
export { defaultPlansTable, plansVersion } from "./default-plans.ts";
export { findPlan } from "./find-plan.ts";
export {
  type ListPlansOptions,
  listPlans,
  type PlanInfo,
  type PlanPrice,
  planInfo,
  planPriceAt,
  planPriceSeries,
} from "./list-plans.ts";
export { type LoadPlansOptions, loadPlans } from "./load-plans.ts";
export { PRESET_NAMES, type PresetName, USAGE_PRESETS, usagePreset } from "./presets.ts";
export {
  type ConversationCurve,
  dayValue,
  type ModelMonthlyCost,
  type ModelScenario,
  type MonthlyCostComponents,
  type MonthlyProjection,
  type MonthlyTokens,
  monthlyCostAt,
  type ProjectMonthlyOptions,
  projectMonthly,
} from "./project-monthly.ts";
export { renderPlansModule } from "./render-plans-module.ts";
export * from "./schema.ts";
export {
  roundUpUsd,
  SPENDING_LIMIT_HEADROOM,
  type SpendingLimit,
  suggestSpendingLimit,
} from "./spending-limit.ts";
export * from "./usage-profile.ts";
export { formatPlansPath, type PlansIssue, validatePlansTable } from "./validate-plans.ts";
