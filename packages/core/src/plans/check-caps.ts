import { TokenmeterError } from "../errors.ts";
import { checkedNumber } from "./_check-number.ts";
import type { Plan, PlanCap } from "./schema.ts";
import { DAYS_PER_MONTH } from "./usage-profile.ts";

/**
 * Whether a usage fits under a plan's caps:
 * - `within`: under every published numeric cap;
 * - `may-exceed`: above a cap the provider states as a floor for short conversations ("at least 225
 *   messages every 5 hours"), so whether it fits depends on message lengths;
 * - `exceeds`: above a hard published cap: the plan cannot serve this usage at its price;
 * - `unknown`: the provider publishes no numbers (only text), so it cannot be checked.
 */
export type CapStatus = "within" | "may-exceed" | "exceeds" | "unknown";

/** One numeric cap set against the usage. */
export interface CapCheck {
  readonly label: string;
  /** Messages the cap allows per window. */
  readonly allowedMessages: number;
  readonly windowHours: number;
  /** Messages this usage sends in the busiest such window (see {@link messagesInWindow}). */
  readonly demandMessages: number;
  readonly status: Exclude<CapStatus, "unknown">;
  readonly cap: Extract<PlanCap, { kind: "messages" }>;
}

/** The caps verdict for one plan. */
export interface CapsVerdict {
  readonly status: CapStatus;
  readonly checks: readonly CapCheck[];
  /** The plan's caps that are published only as text. */
  readonly textCaps: readonly string[];
}

/** What the caps check needs to know about the usage. */
export interface CapDemand {
  readonly messagesPerActiveDay: number;
  readonly activeDaysPerMonth: number;
  /** Hours of the day the messages are spread over. */
  readonly activeHoursPerDay: number;
  /** Share of messages sent to a reasoning model (for caps with `scope: "reasoning"`). */
  readonly reasoningShare: number;
}

/**
 * Messages sent in the busiest window of `windowHours`, assuming a day's messages are spread evenly
 * over its active hours and active days evenly over the month:
 * - window ≤ active hours: `m × window / activeHours` (a 3-hour window in an 8-hour day holds 3/8);
 * - window up to a day: all `m` of the day;
 * - longer windows: `m × (window / 24 h) × min(1, activeDays / 30.44)` (a week holds its share of active days).
 */
export function messagesInWindow(demand: CapDemand, windowHours: number): number {
  checkDemand(demand);
  checkedNumber(windowHours, "windowHours");
  return inWindow(demand, windowHours);
}

/** Throws `INVALID_INPUT` for a demand no profile can produce (NaN, negative, no active hours). */
function checkDemand(demand: CapDemand): void {
  if (typeof demand !== "object" || demand === null) {
    throw new TokenmeterError(
      "INVALID_INPUT",
      "demand must be an object { messagesPerActiveDay, activeDaysPerMonth, activeHoursPerDay, reasoningShare }.",
      { details: { field: "demand" } },
    );
  }
  checkedNumber(demand.messagesPerActiveDay, "messagesPerActiveDay");
  checkedNumber(demand.activeDaysPerMonth, "activeDaysPerMonth");
  checkedNumber(demand.activeHoursPerDay, "activeHoursPerDay", Number.MIN_VALUE);
  checkedNumber(demand.reasoningShare, "reasoningShare");
}

function inWindow(demand: CapDemand, windowHours: number): number {
  const m = demand.messagesPerActiveDay;
  if (windowHours <= demand.activeHoursPerDay) return (m * windowHours) / demand.activeHoursPerDay;
  if (windowHours <= 24) return m;
  const activeShare = Math.min(1, demand.activeDaysPerMonth / DAYS_PER_MONTH);
  return m * (windowHours / 24) * activeShare;
}

/** Checks a usage against every cap of a plan (see {@link CapStatus}). */
export function checkCaps(plan: Plan, demand: CapDemand): CapsVerdict {
  checkDemand(demand);
  const checks: CapCheck[] = [];
  const textCaps: string[] = [];
  for (const cap of plan.terms.caps) {
    if (cap.kind === "text") {
      textCaps.push(cap.text);
      continue;
    }
    const all = inWindow(demand, cap.windowHours);
    const demandMessages = cap.scope === "reasoning" ? all * demand.reasoningShare : all;
    const over = demandMessages > cap.messages;
    checks.push({
      label: cap.label,
      allowedMessages: cap.messages,
      windowHours: cap.windowHours,
      demandMessages,
      status: !over ? "within" : cap.atLeast ? "may-exceed" : "exceeds",
      cap,
    });
  }
  let status: CapStatus = checks.length === 0 ? "unknown" : "within";
  if (checks.some((c) => c.status === "may-exceed")) status = "may-exceed";
  if (checks.some((c) => c.status === "exceeds")) status = "exceeds";
  return { status, checks, textCaps };
}
