import type { LogFormat } from "../logs/log-format.ts";
import { DEFAULT_PLAN_ID, defaultModelId, planPrimaryModel } from "../plans/default-model.ts";

/** The plan a Claude-only history is compared with when none is chosen. */
const CLAUDE_PLAN_ID = "claude-pro";

/**
 * The plan a history is compared with when none is chosen: ChatGPT Plus, or Claude Pro when every
 * log read is a Claude one (Claude.ai export, Claude Code).
 */
export function defaultPlanIdFor(formats: Iterable<LogFormat>): string {
  const list = [...formats];
  const claudeOnly =
    list.length > 0 &&
    list.every((format) => format === "claude-export" || format === "claude-code");
  return claudeOnly ? CLAUDE_PLAN_ID : DEFAULT_PLAN_ID;
}

/** The model assumed for exports that record none (Claude.ai): what Claude Pro serves. */
export function defaultAssumedModelId(): string {
  return planPrimaryModel(CLAUDE_PLAN_ID) ?? defaultModelId();
}
