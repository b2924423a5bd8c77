import { formatJsonPath } from "../pricing/json-path.ts";
import type { PlansTable } from "./schema.ts";

/** One semantic problem in a plans table; `path` is the JSON path (`["plans", 2, "prices", 0]`). */
export interface PlansIssue {
  path: (string | number)[];
  message: string;
}

type Path = (string | number)[];

/**
 * Checks what the zod schema cannot, so that a plan's price at a date is unambiguous:
 *
 * - per plan and billing cadence, price records are sorted by `effectiveFrom`, each `effectiveUntil`
 *   is after its `effectiveFrom`, periods do not overlap and only the last one may be open-ended;
 * - plan ids and aliases are unique across the table (case-insensitive);
 * - every plan has a monthly price; `version` carries the `publishedOn` date; no record, cap or
 *   terms block claims a check, source date or `asOf` after the table was published;
 * - an equivalent-model list has exactly one `primary`.
 *
 * Run it after `plansTableSchema` has parsed the table.
 *
 * @returns every issue found (empty when the table is sound), in table order.
 */
export function validatePlansTable(table: PlansTable): PlansIssue[] {
  const issues: PlansIssue[] = [];
  const add = (path: Path, message: string): void => {
    issues.push({ path, message });
  };

  const versionDate = table.version.slice(0, 10).replaceAll(".", "-");
  if (versionDate !== table.publishedOn) {
    add(
      ["version"],
      `version ${table.version} does not match publishedOn ${table.publishedOn}; the version is the publication date (YYYY.MM.DD, optionally .N)`,
    );
  }
  const notAfterPublication = (path: Path, field: string, value: string | undefined): void => {
    if (value !== undefined && value > table.publishedOn) {
      add(
        [...path, field],
        `${field} ${value} is after the table's publishedOn ${table.publishedOn}; a table cannot cite a check from the future`,
      );
    }
  };

  const owners = new Map<string, string>();
  table.plans.forEach((plan, p) => {
    const planPath: Path = ["plans", p];
    for (const [field, name] of [
      ["id", plan.id],
      ...plan.aliases.map((alias, a) => [`aliases.${a}`, alias] as const),
    ] as const) {
      const key = name.toLowerCase();
      const owner = owners.get(key);
      if (owner !== undefined) {
        add(
          [...planPath, ...field.split(".").map((s) => (/^\d+$/.test(s) ? Number(s) : s))],
          `"${name}" is already used by plan "${owner}"; plan ids and aliases must be unique`,
        );
      } else {
        owners.set(key, plan.id);
      }
    }

    if (!plan.prices.some((r) => r.billing === "monthly")) {
      add([...planPath, "prices"], `plan "${plan.id}" has no monthly price record`);
    }
    for (const billing of ["monthly", "annual"] as const) {
      let previous: { until: string | undefined; index: number } | undefined;
      plan.prices.forEach((record, r) => {
        if (record.billing !== billing) return;
        const recordPath: Path = [...planPath, "prices", r];
        notAfterPublication(recordPath, "checked", record.checked);
        notAfterPublication(recordPath, "sourceDate", record.sourceDate);
        notAfterPublication(recordPath, "effectiveFrom", record.effectiveFrom);
        if (record.effectiveUntil !== undefined && record.effectiveUntil <= record.effectiveFrom) {
          add(
            [...recordPath, "effectiveUntil"],
            `effectiveUntil ${record.effectiveUntil} must be after effectiveFrom ${record.effectiveFrom}`,
          );
        }
        if (previous !== undefined) {
          if (previous.until === undefined) {
            add(
              [...recordPath, "effectiveFrom"],
              `an earlier ${billing} record (prices[${previous.index}]) has no effectiveUntil; close it on ${record.effectiveFrom}`,
            );
          } else if (record.effectiveFrom < previous.until) {
            add(
              [...recordPath, "effectiveFrom"],
              `${billing} record starts ${record.effectiveFrom}, before the previous one ends (${previous.until}); periods must not overlap and must be sorted oldest first`,
            );
          }
        }
        previous = { until: record.effectiveUntil, index: r };
      });
    }

    const termsPath: Path = [...planPath, "terms"];
    notAfterPublication(termsPath, "asOf", plan.terms.asOf);
    notAfterPublication(termsPath, "checked", plan.terms.checked);
    plan.terms.caps.forEach((cap, c) => {
      notAfterPublication([...termsPath, "caps", c], "checked", cap.checked);
      notAfterPublication([...termsPath, "caps", c], "sourceDate", cap.sourceDate);
    });
    const primaries = plan.terms.equivalentModels.filter((m) => m.role === "primary").length;
    if (primaries !== 1) {
      add(
        [...termsPath, "equivalentModels"],
        `plan "${plan.id}" needs exactly one equivalent model with role "primary" (found ${primaries})`,
      );
    }
    if (plan.retiredOn !== undefined) {
      const last = plan.prices[plan.prices.length - 1];
      if (last !== undefined && last.effectiveUntil === undefined) {
        add(
          [...planPath, "retiredOn"],
          `plan "${plan.id}" is retired on ${plan.retiredOn} but its last price record is still open; set its effectiveUntil`,
        );
      }
    }
  });
  return issues;
}

/** `plans[3].prices[0].effectiveUntil` from a path array. */
export function formatPlansPath(path: readonly (string | number)[]): string {
  return path.length === 0 ? "(root)" : formatJsonPath(path);
}
