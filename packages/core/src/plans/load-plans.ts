import type { z } from "zod";
import { TokenmeterError } from "../errors.ts";
import { type PlansTable, plansTableSchema } from "./schema.ts";
import { formatPlansPath, validatePlansTable } from "./validate-plans.ts";

/** Options of {@link loadPlans}. */
export interface LoadPlansOptions {
  /** The file the JSON came from, named in error messages (default `plans.json`). */
  file?: string;
}

/** At most this many problems are listed in one error message; `details.issues` has them all. */
const MAX_LISTED = 12;

/**
 * Validates a parsed plans table (the shape of `pricing/plans.json`): the zod schema first, then the
 * semantic rules of {@link validatePlansTable}. Bring your own table for negotiated or regional prices.
 *
 * @param json the value of `JSON.parse(fileText)`.
 * @throws TokenmeterError `INVALID_PRICING`; the message names the file, each JSON path and what was
 *   expected; `details.issues` lists `{ path, message }`.
 * @example
 * const plans = loadPlans(JSON.parse(text), { file: "my-plans.json" });
 * comparePlans(projection, ["chatgpt-plus"], { plans });
 */
export function loadPlans(json: unknown, opts?: LoadPlansOptions): PlansTable {
  const file = opts?.file ?? "plans.json";
  const parsed = plansTableSchema.safeParse(json);
  if (!parsed.success) {
    throw invalid(file, parsed.error.issues.map(fromZodIssue), parsed.error);
  }
  const issues = validatePlansTable(parsed.data);
  if (issues.length > 0) {
    throw invalid(file, issues);
  }
  return parsed.data;
}

interface Problem {
  path: (string | number)[];
  message: string;
}

function fromZodIssue(issue: z.core.$ZodIssue): Problem {
  return {
    path: issue.path.map((p) => (typeof p === "symbol" ? String(p) : p)),
    message: issue.message,
  };
}

function invalid(file: string, problems: Problem[], cause?: unknown): TokenmeterError {
  const listed = problems
    .slice(0, MAX_LISTED)
    .map((p) => `  ${file}: ${formatPlansPath(p.path)}: ${p.message}`)
    .join("\n");
  const more = problems.length > MAX_LISTED ? `\n  … and ${problems.length - MAX_LISTED} more` : "";
  return new TokenmeterError(
    "INVALID_PRICING",
    `${file} is not a valid plans table (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n${listed}${more}\nFix the fields named above; the format is documented in pricing/PLANS.md and pricing/schema/plans.schema.json.`,
    { cause, details: { file, issues: problems } },
  );
}
