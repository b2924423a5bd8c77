// What the calculator shows, as plain data: the parts of core's projections and comparisons the
// results render. The page's first paint gets it precomputed at build time, so the island can
// render and hydrate without loading core; core (calculator-compute.ts) loads on first edit.
// Types only from core: this module must not pull core into the page's first script.

/** A problem core found in the profile, by field. */
export interface FieldProblem {
  /** Profile field path from core (`messagesPerDay`, `reasoning.shareOfMessages`), or "" for the whole. */
  path: string;
  message: string;
}

export interface CostComponentsView {
  inputUsd: number;
  cachedInputUsd: number;
  cacheWriteUsd: number;
  outputUsd: number;
  reasoningUsd: number;
  totalUsd: number;
}

export interface ProjectionView {
  label: string;
  models: string[];
  room: boolean;
  expected: CostComponentsView;
  lowUsd: number;
  highUsd: number;
  usdPerMessage: number;
  messagesPerMonth: number;
  activeDays: number;
  conversationsPerMonth: number;
  pricedOn: string;
  pricingVersion: string;
}

export interface ComparisonView {
  planId: string;
  planName: string;
  planUsdPerMonth: number;
  billing: "monthly" | "annual";
  plansVersion: string;
  scenarioLabel: string;
  scenarioModels: string[];
  room: boolean;
  sameProvider: boolean;
  apiUsd: number;
  apiLowUsd: number;
  apiHighUsd: number;
  differenceUsd: number;
  cheaper: "api" | "plan" | "depends";
  breakEvenMessagesPerDay: number | null;
  maxMessagesPerDay: number;
  capsStatus: string;
  canServeAtItsPrice: boolean;
  spendingLimitUsd: number;
  spendingLimitExplanation: string;
  verdict: string;
}

export interface CalculatorView {
  projections: ProjectionView[];
  comparisons: ComparisonView[];
  /** Everything assumed, without repeats (projection assumptions, then comparison notes). */
  assumptions: string[];
  notes: string[];
  chart: { xMax: number; lines: { label: string; points: [number, number][] }[] };
}

export type ViewOutcome =
  | { ok: true; view: CalculatorView }
  | { ok: false; problems: FieldProblem[] };

/**
 * The comparison to lead with for each plan: the plan's own primary model when it is in the
 * scenario, else another model of the plan's provider, else the first scenario.
 */
export function headlineComparisons(
  comparisons: readonly ComparisonView[],
  primaryModelOf: (planId: string) => string | undefined,
): ComparisonView[] {
  const byPlan = new Map<string, ComparisonView[]>();
  for (const comparison of comparisons) {
    byPlan.set(comparison.planId, [...(byPlan.get(comparison.planId) ?? []), comparison]);
  }
  return [...byPlan].flatMap(([planId, list]) => {
    const primary = primaryModelOf(planId);
    const pick =
      list.find((c) => !c.room && c.scenarioModels[0] === primary) ??
      list.find((c) => c.sameProvider) ??
      list[0];
    return pick ? [pick] : [];
  });
}
