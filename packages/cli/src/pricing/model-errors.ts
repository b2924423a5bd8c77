import { isTokenmeterError, listPlans } from "@tokenmeter/core";
import { usageError } from "../cli-error.ts";

/**
 * Rewrites core's UNKNOWN_MODEL for a model named on the command line: a usage error (exit 2)
 * whose advice names the CLI's own ways out (`tokenmeter prices`, `--pricing`).
 */
export function asModelUsageError(error: unknown): unknown {
  if (!isTokenmeterError(error, "UNKNOWN_MODEL")) return error;
  const model = typeof error.details.model === "string" ? error.details.model : "?";
  const suggestions = Array.isArray(error.details.suggestions)
    ? error.details.suggestions.filter((item): item is string => typeof item === "string")
    : [];
  const version =
    typeof error.details.pricingVersion === "string"
      ? ` (pricing table ${error.details.pricingVersion})`
      : "";
  return usageError(
    `Unknown model "${model}"${version}.${suggestions.length > 0 ? ` Did you mean ${suggestions.map((id) => `"${id}"`).join(", ")}?` : ""}`,
    "Run `tokenmeter prices` to list the known models, or bring your own table with --pricing <file>.",
  );
}

/**
 * Rewrites core's UNKNOWN_PLAN for a plan named on the command line: a usage error (exit 2) that
 * lists every plan id (with its aliases) instead of pointing at the library's `listPlans()`.
 */
export function asPlanUsageError(error: unknown): unknown {
  if (!isTokenmeterError(error, "UNKNOWN_PLAN")) return error;
  const plan = typeof error.details.plan === "string" ? error.details.plan : "?";
  const suggestions = Array.isArray(error.details.suggestions)
    ? error.details.suggestions.filter((item): item is string => typeof item === "string")
    : [];
  const version =
    typeof error.details.plansVersion === "string"
      ? ` (plans table ${error.details.plansVersion})`
      : "";
  const ids = listPlans().map((known) =>
    known.aliases.length > 0 ? `${known.id} (${known.aliases.join(", ")})` : known.id,
  );
  return usageError(
    `Unknown plan "${plan}"${version}.${suggestions.length > 0 ? ` Did you mean ${suggestions.map((id) => `"${id}"`).join(", ")}?` : ""}`,
    `The plans: ${ids.join(", ")}.`,
  );
}
