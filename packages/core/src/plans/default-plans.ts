import { loadPlans } from "./load-plans.ts";
import { plansData } from "./plans.gen.ts";
import type { PlansTable } from "./schema.ts";

/**
 * The subscription-plans table bundled with this release of `@tokenmeter/core` (from
 * `pricing/plans.json`), validated. Pass your own table (`loadPlans`) as `opts.plans` to override it.
 */
export const defaultPlansTable: PlansTable = loadPlans(plansData, { file: "pricing/plans.json" });

/** The bundled plans table's version (`YYYY.MM.DD`). */
export const plansVersion: string = defaultPlansTable.version;
