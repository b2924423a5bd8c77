// Unit tests of the CLI's pure helpers (the end-to-end tests cover the commands).
import type { ConversationLogRecord } from "@tokenmeter/core";
import { describe, expect, it } from "vitest";
import {
  positionals,
  rejectUnknownFlags,
  repeatedOption,
} from "../../packages/cli/src/args/argv.ts";
import { conversationTurns } from "../../packages/cli/src/estimate/conversation-turns.ts";
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

describe("conversationTurns", () => {
  const record = (
    roles: ("user" | "assistant")[],
    times: (string | undefined)[],
  ): ConversationLogRecord => ({
    kind: "conversation",
    format: "chatgpt-export",
    id: "c",
    modelRecorded: true,
    createdAt: "2025-01-01T00:00:00.000Z",
    messages: roles.map((role, index) => ({
      role,
      text: `m${index}`,
      ...(times[index] === undefined ? {} : { timestamp: times[index] }),
      ...(role === "assistant" ? { model: "gpt-4o", apiModel: "gpt-4o" } : {}),
    })),
    skipped: {
      otherBranches: 0,
      hidden: 0,
      system: 0,
      tool: 0,
      reasoning: 0,
      context: 0,
      empty: 0,
      unsupported: 0,
    },
    source: { file: "f" },
  });

  it("merges runs of one role and dates each call by its answer", () => {
    const turns = conversationTurns(
      record(
        ["user", "user", "assistant", "assistant", "user", "assistant", "user"],
        ["t0", "t1", "t2", undefined, "t4", undefined, undefined],
      ),
    );
    expect(turns.map((turn) => [turn.userMessages, turn.replyMessages, turn.timestamp])).toEqual([
      [[0, 1], [2, 3], "t2"],
      [[4], [5], "t4"],
      [[6], [], "t4"],
    ]);
  });

  it("starts with an answer when the export does, dated from the conversation", () => {
    const turns = conversationTurns(
      record(["assistant", "user", "assistant"], [undefined, undefined, "t2"]),
    );
    expect(turns.map((turn) => [turn.userMessages, turn.replyMessages, turn.timestamp])).toEqual([
      [[], [0], "2025-01-01T00:00:00.000Z"],
      [[1], [2], "t2"],
    ]);
  });
});
