import { TokenmeterError } from "../errors.ts";
import type { Usage } from "../usage/usage.ts";
import { type Calendar, createCalendar, daysInMonth, monthsBetween } from "./calendar.ts";
import { countNoun } from "./count-noun.ts";
import type { CoverageSnapshot } from "./coverage-tracker.ts";
import { type PlanPriceSeries, planUsdPerMonthOn } from "./plan-price-series.ts";
import {
  type EstimateReport,
  REPORT_SCHEMA_VERSION,
  type ReportAssumption,
  type ReportCosts,
  type ReportGrouping,
  type ReportMonth,
  type ReportRow,
  type ReportScenario,
  type ScenarioTotals,
  type UnpricedModel,
} from "./report-schema.ts";

/** The cost of one request in one scenario: the `CostBreakdown` fields the report sums. */
export type ReportEntryCost = Readonly<ReportCosts>;

/** One request (an API call or a replayed chat turn) as priced under one scenario. */
export type ScenarioPricing =
  | {
      usage: Readonly<Usage>;
      /** True when `usage` was recorded by the provider, false when it was estimated. */
      usageExact: boolean;
      cost: ReportEntryCost;
    }
  | {
      usage: Readonly<Usage>;
      usageExact: boolean;
      /** Could not be priced; the request counts in tokens but not in USD. */
      cost: null;
      /** The model id that has no price. */
      unpricedModel: string;
      reason: "UNKNOWN_MODEL" | "NO_PRICE_AT_DATE";
      suggestions?: readonly string[];
    };

/** One request fed to the report. */
export interface ReportEntry {
  /** When the request happened, ms since the Unix epoch. */
  timestampMs: number;
  /** Conversation or session id, when the log has one. */
  conversationId?: string | undefined;
  conversationTitle?: string | undefined;
  /** The model that answered (an API id; a ChatGPT slug already mapped, or the raw id when unknown). */
  model: string;
  /** API calls this entry stands for (a usage-CSV row sums many); default 1. */
  requestCount?: number | undefined;
  /** One per scenario, in the order given to {@link createReportBuilder}. */
  priced: ReadonlyArray<ScenarioPricing>;
}

/** Options of {@link createReportBuilder}. */
export interface ReportBuilderOptions {
  scenarios: ReadonlyArray<ReportScenario>;
  groupBy: ReportGrouping;
  /** IANA time zone for days and months. */
  timeZone: string;
  /** Inclusive first and last day (`YYYY-MM-DD`) in `timeZone`; requests outside are counted as out of range. */
  since?: string | undefined;
  until?: string | undefined;
  /** Version of the pricing table the costs come from. */
  pricingVersion: string;
  /** Plans each month is compared with (can also be given, or replaced, at `finish`). */
  plans?: ReadonlyArray<PlanPriceSeries> | undefined;
}

/** What only the caller knows, given when the report is finished. */
export interface ReportFinishInput {
  coverage: CoverageSnapshot;
  assumptions: ReadonlyArray<ReportAssumption>;
  /** Reasons the totals are lower bounds that the readers know of (e.g. tool calls not in the export). */
  lowerBoundReasons?: ReadonlyArray<string>;
  /**
   * Plans to compare each month with, when they depend on what was read (e.g. Claude Pro for a
   * Claude export); replaces `options.plans`.
   */
  plans?: ReadonlyArray<PlanPriceSeries>;
}

/** Accumulates priced requests and produces an {@link EstimateReport}. */
export interface ReportBuilder {
  /** Adds a request. Returns false when it falls outside `since`/`until` (it is then only counted). */
  add(entry: ReportEntry): boolean;
  /**
   * True when a request at `timestampMs` falls outside `since`/`until`; it is then counted as
   * such (`requestCount` calls) and must not be added. Lets a caller skip pricing it, and the
   * assumptions it would add, for a request the report leaves out anyway.
   */
  skipIfOutsideRange(timestampMs: number, requestCount?: number): boolean;
  /** True when a request at `timestampMs` is inside `since`/`until` (nothing is counted). */
  inRange(timestampMs: number): boolean;
  finish(input: ReportFinishInput): EstimateReport;
}

interface TotalsAccumulator {
  requestCount: number;
  unpricedRequestCount: number;
  usageExact: boolean;
  inputTokens: number;
  cachedInputTokens: number;
  cacheWrite5mTokens: number;
  cacheWrite1hTokens: number;
  outputTokens: number;
  reasoningTokens: number;
  inputUsd: number;
  cachedInputUsd: number;
  cacheWriteUsd: number;
  outputUsd: number;
  reasoningUsd: number;
  totalUsd: number;
}

interface GroupAccumulator {
  title: string | undefined;
  firstMs: number;
  lastMs: number;
  scenarios: TotalsAccumulator[];
}

interface MonthAccumulator {
  scenarios: TotalsAccumulator[];
  activeDays: Set<string>;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function emptyTotals(): TotalsAccumulator {
  return {
    requestCount: 0,
    unpricedRequestCount: 0,
    usageExact: true,
    inputTokens: 0,
    cachedInputTokens: 0,
    cacheWrite5mTokens: 0,
    cacheWrite1hTokens: 0,
    outputTokens: 0,
    reasoningTokens: 0,
    inputUsd: 0,
    cachedInputUsd: 0,
    cacheWriteUsd: 0,
    outputUsd: 0,
    reasoningUsd: 0,
    totalUsd: 0,
  };
}

function addPricing(
  totals: TotalsAccumulator,
  pricing: ScenarioPricing,
  requestCount: number,
): void {
  const { usage, cost } = pricing;
  totals.requestCount += requestCount;
  if (!pricing.usageExact) totals.usageExact = false;
  totals.inputTokens += usage.inputTokens;
  totals.cachedInputTokens += usage.cachedInputTokens;
  totals.cacheWrite5mTokens += usage.cacheWrite5mTokens;
  totals.cacheWrite1hTokens += usage.cacheWrite1hTokens;
  totals.outputTokens += usage.outputTokens;
  totals.reasoningTokens += usage.reasoningTokens;
  if (cost === null) {
    totals.unpricedRequestCount += requestCount;
    return;
  }
  totals.inputUsd += cost.inputUsd;
  totals.cachedInputUsd += cost.cachedInputUsd;
  totals.cacheWriteUsd += cost.cacheWriteUsd;
  totals.outputUsd += cost.outputUsd;
  totals.reasoningUsd += cost.reasoningUsd;
  totals.totalUsd += cost.totalUsd;
}

function toScenarioTotals(scenarioId: string, totals: TotalsAccumulator): ScenarioTotals {
  return { scenarioId, ...totals };
}

function isoInstant(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

function checkDay(name: string, value: string | undefined): void {
  if (value !== undefined && !ISO_DAY.test(value)) {
    throw new TokenmeterError(
      "INVALID_INPUT",
      `${name} must be a day like 2025-03-01, got "${value}".`,
      { details: { [name]: value } },
    );
  }
}

/**
 * Starts a report. Feed it every priced request with `add`, then call `finish` once.
 * Pure: the time zone, range, pricing version and plan prices all come in as options.
 *
 * Rows are sorted by key for `month` and `day`, by the first scenario's `totalUsd` (highest first)
 * for `model` and `conversation`. Months run from the first to the last counted request, with
 * empty months included (a plan is paid for them too).
 *
 * @example
 * const builder = createReportBuilder({ scenarios: [{ scenarioId: "as-used", label: "as used", model: null }],
 *   groupBy: "month", timeZone: "UTC", pricingVersion: "2026.11.27", plans: [] });
 * builder.add({ timestampMs: Date.UTC(2025, 2, 1), model: "gpt-4o", priced: [{ usage, usageExact: true, cost }] });
 * const report = builder.finish({ coverage: tracker.snapshot(), assumptions: [] });
 */
export function createReportBuilder(options: ReportBuilderOptions): ReportBuilder {
  if (options.scenarios.length === 0) {
    throw new TokenmeterError("INVALID_INPUT", "A report needs at least one scenario.");
  }
  checkDay("since", options.since);
  checkDay("until", options.until);
  if (options.since !== undefined && options.until !== undefined && options.since > options.until) {
    throw new TokenmeterError(
      "INVALID_INPUT",
      `since (${options.since}) is after until (${options.until}); swap them.`,
    );
  }
  const calendar: Calendar = createCalendar(options.timeZone);
  const scenarioCount = options.scenarios.length;
  const totals = options.scenarios.map(() => emptyTotals());
  const groups = new Map<string, GroupAccumulator>();
  const months = new Map<string, MonthAccumulator>();
  const unpriced = new Map<string, UnpricedModel>();
  let outsideRange = 0;
  let firstMs = Number.POSITIVE_INFINITY;
  let lastMs = Number.NEGATIVE_INFINITY;
  let finished = false;

  function groupKey(entry: ReportEntry, day: string): string {
    switch (options.groupBy) {
      case "month":
        return day.slice(0, 7);
      case "day":
        return day;
      case "model":
        return entry.model;
      case "conversation":
        return entry.conversationId ?? "(no conversation id)";
    }
  }

  function dayInRange(day: string): boolean {
    return !(
      (options.since !== undefined && day < options.since) ||
      (options.until !== undefined && day > options.until)
    );
  }

  function inRange(timestampMs: number): boolean {
    if (options.since === undefined && options.until === undefined) return true;
    return dayInRange(calendar.dayKey(timestampMs));
  }

  function skipIfOutsideRange(timestampMs: number, requestCount = 1): boolean {
    if (inRange(timestampMs)) return false;
    outsideRange += requestCount;
    return true;
  }

  function add(entry: ReportEntry): boolean {
    if (finished) throw new TokenmeterError("INVALID_INPUT", "The report is already finished.");
    if (entry.priced.length !== scenarioCount) {
      throw new TokenmeterError(
        "INVALID_INPUT",
        `A report entry has ${entry.priced.length} pricings for ${scenarioCount} scenarios.`,
      );
    }
    const day = calendar.dayKey(entry.timestampMs);
    if (!dayInRange(day)) {
      outsideRange += entry.requestCount ?? 1;
      return false;
    }
    firstMs = Math.min(firstMs, entry.timestampMs);
    lastMs = Math.max(lastMs, entry.timestampMs);

    const key = groupKey(entry, day);
    let group = groups.get(key);
    if (group === undefined) {
      group = {
        title: entry.conversationTitle,
        firstMs: entry.timestampMs,
        lastMs: entry.timestampMs,
        scenarios: options.scenarios.map(() => emptyTotals()),
      };
      groups.set(key, group);
    } else {
      group.firstMs = Math.min(group.firstMs, entry.timestampMs);
      group.lastMs = Math.max(group.lastMs, entry.timestampMs);
      if (group.title === undefined) group.title = entry.conversationTitle;
    }

    const requestCount = entry.requestCount ?? 1;
    const monthKey = day.slice(0, 7);
    let month = months.get(monthKey);
    if (month === undefined) {
      month = { scenarios: options.scenarios.map(() => emptyTotals()), activeDays: new Set() };
      months.set(monthKey, month);
    }
    month.activeDays.add(day);

    for (let index = 0; index < scenarioCount; index += 1) {
      const pricing = entry.priced[index] as ScenarioPricing;
      addPricing(totals[index] as TotalsAccumulator, pricing, requestCount);
      addPricing(group.scenarios[index] as TotalsAccumulator, pricing, requestCount);
      addPricing(month.scenarios[index] as TotalsAccumulator, pricing, requestCount);
      if (pricing.cost === null) {
        const scenarioId = (options.scenarios[index] as ReportScenario).scenarioId;
        const unpricedKey = `${scenarioId}\u0000${pricing.unpricedModel}\u0000${pricing.reason}`;
        const known = unpriced.get(unpricedKey);
        if (known === undefined) {
          unpriced.set(unpricedKey, {
            model: pricing.unpricedModel,
            reason: pricing.reason,
            scenarioId,
            requestCount,
            suggestions: [...(pricing.suggestions ?? [])],
          });
        } else {
          known.requestCount += requestCount;
        }
      }
    }
    return true;
  }

  function buildRows(): ReportRow[] {
    const rows: ReportRow[] = [];
    for (const [key, group] of groups) {
      const row: ReportRow = {
        key,
        firstRequestAt: isoInstant(group.firstMs),
        lastRequestAt: isoInstant(group.lastMs),
        scenarios: group.scenarios.map((scenarioTotals, index) =>
          toScenarioTotals((options.scenarios[index] as ReportScenario).scenarioId, scenarioTotals),
        ),
      };
      if (options.groupBy === "conversation" && group.title !== undefined) row.title = group.title;
      rows.push(row);
    }
    if (options.groupBy === "month" || options.groupBy === "day") {
      rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    } else {
      rows.sort(
        (a, b) =>
          (b.scenarios[0]?.totalUsd ?? 0) - (a.scenarios[0]?.totalUsd ?? 0) ||
          (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
      );
    }
    return rows;
  }

  function buildMonths(plans: ReadonlyArray<PlanPriceSeries>): ReportMonth[] {
    if (groups.size === 0) return [];
    const firstDay = calendar.dayKey(firstMs);
    const lastDay = calendar.dayKey(lastMs);
    const monthKeys = monthsBetween(firstDay.slice(0, 7), lastDay.slice(0, 7));
    return monthKeys.map((monthKey, index) => {
      const month = months.get(monthKey);
      const scenarios = options.scenarios.map((scenario, scenarioIndex) =>
        toScenarioTotals(scenario.scenarioId, month?.scenarios[scenarioIndex] ?? emptyTotals()),
      );
      const startsLate = index === 0 && firstDay.slice(8) !== "01";
      const endsEarly =
        index === monthKeys.length - 1 && Number(lastDay.slice(8)) < daysInMonth(monthKey);
      return {
        month: monthKey,
        partial: startsLate || endsEarly,
        activeDayCount: month?.activeDays.size ?? 0,
        scenarios,
        plans: plans.map((plan) => {
          const planUsdPerMonth = planUsdPerMonthOn(plan, `${monthKey}-01`);
          return {
            planId: plan.planId,
            planName: plan.planName,
            planUsdPerMonth,
            scenarios: scenarios.map((scenario) => {
              if (planUsdPerMonth === null) {
                return {
                  scenarioId: scenario.scenarioId,
                  apiUsd: scenario.totalUsd,
                  differenceUsd: null,
                  cheaper: "unknown" as const,
                };
              }
              const differenceUsd = scenario.totalUsd - planUsdPerMonth;
              return {
                scenarioId: scenario.scenarioId,
                apiUsd: scenario.totalUsd,
                differenceUsd,
                cheaper:
                  differenceUsd < 0
                    ? ("api" as const)
                    : differenceUsd > 0
                      ? ("plan" as const)
                      : ("equal" as const),
              };
            }),
          };
        }),
      };
    });
  }

  function finish(input: ReportFinishInput): EstimateReport {
    if (finished) throw new TokenmeterError("INVALID_INPUT", "The report is already finished.");
    finished = true;
    const unpricedModels = [...unpriced.values()].sort(
      (a, b) => b.requestCount - a.requestCount || (a.model < b.model ? -1 : 1),
    );
    const lowerBoundReasons: string[] = [];
    if (input.coverage.recordsSkipped > 0) {
      lowerBoundReasons.push(
        `${countNoun(input.coverage.recordsSkipped, "record")} could not be read and ${input.coverage.recordsSkipped === 1 ? "is" : "are"} not counted (see coverage.skipped).`,
      );
    }
    for (const model of unpricedModels) {
      lowerBoundReasons.push(
        model.reason === "UNKNOWN_MODEL"
          ? `${countNoun(model.requestCount, "request")} on "${model.model}" ${model.requestCount === 1 ? "has" : "have"} no price in the table (unknown model) and add${model.requestCount === 1 ? "s" : ""} $0 to ${model.scenarioId}.`
          : `${countNoun(model.requestCount, "request")} on "${model.model}" fall${model.requestCount === 1 ? "s" : ""} before its first recorded price and add${model.requestCount === 1 ? "s" : ""} $0 to ${model.scenarioId}.`,
      );
    }
    lowerBoundReasons.push(...(input.lowerBoundReasons ?? []));
    const scenarioTotals = totals.map((scenarioTotals, index) =>
      toScenarioTotals((options.scenarios[index] as ReportScenario).scenarioId, scenarioTotals),
    );
    const counted = scenarioTotals[0]?.requestCount ?? 0;
    return {
      schemaVersion: REPORT_SCHEMA_VERSION,
      pricingVersion: options.pricingVersion,
      timeZone: calendar.timeZone,
      groupBy: options.groupBy,
      since: options.since ?? null,
      until: options.until ?? null,
      firstRequestAt: groups.size > 0 ? isoInstant(firstMs) : null,
      lastRequestAt: groups.size > 0 ? isoInstant(lastMs) : null,
      usageExact: scenarioTotals.every((scenario) => scenario.usageExact),
      scenarios: options.scenarios.map((scenario) => ({ ...scenario })),
      totals: scenarioTotals,
      rows: buildRows(),
      months: buildMonths(input.plans ?? options.plans ?? []),
      assumptions: input.assumptions.map((assumption) => ({ ...assumption })),
      coverage: {
        files: input.coverage.files,
        recordsRead: input.coverage.recordsRead,
        recordsSkipped: input.coverage.recordsSkipped,
        requestsCounted: counted,
        requestsOutsideRange: outsideRange,
        skipped: input.coverage.skipped,
        notices: input.coverage.notices,
        unpricedModels,
        totalsAreLowerBounds: lowerBoundReasons.length > 0,
        lowerBoundReasons,
      },
    };
  }

  return { add, finish, skipIfOutsideRange, inRange };
}
