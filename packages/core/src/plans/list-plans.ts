import { TokenmeterError } from "../errors.ts";
import { typeOfValue } from "../pricing/shown-value.ts";
import { localDate } from "./_local-date.ts";
import { defaultPlansTable } from "./default-plans.ts";
import { findPlan } from "./find-plan.ts";
import type { BillingPeriod, Plan, PlanPriceRecord, PlansTable, PlanTerms } from "./schema.ts";

/** A plan's price in effect on one date, on one billing cadence. */
export interface PlanPrice {
  readonly billing: BillingPeriod;
  /**
   * What the plan costs per month, in USD: the monthly charge, or for annual billing the year's
   * charge divided by 12 (unrounded: $200 a year is 16.666… a month).
   */
  readonly usdPerMonth: number;
  /** Annual billing only: the charge for the year, paid up front. */
  readonly usdPerYear?: number;
  /** The dated record the price comes from (its `source`, `checked` and `note`). */
  readonly record: PlanPriceRecord;
}

/** A plan as of one date: its prices then, and its terms (caps, equivalent models, inclusions). */
export interface PlanInfo {
  readonly id: string;
  readonly aliases: readonly string[];
  readonly provider: string;
  readonly product: string;
  readonly displayName: string;
  readonly pricingUrl: string;
  /** The monthly-billing price in effect on `pricedOn`, if the plan was on sale then. */
  readonly monthly: PlanPrice | undefined;
  /** The annual-billing price in effect on `pricedOn`, if offered then. */
  readonly annual: PlanPrice | undefined;
  readonly terms: PlanTerms;
  /** The calendar date the prices were looked up for (`YYYY-MM-DD`). */
  readonly pricedOn: string;
  /** The plans table's version. */
  readonly plansVersion: string;
}

/** Options of {@link listPlans}. */
export interface ListPlansOptions {
  /** Only plans of this provider (`openai`, `anthropic`, `google`). */
  provider?: string;
  /** The date whose prices to show: `YYYY-MM-DD`, a timestamp or a `Date`. Default: the table's `publishedOn`. */
  at?: string | Date;
  /** IANA time zone used to turn a timestamp `at` into a calendar date (default UTC). */
  timeZone?: string;
  /** The plans table (default: the bundled {@link defaultPlansTable}). */
  plans?: PlansTable;
  /** Also list plans that had no price on that date (not launched yet, or withdrawn). Default false. */
  includeUnavailable?: boolean;
}

/**
 * The price record of `plan` on `billing` in effect on `isoDay` (`effectiveFrom` inclusive,
 * `effectiveUntil` exclusive), or `undefined` when none was.
 */
export function planPriceAt(
  plan: Plan,
  isoDay: string,
  billing: BillingPeriod = "monthly",
): PlanPrice | undefined {
  if (plan.retiredOn !== undefined && isoDay >= plan.retiredOn) return undefined;
  for (const record of plan.prices) {
    if (record.billing !== billing) continue;
    if (
      record.effectiveFrom <= isoDay &&
      (record.effectiveUntil === undefined || isoDay < record.effectiveUntil)
    ) {
      if (billing === "annual") {
        const usdPerYear = record.usdPerYear ?? 0;
        return { billing, usdPerMonth: usdPerYear / 12, usdPerYear, record };
      }
      return { billing, usdPerMonth: record.usdPerMonth ?? 0, record };
    }
  }
  return undefined;
}

/**
 * Lists the plans of a table as of a date, in table order, with the prices in effect then.
 *
 * @example
 * for (const plan of listPlans({ provider: "anthropic" })) {
 *   console.log(plan.displayName, plan.monthly?.usdPerMonth, plan.annual?.usdPerYear);
 * }
 */
export function listPlans(opts?: ListPlansOptions): PlanInfo[] {
  const table = opts?.plans ?? defaultPlansTable;
  const pricedOn = opts?.at === undefined ? table.publishedOn : localDate(opts.at, opts.timeZone);
  const provider = typeof opts?.provider === "string" ? opts.provider.toLowerCase() : undefined;
  if (opts?.provider !== undefined && provider === undefined) {
    throw new TokenmeterError(
      "INVALID_INPUT",
      `provider must be a provider id such as "openai", got ${typeOfValue(opts.provider)}.`,
      { details: { field: "provider" } },
    );
  }
  const out: PlanInfo[] = [];
  for (const plan of table.plans) {
    if (provider !== undefined && plan.provider !== provider) continue;
    const info = toPlanInfo(plan, pricedOn, table.version);
    if (
      info.monthly === undefined &&
      info.annual === undefined &&
      opts?.includeUnavailable !== true
    ) {
      continue;
    }
    out.push(info);
  }
  return out;
}

/** {@link findPlan} plus the prices in effect on a date. @throws TokenmeterError `UNKNOWN_PLAN`. */
export function planInfo(
  idOrAlias: string,
  opts?: { at?: string | Date; timeZone?: string; plans?: PlansTable },
): PlanInfo {
  const table = opts?.plans ?? defaultPlansTable;
  const pricedOn = opts?.at === undefined ? table.publishedOn : localDate(opts.at, opts.timeZone);
  return toPlanInfo(findPlan(idOrAlias, { plans: table }), pricedOn, table.version);
}

function toPlanInfo(plan: Plan, pricedOn: string, plansVersion: string): PlanInfo {
  return {
    id: plan.id,
    aliases: plan.aliases,
    provider: plan.provider,
    product: plan.product,
    displayName: plan.displayName,
    pricingUrl: plan.pricingUrl,
    monthly: planPriceAt(plan, pricedOn, "monthly"),
    annual: planPriceAt(plan, pricedOn, "annual"),
    terms: plan.terms,
    pricedOn,
    plansVersion,
  };
}

/**
 * A plan's monthly price over time, in the shape the usage report takes (`PlanPriceSeries`).
 * For annual billing each record's `usdPerMonth` is its `usdPerYear / 12`.
 *
 * @throws TokenmeterError `UNKNOWN_PLAN`.
 * @example
 * createReportBuilder({ ..., plans: [planPriceSeries("chatgpt-plus"), planPriceSeries("claude-pro")] });
 */
export function planPriceSeries(
  idOrAlias: string,
  opts?: { billing?: BillingPeriod; plans?: PlansTable },
): {
  planId: string;
  planName: string;
  prices: { effectiveFrom: string; effectiveUntil?: string; usdPerMonth: number }[];
} {
  const plan = findPlan(idOrAlias, opts?.plans === undefined ? undefined : { plans: opts.plans });
  const billing = opts?.billing ?? "monthly";
  const prices = plan.prices
    .filter((record) => record.billing === billing)
    .map((record) => ({
      effectiveFrom: record.effectiveFrom,
      ...(record.effectiveUntil === undefined ? {} : { effectiveUntil: record.effectiveUntil }),
      usdPerMonth: billing === "annual" ? (record.usdPerYear ?? 0) / 12 : (record.usdPerMonth ?? 0),
    }));
  const name = billing === "annual" ? `${plan.displayName} (annual)` : plan.displayName;
  return { planId: plan.id, planName: name, prices };
}
