import { planInfo } from "./list-plans.ts";

/** The plan usage is compared with when none is chosen: ChatGPT Plus, the most common subscription. */
export const DEFAULT_PLAN_ID = "chatgpt-plus";

/**
 * The API model the plans table names as the fair equivalent of what a plan serves (its `primary`
 * equivalent model), from the bundled plans table: data, not a constant in code.
 *
 * @throws TokenmeterError `UNKNOWN_PLAN` for an id the plans table does not know.
 * @example
 * planPrimaryModel("claude-pro"); // "claude-sonnet-5" (plans table of 2026-11-27)
 */
export function planPrimaryModel(planId: string): string | undefined {
  const equivalents = planInfo(planId).terms.equivalentModels;
  return (equivalents.find((model) => model.role === "primary") ?? equivalents[0])?.model;
}

/**
 * The model used when one is needed and none was given: the primary equivalent model of
 * {@link DEFAULT_PLAN_ID} (what ChatGPT Plus serves).
 *
 * @example
 * defaultModelId(); // "gpt-5.5" (plans table of 2026-11-27)
 */
export function defaultModelId(): string {
  return planPrimaryModel(DEFAULT_PLAN_ID) ?? "gpt-4o";
}
