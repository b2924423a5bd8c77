// The site's number formatting: amounts at a precision that fits their size, small amounts at two
// significant digits (never "$0.00", never a dropped trailing zero), and plan prices that say
// "per month". Expected strings are written out by hand.
import { describe, expect, it } from "vitest";
import {
  formatCount,
  formatDate,
  formatLocalDate,
  formatMessagesPerDay,
  formatUsd,
  formatUsdLimit,
} from "../../site/lib/format.ts";

describe("formatUsd", () => {
  it.each([
    [0, "$0.00"],
    [1234.5, "$1,235"], // whole dollars from $1,000
    [20, "$20.00"],
    [7.434, "$7.43"],
    [0.42, "$0.42"],
    [0.1, "$0.10"],
    [0.0995, "$0.10"], // 2 significant digits round up to ten cents
    [0.017, "$0.017"],
    [0.007, "$0.0070"], // the trailing zero stays: a column reads at one precision
    [0.0025, "$0.0025"],
    // 47 tokens at $0.15 per million: 47 × 0.15 / 1e6 = $0.00000705, which is 7.0499…e-6 in binary
    // floating point, so two significant digits give 0.0000070
    [47 * 0.15e-6, "$0.0000070"],
    [0.0000712, "$0.000071"],
    [-12.57, "-$12.57"],
    [Number.NaN, "—"],
    [Number.POSITIVE_INFINITY, "—"],
  ])("%d → %s", (usd, text) => {
    expect(formatUsd(usd)).toBe(text);
  });

  it("writes whole-dollar limits without cents", () => {
    expect(formatUsdLimit(15)).toBe("$15");
    expect(formatUsdLimit(14.03)).toBe("$14.03");
  });

  it("groups thousands and formats dates in UTC", () => {
    expect(formatCount(12_345.4)).toBe("12,345");
    expect(formatDate("2026-11-27")).toBe("Nov 27, 2026");
  });

  it.each([
    [12.6, "13"],
    [54.4, "54"],
    [1234.5, "1,235"],
    [7.46, "7.5"],
    [3, "3"],
    [7.96, "8"],
    [0.35, "0.3"], // 0.35 is stored as 0.34999…, and the sentences round the stored value
  ])(
    "writes %d messages a day as %s (one decimal below 10, as the verdict sentences do)",
    (m, text) => {
      expect(formatMessagesPerDay(m)).toBe(text);
    },
  );

  it("formats a save time as a date, and leaves an unreadable one as it is", () => {
    expect(formatLocalDate("2026-06-15T12:00:00.000Z")).toBe("Jun 15, 2026");
    expect(formatLocalDate("not a date")).toBe("not a date");
  });
});
