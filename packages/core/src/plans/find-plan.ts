import { TokenmeterError } from "../errors.ts";
import { shownValue, typeOfValue } from "../pricing/shown-value.ts";
import { suggestClosest } from "./_suggest.ts";
import { defaultPlansTable } from "./default-plans.ts";
import type { Plan, PlansTable } from "./schema.ts";

const indexes = new WeakMap<PlansTable, Map<string, Plan>>();

function indexOf(table: PlansTable): Map<string, Plan> {
  const cached = indexes.get(table);
  if (cached !== undefined) return cached;
  const index = new Map<string, Plan>();
  for (const plan of table.plans) {
    for (const key of [plan.id, ...plan.aliases]) {
      const lower = key.toLowerCase();
      if (!index.has(lower)) index.set(lower, plan);
    }
  }
  indexes.set(table, index);
  return index;
}

/**
 * Resolves a plan id or alias (case-insensitive), e.g. `chatgpt-plus`, `plus`, `claude-max-5x`.
 *
 * @param opts.plans the table to search (default: the bundled {@link defaultPlansTable}).
 * @throws TokenmeterError `UNKNOWN_PLAN`; the message names up to three close ids and
 *   `details.suggestions` holds them.
 * @example
 * findPlan("plus").id // "chatgpt-plus"
 */
export function findPlan(idOrAlias: string, opts?: { plans?: PlansTable }): Plan {
  if (typeof idOrAlias !== "string") {
    throw new TokenmeterError(
      "INVALID_INPUT",
      `A plan id must be a string such as "chatgpt-plus", got ${typeOfValue(idOrAlias)}.`,
      { details: { field: "plan" } },
    );
  }
  const table = opts?.plans ?? defaultPlansTable;
  const index = indexOf(table);
  const found = index.get(idOrAlias.trim().toLowerCase());
  if (found !== undefined) return found;
  const suggestions = suggestClosest(idOrAlias.trim().slice(0, 64), [...index.keys()]);
  const shown = shownValue(idOrAlias, 60);
  throw new TokenmeterError(
    "UNKNOWN_PLAN",
    `Unknown plan "${shown}" in plans table ${table.version}.` +
      (suggestions.length > 0
        ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(", ")}?`
        : "") +
      " listPlans() lists every plan id.",
    { details: { plan: shown, suggestions, plansVersion: table.version } },
  );
}
