// How tables and prose are laid out for people: dollar columns, prices, wrapping.
import type { DocumentTable } from "@tokenmeter/core";
import { describe, expect, it } from "vitest";
import {
  formatColumn,
  formatTableCells,
  formatUsdFixed,
  formatUsdPerMTokCell,
  usdColumnDecimals,
} from "../../packages/cli/src/output/format-column.ts";
import { renderTerminal } from "../../packages/cli/src/output/render-terminal.ts";
import { createStyle, displayWidth } from "../../packages/cli/src/output/style.ts";
import { outputWidth, wrapText } from "../../packages/cli/src/output/wrap-text.ts";

describe("usdColumnDecimals: one number of decimals per dollar column", () => {
  it.each([
    // Cents as soon as an amount reaches a dollar, however small the others.
    [[54.07, 0.004, 0], 2],
    // Below a dollar, two significant digits of the smallest non-zero amount:
    // 0.13 → −log10 = 0.89 → ceil 1, + 1 = 2 decimals.
    [[0.14, 0.49, 0.13, 0.75], 2],
    // 0.036 → 1.44 → 2, + 1 = 3 decimals ($0.036, not $0.04).
    [[0.036, 0.072, 0.108], 3],
    // 0.00707 → −log10 = 2.15 → ceil 3, + 1 = 4 decimals.
    [[0.00707, 0.0108, 0.0422], 4],
    // 0.0004175 → 3.38 → 4, + 1 = 5.
    [[0.0004175, 0.0017466], 5],
    // 0.0000741 → 4.13 → 5, + 1 = 6 (the cap).
    [[0.000424, 0.0000741, 0.00146], 6],
    [[0.0000000123], 6],
    // Nothing to show: cents.
    [[0, 0], 2],
    [[], 2],
  ])("%j → %i", (amounts, decimals) => {
    expect(usdColumnDecimals(amounts)).toBe(decimals);
  });
});

describe("formatColumn", () => {
  it("gives a column the same decimals, so a total never looks smaller than a part", () => {
    // Before: $0.00485, $0.10 and a total of $0.10. Now every cell has 4 decimals.
    expect(formatColumn([0.00485, 0.0997, 0.10455], "usd")).toEqual([
      "$0.0049",
      "$0.0997",
      "$0.1046",
    ]);
  });

  it("shows an amount below the column's last decimal as <$0.01, never as $0.00", () => {
    expect(formatColumn([54.07, 0.004, 0, null], "usd")).toEqual([
      "$54.07",
      "<$0.01",
      "$0.00",
      "—",
    ]);
    expect(formatUsdFixed(-0.001, 2)).toBe("-<$0.01");
    expect(formatUsdFixed(1234.5, 2)).toBe("$1,234.50");
    expect(formatUsdFixed(Number.NaN, 2)).toBe("n/a");
  });

  it("prints whole cents per 1M tokens with two decimals, even when binary fractions are inexact", () => {
    // 1.1 × 100 = 110.00000000000001 in binary floating point.
    expect(formatUsdPerMTokCell(1.1)).toBe("$1.10");
    expect(formatUsdPerMTokCell(4.4)).toBe("$4.40");
    expect(formatUsdPerMTokCell(2.5)).toBe("$2.50");
    expect(formatUsdPerMTokCell(0.075)).toBe("$0.075");
    expect(formatUsdPerMTokCell(0.275)).toBe("$0.275");
    expect(formatUsdPerMTokCell(0.0375)).toBe("$0.0375");
  });

  it("formats the footer with its column", () => {
    const table: DocumentTable = {
      columns: [
        { key: "month", header: "Month", kind: "text" },
        { key: "totalUsd", header: "API", kind: "usd" },
      ],
      rows: [
        ["2025-03", 0.00485],
        ["2025-04", 0.0997],
      ],
      footer: ["Total", 0.10455],
    };
    expect(formatTableCells(table)).toEqual({
      rows: [
        ["2025-03", "$0.0049"],
        ["2025-04", "$0.0997"],
      ],
      footer: ["Total", "$0.1046"],
    });
  });
});

describe("wrapText and outputWidth", () => {
  it("wraps at spaces with a hanging indent, and keeps an over-long word whole", () => {
    expect(wrapText("one two three four five", 12, "  • ", "    ")).toEqual([
      "  • one two",
      "    three",
      "    four",
      "    five",
    ]);
    const path = "/a/very/long/path/that/does/not/fit.jsonl";
    expect(wrapText(`see ${path} now`, 20)).toEqual(["see", path, "now"]);
    expect(wrapText("no width, one line", undefined, "- ")).toEqual(["- no width, one line"]);
  });

  it("counts wide characters as two cells", () => {
    for (const line of wrapText("日本語のタイトル 日本語のタイトル 日本語", 20)) {
      expect(displayWidth(line)).toBeLessThanOrEqual(20);
    }
  });

  it("wraps on a terminal at its width, elsewhere only when COLUMNS says so", () => {
    expect(outputWidth({ isTTY: true, columns: 100 }, {})).toBe(100);
    expect(outputWidth({ isTTY: true, columns: 100 }, { COLUMNS: "60" })).toBe(100);
    expect(outputWidth({ isTTY: false }, {})).toBeUndefined();
    expect(outputWidth({ isTTY: false }, { COLUMNS: "80" })).toBe(80);
    expect(outputWidth({ isTTY: false }, { COLUMNS: "wide" })).toBeUndefined();
    // Too narrow to help: left alone.
    expect(outputWidth({ isTTY: true, columns: 20 }, {})).toBeUndefined();
  });

  it("renders a document's prose within the width, tables untouched", () => {
    const text = renderTerminal(
      {
        blocks: [
          {
            kind: "heading",
            text: "tokenmeter estimate · a.zip · 2025-06-03 to 2025-11-12 · time zone UTC",
          },
          {
            kind: "text",
            lines: [
              "Totals are lower bounds:",
              "  - a reason long enough to need a second line of text",
            ],
          },
          {
            kind: "list",
            title: "Assumptions",
            items: ["an assumption that also needs two lines here"],
          },
        ],
        csv: { columns: [], rows: [] },
        json: {},
      },
      createStyle(false),
      40,
    );
    expect(text).toBe(
      [
        "tokenmeter estimate · a.zip · 2025-06-03",
        "to 2025-11-12 · time zone UTC",
        "",
        "Totals are lower bounds:",
        "  - a reason long enough to need a",
        "    second line of text",
        "",
        "Assumptions",
        "  • an assumption that also needs two",
        "    lines here",
        "",
      ].join("\n"),
    );
  });
});
