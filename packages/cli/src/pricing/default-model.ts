import { planInfo } from "@tokenmeter/core";

/** The plan each month is compared with when `--plan` is not given. */
export const DEFAULT_PLAN_ID = "chatgpt-plus";

/**
 * The model used when a command needs one and none was given: the API model the plans table
 * names as the fair equivalent of what ChatGPT Plus serves (data, not a constant in code).
 */
export function defaultModelId(): string {
  const equivalents = planInfo(DEFAULT_PLAN_ID).terms.equivalentModels;
  const primary = equivalents.find((model) => model.role === "primary") ?? equivalents[0];
  return primary?.model ?? "gpt-4o";
}
