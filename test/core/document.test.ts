// The report document's formatting: what every edge (the CLI's terminal and Markdown renderers,
// the site's import page) shows for a raw cell value.
import { formatCell, formatCount, formatUsd, formatUsdPerMTok, printable } from "@tokenmeter/core";
import { describe, expect, it } from "vitest";

describe("formatUsd", () => {
  it.each([
    [0, "$0.00"],
    [4.8, "$4.80"],
    [20, "$20.00"],
    [1234.5, "$1,234.50"],
    [0.15, "$0.15"],
    [0.0169, "$0.0169"],
    [0.000123456, "$0.000123"],
    [0.0000035, "$0.0000035"],
    [-15.2, "-$15.20"],
    [Number.NaN, "n/a"],
  ])("%d → %s", (usd, text) => {
    expect(formatUsd(usd)).toBe(text);
  });

  it.each([
    [2.5, "$2.50"],
    [0.075, "$0.075"],
    [0.0375, "$0.0375"],
  ])("price %d per MTok → %s", (usd, text) => {
    expect(formatUsdPerMTok(usd)).toBe(text);
  });
});

describe("formatCell", () => {
  it.each([
    [null, "usd", "—"],
    [true, "flag", "yes"],
    [false, "flag", "no"],
    [1234567, "tokens", "1,234,567"],
    [1234567.4, "count", "1,234,567"],
    [0.125, "percent", "12.5%"],
    [4.8, "usd", "$4.80"],
    [0.075, "usdPerMTok", "$0.075"],
    [42, "text", "42"],
    ["line\nbreak", "text", "line break"],
  ] as const)("%j as %s → %s", (value, kind, text) => {
    expect(formatCell(value, kind)).toBe(text);
  });

  it("groups thousands whatever the machine's locale", () => {
    expect(formatCount(1000000)).toBe("1,000,000");
  });
});

describe("printable", () => {
  it("removes control characters and bidi overrides from data", () => {
    expect(printable("a\u001b[31mred\u202Eevil\nnext")).toBe("a [31mred evil next");
  });
});
