import { TokenmeterError } from "../errors.ts";
import { shownValue, typeOfValue } from "../pricing/shown-value.ts";
import { checkedNumber } from "./_check-number.ts";
import { count, usd, windowName } from "./_format.ts";
import { localDate } from "./_local-date.ts";
import { type CapCheck, type CapsVerdict, checkCaps } from "./check-caps.ts";
import { defaultPlansTable } from "./default-plans.ts";
import { findPlan } from "./find-plan.ts";
import { planPriceAt } from "./list-plans.ts";
import { type MonthlyProjection, monthlyCostAt } from "./project-monthly.ts";
import {
  BILLING_PERIODS,
  type BillingPeriod,
  type Inclusion,
  type Plan,
  type PlansTable,
} from "./schema.ts";
import { type SpendingLimit, suggestSpendingLimit } from "./spending-limit.ts";
import { MIN_SECONDS_PER_MESSAGE } from "./usage-profile.ts";

/** A plan to compare, with its billing cadence (default monthly). */
export interface PlanSelection {
  plan: string;
  billing?: BillingPeriod;
}

/** Options of {@link comparePlans}. */
export interface ComparePlansOptions {
  /** The plans table (default: the bundled one). */
  plans?: PlansTable;
  /** Date of the plan prices (default: each projection's `pricedOn`). */
  at?: string | Date;
  /** IANA time zone for a timestamp `at` (default UTC). */
  timeZone?: string;
  /** Billing cadence for plans given by id only (default `monthly`). */
  billing?: BillingPeriod;
}

/** Where the usage crosses from "the API is cheaper" to "the plan is cheaper". */
export interface BreakEven {
  /**
   * Messages per active day at which this profile costs the plan's price by API, everything else
   * unchanged; `null` when even the most a person can send (`maxMessagesPerDay`) costs less.
   */
  readonly messagesPerDay: number | null;
  /** `messagesPerDay × active days`: what the subscription's price buys on this model. */
  readonly messagesPerMonth: number | null;
  /** The search's upper bound: active hours at one message per 5 seconds. */
  readonly maxMessagesPerDay: number;
  /** The arithmetic in words. */
  readonly explanation: string;
}

/** One plan set against one projection. */
export interface SubscriptionComparison {
  readonly plan: {
    readonly id: string;
    readonly displayName: string;
    readonly provider: string;
    readonly billing: BillingPeriod;
    /** What the plan costs a month (annual billing: the year's price / 12), USD. */
    readonly usdPerMonth: number;
    readonly usdPerYear?: number;
    readonly priceEffectiveFrom: string;
    readonly source: string;
    readonly checked: string;
    /** Date of the newest source behind the plan's caps and models. */
    readonly termsAsOf: string;
    readonly plansVersion: string;
  };
  readonly scenario: {
    readonly label: string;
    readonly models: readonly string[];
    readonly room: boolean;
  };
  /** The projection's expected monthly API cost and its low–high range, USD. */
  readonly apiUsd: number;
  readonly apiLowUsd: number;
  readonly apiHighUsd: number;
  /** `apiUsd − plan.usdPerMonth`: positive means the API costs more than the plan. */
  readonly differenceUsd: number;
  /** `api` when even the high end is below the plan's price, `plan` when even the low end is above, else `depends`. */
  readonly cheaper: "api" | "plan" | "depends";
  readonly breakEven: BreakEven;
  readonly caps: CapsVerdict;
  /** False when the usage exceeds a hard published cap: the plan cannot serve it at its price. */
  readonly canServeAtItsPrice: boolean;
  /** Whether the scenario's models include one of the plan's provider (else only prices are compared). */
  readonly sameProvider: boolean;
  /** What the plan includes that tokens do not buy (and, as `ads`, what it imposes). */
  readonly notPricedInTokens: readonly Inclusion[];
  /** A suggested monthly API spending limit for this usage, from the range's high end. */
  readonly spendingLimit: SpendingLimit;
  /** One sentence a person can read. */
  readonly verdict: string;
  /** Caveats: cross-provider comparisons, unpublished caps, dated terms. */
  readonly notes: readonly string[];
}

/**
 * Compares monthly projections with subscription plans: the monthly difference, the break-even
 * messages a day (solved numerically, since cost grows faster than linearly with conversation
 * length), whether the usage fits under the plan's caps, what the plan includes that tokens do not
 * buy, a suggested API spending limit and a one-sentence verdict.
 *
 * @param projection one projection or several (from {@link projectMonthly}).
 * @param planIds plan ids or aliases, or `{ plan, billing }`; default: every plan on sale at the date.
 * @returns one comparison per plan and projection, plans in the order given.
 * @throws TokenmeterError `UNKNOWN_PLAN` (with suggestions), `NO_PRICE_AT_DATE` (a plan not on sale
 *   on that date, or without that billing cadence), `INVALID_INPUT`.
 * @example
 * const projections = projectMonthly(usagePreset("moderate"), ["gpt-5.5", "claude-sonnet-5"]);
 * for (const c of comparePlans(projections, ["chatgpt-plus", "claude-pro"])) console.log(c.verdict);
 */
export function comparePlans(
  projection: MonthlyProjection | readonly MonthlyProjection[],
  planIds?: readonly (string | PlanSelection)[],
  opts?: ComparePlansOptions,
): SubscriptionComparison[] {
  const projections: readonly MonthlyProjection[] = isList(projection) ? projection : [projection];
  projections.forEach(checkProjection);
  if (projections.length === 0) return [];
  const table = opts?.plans ?? defaultPlansTable;
  const explicit = planIds !== undefined;
  const selections: { plan: Plan; billing: BillingPeriod }[] = (
    planIds ?? table.plans.map((p) => p.id)
  ).map((entry) => {
    const selection: Partial<PlanSelection> =
      typeof entry === "object" && entry !== null ? entry : {};
    const id = typeof entry === "string" ? entry : selection.plan;
    const billing = billingOf(selection.billing ?? opts?.billing);
    return { plan: findPlan(id as string, { plans: table }), billing };
  });

  const out: SubscriptionComparison[] = [];
  for (const { plan, billing } of selections) {
    for (const p of projections) {
      const on = opts?.at === undefined ? p.pricedOn : localDate(opts.at, opts.timeZone);
      const price = planPriceAt(plan, on, billing);
      if (price === undefined) {
        if (!explicit) continue;
        throw noPrice(plan, billing, on);
      }
      out.push(compareOne(p, plan, billing, price.usdPerMonth, price, table.version, on));
    }
  }
  return out;
}

function isList(
  value: MonthlyProjection | readonly MonthlyProjection[],
): value is readonly MonthlyProjection[] {
  return Array.isArray(value);
}

/** A projection from {@link projectMonthly}; anything else (a hand-made object, null) is refused. */
function checkProjection(p: unknown, i: number): void {
  const candidate = p as Partial<MonthlyProjection> | null;
  if (
    typeof candidate !== "object" ||
    candidate === null ||
    typeof candidate.pricedOn !== "string" ||
    typeof candidate.activeDays !== "number" ||
    candidate.curve === undefined ||
    candidate.profile === undefined ||
    candidate.range === undefined ||
    candidate.expected === undefined
  ) {
    throw new TokenmeterError(
      "INVALID_INPUT",
      `projection${i === 0 ? "" : `[${i}]`} is not a monthly projection: pass what projectMonthly() returns.`,
      { details: { field: "projection" } },
    );
  }
}

function billingOf(value: unknown): BillingPeriod {
  if (value === undefined) return "monthly";
  if (typeof value === "string" && (BILLING_PERIODS as readonly string[]).includes(value)) {
    return value as BillingPeriod;
  }
  throw new TokenmeterError(
    "INVALID_INPUT",
    `Unknown billing ${typeof value === "string" ? `"${shownValue(value, 40)}"` : typeOfValue(value)}: use one of ${BILLING_PERIODS.join(", ")}.`,
    { details: { field: "billing", known: [...BILLING_PERIODS] } },
  );
}

function noPrice(plan: Plan, billing: BillingPeriod, on: string): TokenmeterError {
  const periods = plan.prices
    .filter((r) => r.billing === billing)
    .map((r) => `${r.effectiveFrom}–${r.effectiveUntil ?? "today"}`);
  return new TokenmeterError(
    "NO_PRICE_AT_DATE",
    periods.length === 0
      ? `${plan.displayName} has no ${billing} billing; compare it with billing "monthly".`
      : `${plan.displayName} had no ${billing} price on ${on} (priced ${periods.join(", ")}); compare at a date in those periods.`,
    { details: { plan: plan.id, billing, at: on } },
  );
}

/**
 * Messages per active day at which `cost(m)` reaches `targetUsd`, by bisection on
 * `[0, maxMessagesPerDay]`. `cost` must be continuous and non-decreasing (true of
 * {@link monthlyCostAt}). `null` when `cost(max) < target`.
 */
export function solveBreakEven(
  cost: (messagesPerDay: number) => number,
  targetUsd: number,
  maxMessagesPerDay: number,
): number | null {
  if (typeof cost !== "function") {
    throw new TokenmeterError("INVALID_INPUT", "cost must be a function of messages per day.", {
      details: { field: "cost" },
    });
  }
  checkedNumber(targetUsd, "targetUsd", Number.NEGATIVE_INFINITY);
  checkedNumber(maxMessagesPerDay, "maxMessagesPerDay");
  if (!(targetUsd > 0)) return 0;
  if (cost(maxMessagesPerDay) < targetUsd) return null;
  let lo = 0;
  let hi = maxMessagesPerDay;
  // 200 halvings reach the limit of double precision long before they run out.
  for (let i = 0; i < 200 && hi - lo > 1e-12 * Math.max(1, hi); i++) {
    const mid = (lo + hi) / 2;
    if (cost(mid) < targetUsd) lo = mid;
    else hi = mid;
  }
  return hi;
}

function compareOne(
  p: MonthlyProjection,
  plan: Plan,
  billing: BillingPeriod,
  planUsd: number,
  price: {
    record: { effectiveFrom: string; source: string; checked: string };
    usdPerYear?: number;
  },
  plansVersion: string,
  on: string,
): SubscriptionComparison {
  const profile = p.profile;
  const maxMessagesPerDay = (profile.activeHoursPerDay * 3600) / MIN_SECONDS_PER_MESSAGE;
  const be = solveBreakEven((m) => monthlyCostAt(p, m), planUsd, maxMessagesPerDay);
  const caps = checkCaps(plan, {
    messagesPerActiveDay: p.messagesPerActiveDay,
    activeDaysPerMonth: p.activeDays,
    activeHoursPerDay: profile.activeHoursPerDay,
    reasoningShare: profile.reasoning.shareOfMessages,
  });
  const apiUsd = p.expected.totalUsd;
  const lowUsd = Math.min(p.range.lowUsd, apiUsd);
  const highUsd = Math.max(p.range.highUsd, apiUsd);
  const cheaper = highUsd < planUsd ? "api" : lowUsd > planUsd ? "plan" : "depends";
  const sameProvider = p.perModel.some((m) => m.provider === plan.provider);
  const name = plan.displayName;
  const priceText =
    billing === "annual"
      ? `${usd(planUsd)} a month billed yearly (${usd(price.usdPerYear ?? planUsd * 12)})`
      : `${usd(planUsd)} a month`;
  const on_ = p.room ? `a room of ${p.models.join(" + ")}` : (p.models[0] ?? p.label);
  const apiText = `about ${usd(apiUsd)} a month by API (${usd(lowUsd)}–${usd(highUsd)})`;

  const breakEven: BreakEven = {
    messagesPerDay: be,
    messagesPerMonth: be === null ? null : be * p.activeDays,
    maxMessagesPerDay,
    explanation:
      be === null
        ? `Even ${count(maxMessagesPerDay)} messages a day (one every ${MIN_SECONDS_PER_MESSAGE} s for ${count(profile.activeHoursPerDay)} hours) on ${p.activeDays} days cost less than ${name}'s ${usd(planUsd)} on ${on_}.`
        : `${name} costs ${usd(planUsd)} a month; this profile costs the same on ${on_} at ${count(be)} messages a day on ${p.activeDays} active days (${count(be * p.activeDays)} a month), found by bisection on the month's cost, which grows faster than linearly within a conversation.`,
  };

  const hard = caps.checks.find((c) => c.status === "exceeds");
  const soft = caps.checks.find((c) => c.status === "may-exceed");
  let verdict: string;
  if (hard !== undefined) {
    verdict = `${name} (${priceText}) cannot serve this usage at its price: ${capText(hard)}; on ${on_} the same usage costs ${apiText}.`;
  } else if (planUsd === 0) {
    verdict = `${name} is free${caps.checks.length > 0 ? ` within its caps (${caps.checks.map((c) => `${c.allowedMessages} ${c.label} messages per ${windowName(c.windowHours)}`).join(", ")})` : " but limited"}; on ${on_} the same usage costs ${apiText}.`;
  } else if (cheaper === "api") {
    verdict = `On ${on_} this usage costs ${apiText}, ${usd(planUsd - apiUsd)} less than ${name} at ${priceText}; the API stays cheaper ${be === null ? "at any volume one person can type" : `up to about ${count(be)} messages a day`}.`;
  } else if (cheaper === "plan") {
    verdict = `On ${on_} this usage would cost ${apiText}, ${usd(apiUsd - planUsd)} more than ${name} at ${priceText}; ${name} pays off above about ${count(be ?? 0)} messages a day.`;
  } else {
    verdict = `On ${on_} this usage costs ${apiText}, close to ${name}'s ${priceText}: which is cheaper depends on the month${be === null ? "" : `; they break even at about ${count(be)} messages a day`}.`;
  }
  if (hard === undefined && soft !== undefined) {
    verdict = `${verdict.slice(0, -1)}, but it may hit ${name}'s limits: ${capText(soft)}.`;
  }

  const notes: string[] = [];
  if (!sameProvider) {
    notes.push(
      `${name} serves ${plan.provider} models, and ${on_} is not one: this compares prices only. The plan's own equivalents: ${plan.terms.equivalentModels.map((m) => `${m.model} (${m.role})`).join(", ")}.`,
    );
  }
  if (caps.status === "unknown") {
    notes.push(
      `${name} publishes no message caps as numbers, so whether this usage fits is unknown.`,
    );
  }
  for (const text of caps.textCaps) notes.push(`${name}: ${text}`);
  if (plan.terms.asOf < on) {
    notes.push(
      `${name}'s caps and models are as of ${plan.terms.asOf}, the newest source read; they may have changed since.`,
    );
  } else if (plan.terms.asOf > on) {
    notes.push(
      `${name}'s caps and models are as of ${plan.terms.asOf}, after ${on}: the plan may have had other limits and models then.`,
    );
  }
  const extras = plan.terms.includes.filter((i) => i.kind !== "ads");
  if (extras.length > 0) {
    notes.push(
      `${name} also includes what tokens do not buy: ${extras.map((i) => i.text.replace(/\.$/, "")).join("; ")}.`,
    );
  }

  return {
    plan: {
      id: plan.id,
      displayName: name,
      provider: plan.provider,
      billing,
      usdPerMonth: planUsd,
      ...(price.usdPerYear === undefined ? {} : { usdPerYear: price.usdPerYear }),
      priceEffectiveFrom: price.record.effectiveFrom,
      source: price.record.source,
      checked: price.record.checked,
      termsAsOf: plan.terms.asOf,
      plansVersion,
    },
    scenario: { label: p.label, models: p.models, room: p.room },
    apiUsd,
    apiLowUsd: lowUsd,
    apiHighUsd: highUsd,
    differenceUsd: apiUsd - planUsd,
    cheaper,
    breakEven,
    caps,
    canServeAtItsPrice: hard === undefined,
    sameProvider,
    notPricedInTokens: plan.terms.includes,
    spendingLimit: suggestSpendingLimit(highUsd),
    verdict,
    notes,
  };
}

function capText(check: CapCheck): string {
  const after =
    check.cap.effect === "fallback-model"
      ? "then a smaller model answers"
      : check.cap.effect === "blocked-until-reset"
        ? "then you wait for the reset"
        : "then extra use is billed";
  const promise = check.cap.atLeast
    ? `at least ${count(check.allowedMessages)} promised for short chats`
    : `a cap of ${count(check.allowedMessages)}`;
  return `about ${count(check.demandMessages)} ${check.label} messages in a busy ${windowName(check.windowHours)} against ${promise} (${after})`;
}
