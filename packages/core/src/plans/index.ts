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
export { renderPlansModule } from "./render-plans-module.ts";
export * from "./schema.ts";
export { formatPlansPath, type PlansIssue, validatePlansTable } from "./validate-plans.ts";
