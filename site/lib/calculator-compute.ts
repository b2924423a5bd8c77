// The calculator's arithmetic, all delegated to core: a scenario becomes projectMonthly's
// projections and comparePlans' comparisons, plus the points of the cost-vs-messages chart and
// the CSV / JSON downloads. Pure, so the e2e golden test can recompute it in Node.
import {
  comparePlans,
  isTokenmeterError,
  type MonthlyProjection,
  monthlyCostAt,
  parseUsageProfile,
  projectMonthly,
  type SubscriptionComparison,
  type UsageProfile,
} from "@tokenmeter/core";
import type { CalculatorView, FieldProblem, ViewOutcome } from "./calculator-view.ts";
import { profileOf, type Scenario } from "./scenario.ts";

export interface ChartLine {
  label: string;
  /** [messages per active day, USD per month] */
  points: [number, number][];
}

export interface CalculatorResult {
  profile: UsageProfile;
  projections: MonthlyProjection[];
  comparisons: SubscriptionComparison[];
  chart: { xMax: number; lines: ChartLine[] };
}

export type CalculatorOutcome =
  | { ok: true; result: CalculatorResult }
  | { ok: false; problems: FieldProblem[] };

const CHART_STEPS = 48;

/** The models as projectMonthly takes them: one scenario per model, or one room of all. */
export function modelScenarios(scenario: Scenario): (string | string[])[] {
  return scenario.answer === "room" ? [scenario.models] : [...scenario.models];
}

function problemsOf(error: unknown): FieldProblem[] {
  if (isTokenmeterError(error)) {
    const issues = error.details.issues;
    if (Array.isArray(issues) && issues.length > 0) {
      return issues.map((issue: { path?: unknown; message?: unknown }) => ({
        path: typeof issue.path === "string" ? issue.path : "",
        message: typeof issue.message === "string" ? issue.message : error.message,
      }));
    }
    return [{ path: "", message: error.message }];
  }
  return [{ path: "", message: "The calculation failed; check the numbers entered." }];
}

/** How far the chart's x axis reaches: past today's usage and the break-evens, within reason. */
function chartXMax(
  profile: UsageProfile,
  messagesPerDay: number,
  comparisons: readonly SubscriptionComparison[],
): number {
  const maxPossible = (profile.activeHoursPerDay * 3600) / 5;
  const breakEvens = comparisons
    .map((c) => c.breakEven.messagesPerDay)
    .filter((m): m is number => m !== null);
  const wanted = Math.max(
    10,
    messagesPerDay * 2,
    ...breakEvens.map((m) => Math.min(m * 1.15, messagesPerDay * 6 + 20)),
  );
  return Math.min(maxPossible, Math.ceil(wanted / 5) * 5);
}

/**
 * Projects the scenario on each model (or the room) and compares it with each chosen plan.
 * Invalid profiles come back as problems (core's messages, naming the field), never as a throw.
 */
export function computeScenario(scenario: Scenario): CalculatorOutcome {
  try {
    if (scenario.models.length === 0) {
      return { ok: false, problems: [{ path: "models", message: "Choose at least one model." }] };
    }
    const profile = parseUsageProfile(profileOf(scenario));
    const projections = projectMonthly(profile, modelScenarios(scenario));
    const comparisons = scenario.plans.length > 0 ? comparePlans(projections, scenario.plans) : [];
    const xMax = chartXMax(profile, scenario.messagesPerDay, comparisons);
    const lines = projections.map((projection) => ({
      label: projection.label,
      points: Array.from({ length: CHART_STEPS + 1 }, (_, i): [number, number] => {
        const m = (xMax * i) / CHART_STEPS;
        return [m, monthlyCostAt(projection, m)];
      }),
    }));
    return { ok: true, result: { profile, projections, comparisons, chart: { xMax, lines } } };
  } catch (error) {
    return { ok: false, problems: problemsOf(error) };
  }
}

/** The parts of a result the page renders (see calculator-view.ts). */
export function viewOf(result: CalculatorResult): CalculatorView {
  return {
    projections: result.projections.map((p) => ({
      label: p.label,
      models: [...p.models],
      room: p.room,
      expected: { ...p.expected },
      lowUsd: p.range.lowUsd,
      highUsd: p.range.highUsd,
      usdPerMessage: p.usdPerMessage,
      messagesPerMonth: p.messagesPerMonth,
      activeDays: p.activeDays,
      conversationsPerMonth: p.conversationsPerMonth,
      pricedOn: p.pricedOn,
      pricingVersion: p.pricingVersion,
    })),
    comparisons: result.comparisons.map((c) => ({
      planId: c.plan.id,
      planName: c.plan.displayName,
      planUsdPerMonth: c.plan.usdPerMonth,
      billing: c.plan.billing,
      plansVersion: c.plan.plansVersion,
      scenarioLabel: c.scenario.label,
      scenarioModels: [...c.scenario.models],
      room: c.scenario.room,
      sameProvider: c.sameProvider,
      apiUsd: c.apiUsd,
      apiLowUsd: c.apiLowUsd,
      apiHighUsd: c.apiHighUsd,
      differenceUsd: c.differenceUsd,
      cheaper: c.cheaper,
      breakEvenMessagesPerDay: c.breakEven.messagesPerDay,
      maxMessagesPerDay: c.breakEven.maxMessagesPerDay,
      capsStatus: c.caps.status,
      canServeAtItsPrice: c.canServeAtItsPrice,
      spendingLimitUsd: c.spendingLimit.usd,
      spendingLimitExplanation: c.spendingLimit.explanation,
      verdict: c.verdict,
    })),
    assumptions: [...new Set(result.projections.flatMap((p) => p.assumptions))],
    notes: [...new Set(result.comparisons.flatMap((c) => c.notes))],
    chart: result.chart,
  };
}

/** {@link computeScenario}, reduced to what the page renders. */
export function computeView(scenario: Scenario): ViewOutcome {
  const outcome = computeScenario(scenario);
  return outcome.ok ? { ok: true, view: viewOf(outcome.result) } : outcome;
}

function csvCell(value: string | number | boolean | null): string {
  if (value === null) return "";
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV row per model (or room) and plan, at full precision (round only when formatting). */
export function resultToCsv(result: CalculatorResult): string {
  const header = [
    "scenario",
    "models",
    "room",
    "messages_per_month",
    "api_usd_per_month",
    "api_low_usd",
    "api_high_usd",
    "input_usd",
    "cached_input_usd",
    "cache_write_usd",
    "output_usd",
    "reasoning_usd",
    "usd_per_message",
    "plan",
    "plan_usd_per_month",
    "difference_usd",
    "cheaper",
    "break_even_messages_per_day",
    "within_caps",
    "suggested_limit_usd",
    "pricing_version",
    "plans_version",
    "priced_on",
  ];
  const rows: (string | number | boolean | null)[][] = [];
  for (const projection of result.projections) {
    const base = [
      projection.label,
      projection.models.join(" "),
      projection.room,
      projection.messagesPerMonth,
      projection.expected.totalUsd,
      projection.range.lowUsd,
      projection.range.highUsd,
      projection.expected.inputUsd,
      projection.expected.cachedInputUsd,
      projection.expected.cacheWriteUsd,
      projection.expected.outputUsd,
      projection.expected.reasoningUsd,
      projection.usdPerMessage,
    ];
    const matching = result.comparisons.filter((c) => c.scenario.label === projection.label);
    if (matching.length === 0) {
      rows.push([
        ...base,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        projection.pricingVersion,
        null,
        projection.pricedOn,
      ]);
    }
    for (const c of matching) {
      rows.push([
        ...base,
        c.plan.id,
        c.plan.usdPerMonth,
        c.differenceUsd,
        c.cheaper,
        c.breakEven.messagesPerDay,
        c.canServeAtItsPrice,
        c.spendingLimit.usd,
        projection.pricingVersion,
        c.plan.plansVersion,
        projection.pricedOn,
      ]);
    }
  }
  return `${[header, ...rows].map((row) => row.map(csvCell).join(",")).join("\n")}\n`;
}

/** The whole result as JSON: the validated profile, projections (without the internal curve) and comparisons. */
export function resultToJson(result: CalculatorResult, scenarioUrl: string): string {
  return `${JSON.stringify(
    {
      generator: "tokenmeter site",
      scenarioUrl,
      profile: result.profile,
      projections: result.projections.map(({ curve: _curve, ...rest }) => rest),
      comparisons: result.comparisons,
    },
    null,
    2,
  )}\n`;
}
