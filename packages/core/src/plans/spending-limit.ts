import { checkedNumber } from "./_check-number.ts";

/**
 * How a suggested API spending limit is derived from a projection's high end. Providers recommend
 * setting a monthly budget or hard limit on an API account as a safety net; the suggestion is
 * `roundUpUsd(highUsd × SPENDING_LIMIT_HEADROOM)`.
 */

/** 25% above the high end of the range, so one unusually heavy month does not cut you off mid-task. */
export const SPENDING_LIMIT_HEADROOM = 1.25;

/**
 * Rounds an amount up to a number a person would type into a billing page: to the next $1 below
 * $10, $5 below $50, $10 below $200, $50 below $1,000, then $100; never below $1.
 *
 * @example roundUpUsd(7.2) // 8
 * @example roundUpUsd(41) // 45
 * @example roundUpUsd(123.4) // 130
 */
export function roundUpUsd(usd: number): number {
  if (!Number.isFinite(usd)) checkedNumber(usd, "usd", Number.NEGATIVE_INFINITY);
  if (usd <= 0) return 1;
  const step = usd < 10 ? 1 : usd < 50 ? 5 : usd < 200 ? 10 : usd < 1000 ? 50 : 100;
  // A tiny tolerance keeps 45.000000000001 (float noise) from jumping to 50.
  return Math.max(1, Math.ceil(usd / step - 1e-9) * step);
}

/** A suggested monthly API spending limit, with the arithmetic spelled out. */
export interface SpendingLimit {
  /** The suggested limit in USD. */
  readonly usd: number;
  /** The high end of the projection it was derived from, in USD. */
  readonly fromHighUsd: number;
  /** The headroom factor applied (1.25). */
  readonly headroom: number;
  /** The arithmetic in words: "high end $12.34 × 1.25 = $15.43, rounded up to $20". */
  readonly explanation: string;
}

/**
 * The suggested monthly spending limit for a projection whose high end is `highUsd` (USD a month).
 * @throws TokenmeterError `INVALID_INPUT` when `highUsd` is negative, NaN or infinite.
 * @example suggestSpendingLimit(11.22).usd // 15 (11.22 × 1.25 = 14.03, next $5 step)
 */
export function suggestSpendingLimit(highUsd: number): SpendingLimit {
  checkedNumber(highUsd, "highUsd");
  const withHeadroom = highUsd * SPENDING_LIMIT_HEADROOM;
  const usd = roundUpUsd(withHeadroom);
  return {
    usd,
    fromHighUsd: highUsd,
    headroom: SPENDING_LIMIT_HEADROOM,
    explanation:
      `high end of the range $${highUsd.toFixed(2)} × ${SPENDING_LIMIT_HEADROOM} = ` +
      `$${withHeadroom.toFixed(2)}, rounded up to $${usd}`,
  };
}
