// Unit tests of the CLI's pure helpers (the end-to-end tests cover the commands).
import { describe, expect, it } from "vitest";
import {
  positionals,
  rejectUnknownFlags,
  repeatedOption,
} from "../../packages/cli/src/args/argv.ts";
import { renderCsv } from "../../packages/cli/src/output/render-csv.ts";
import { displayWidth, truncateToWidth } from "../../packages/cli/src/output/style.ts";

describe("renderCsv", () => {
  it("quotes, doubles quotes, keeps raw numbers and defuses formulas in text cells", () => {
    const csv = renderCsv({
      columns: [
        { key: "title", header: "Title", kind: "text" },
        { key: "totalUsd", header: "USD", kind: "usd" },
      ],
      rows: [
        ['He said "hi", then left', 0.1 + 0.2],
        ['=HYPERLINK("x")', -1.5],
        ["line\nbreak", null],
      ],
    });
    expect(csv).toBe(
      'title,totalUsd\r\n"He said ""hi"", then left",0.30000000000000004\r\n"\'=HYPERLINK(""x"")",-1.5\r\n"line\nbreak",\r\n',
    );
  });
});

describe("terminal text", () => {
  it.each([
    ["abc", 3],
    ["東京", 4],
    ["🚀x", 3],
    ["e\u0301", 1],
  ])("width of %s is %i", (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });
  it("cuts to a width with an ellipsis", () => {
    expect(truncateToWidth("東京タワーの夜景", 7)).toBe("東京タ…");
    expect(truncateToWidth("short", 10)).toBe("short");
  });
});

describe("argv helpers", () => {
  const argsDef = {
    files: { type: "positional", required: false },
    model: { type: "string", alias: "m" },
    strict: { type: "boolean" },
    "assume-model": { type: "string" },
  } as const;

  it("collects repeated and comma-separated values", () => {
    expect(
      repeatedOption(["--model", "a", "-m", "b,c", "--model=d", "x.json"], ["model", "m"]),
    ).toEqual(["a", "b", "c", "d"]);
  });

  it("finds positionals around option values, and after --", () => {
    expect(
      positionals(
        ["a.zip", "--model", "gpt-4o", "--strict", "dir", "--", "--odd-name.json"],
        argsDef,
      ),
    ).toEqual(["a.zip", "dir", "--odd-name.json"]);
  });

  it.each([
    [["--sice", "x"], /Unknown option "--sice"/],
    [["-q"], /Unknown option "-q"/],
  ])("rejects %j", (args, message) => {
    expect(() => rejectUnknownFlags(args, argsDef, "estimate")).toThrowError(message);
  });

  it("accepts known flags, aliases, negations and option values that look like flags", () => {
    expect(() =>
      rejectUnknownFlags(
        ["-m", "x", "--no-strict", "--assume-model", "--weird", "--help"],
        argsDef,
        "estimate",
      ),
    ).not.toThrow();
  });
});
