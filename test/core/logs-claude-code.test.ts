import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  createClaudeCodeDedupe,
  createLogReader,
  type LogRecord,
  readLog,
  type UsageLogRecord,
} from "@tokenmeter/core";
import { describe, expect, it } from "vitest";

const FIXTURES = fileURLToPath(new URL("../fixtures/logs/", import.meta.url));
const fixture = (file: string) => new Uint8Array(readFileSync(`${FIXTURES}${file}`));
const usageOf = (records: LogRecord[]) =>
  records.filter((record): record is UsageLogRecord => record.kind === "usage");

describe("Claude Code logs", () => {
  const name = "claude-code-session.jsonl";

  it("keeps the last streaming snapshot of each response, in first-seen order", async () => {
    const { records, issues, summary } = await readLog("claude-code", [fixture(name)], {
      fileName: name,
    });
    expect(
      usageOf(records).map((record) => [
        record.id,
        record.source.line,
        record.usage,
        record.serviceTier,
      ]),
    ).toEqual([
      // msg_01:req_01 appears on lines 3 (output 2) and 4 (output 180): the last one is complete.
      [
        "msg_01",
        4,
        {
          inputTokens: 3,
          cachedInputTokens: 22137,
          cacheWrite5mTokens: 2285,
          cacheWrite1hTokens: 0,
          outputTokens: 180,
          reasoningTokens: 0,
        },
        "standard",
      ],
      // msg_02 has no requestId (lines 6 and 7): de-duplicated by message.id alone.
      [
        "msg_02",
        7,
        {
          inputTokens: 10,
          cachedInputTokens: 24000,
          cacheWrite5mTokens: 0,
          cacheWrite1hTokens: 0,
          outputTokens: 95,
          reasoningTokens: 0,
        },
        undefined,
      ],
      // 1-hour cache writes come from usage.cache_creation.
      [
        "msg_03",
        10,
        {
          inputTokens: 7,
          cachedInputTokens: 26000,
          cacheWrite5mTokens: 0,
          cacheWrite1hTokens: 4000,
          outputTokens: 420,
          reasoningTokens: 0,
        },
        "standard",
      ],
      // No message.id: nothing to de-duplicate on, kept as is.
      [
        undefined,
        11,
        {
          inputTokens: 5,
          cachedInputTokens: 0,
          cacheWrite5mTokens: 0,
          cacheWrite1hTokens: 0,
          outputTokens: 40,
          reasoningTokens: 0,
        },
        undefined,
      ],
    ]);
    expect(usageOf(records)[0]).toMatchObject({
      timestamp: "2025-10-01T09:00:09.000Z",
      model: "claude-sonnet-4-5-20250929",
      conversationId: "sess-1",
      requestCount: 1,
    });
    expect(issues.map((issue) => [issue.line, issue.code])).toEqual([
      [8, "SYNTHETIC_MODEL"],
      [9, "BAD_JSON"],
    ]);
    expect(summary).toMatchObject({
      linesRead: 11,
      records: { usage: 4 },
      duplicates: 2,
      ignoredLines: 3, // summary, user prompt, tool result
      recordsSkipped: 1,
      issues: { SYNTHETIC_MODEL: { count: 1 }, BAD_JSON: { count: 1, first: [{ line: 9 }] } },
    });
  });

  it("de-duplicates across files with a shared deduper (a resumed session repeats entries)", () => {
    const dedupe = createClaudeCodeDedupe();
    const summaries = ["claude-code-session.jsonl", "claude-code-resumed.jsonl"].map((file) => {
      const reader = createLogReader("claude-code", {
        fileName: file,
        claudeCodeDedupe: dedupe,
        onRecord: () => {
          throw new Error("nothing is emitted per file with a shared deduper");
        },
      });
      reader.write(fixture(file));
      return reader.end();
    });
    const drained: UsageLogRecord[] = [];
    expect(dedupe.drain((record) => drained.push(record))).toBe(5);
    expect(drained.map((record) => [record.id, record.source.file, record.source.line])).toEqual([
      ["msg_01", "claude-code-session.jsonl", 4],
      ["msg_02", "claude-code-session.jsonl", 7],
      // The resumed file's copy replaces the first file's, in the first file's position.
      ["msg_03", "claude-code-resumed.jsonl", 1],
      [undefined, "claude-code-session.jsonl", 11],
      ["msg_04", "claude-code-resumed.jsonl", 2],
    ]);
    expect(drained[4]).toMatchObject({ model: "claude-opus-4-6", speed: "fast" });
    expect(summaries.map((summary) => [summary.records.usage, summary.duplicates])).toEqual([
      [4, 2],
      [1, 1],
    ]);
    expect(dedupe.duplicates).toBe(3);
    expect(dedupe.size).toBe(0);
  });

  it("reads ccusage's fixture: three entries with their logged costs", async () => {
    const file = "ccusage--project-alpha--session-alpha--chat.jsonl";
    const { records, issues } = await readLog("claude-code", [fixture(file)], { fileName: file });
    expect(issues).toEqual([]);
    expect(
      usageOf(records).map((record) => [
        record.model,
        record.usage.inputTokens,
        record.usage.cacheWrite5mTokens,
        record.usage.cachedInputTokens,
        record.usage.outputTokens,
        record.reportedCostUsd,
      ]),
    ).toEqual([
      ["claude-sonnet-4-20250514", 100, 25, 10, 50, 0.12],
      ["claude-opus-4-20250514", 200, 50, 20, 75, 0.34],
      ["claude-sonnet-4-20250514", 300, 0, 40, 125, 0.56],
    ]);
    // ccusage reports $1.02 in display mode: the sum of the logged costUSD values.
    const total = usageOf(records).reduce((sum, record) => sum + (record.reportedCostUsd ?? 0), 0);
    expect(total).toBeCloseTo(1.02, 10);
    expect(usageOf(records)[1]?.speed).toBe("fast");
  });

  it("reads polylogue's transcript: only the two lines with usage are usage entries", async () => {
    const file = "polylogue--claude-normalization-main.jsonl";
    const { records, summary } = await readLog("claude-code", [fixture(file)], { fileName: file });
    expect(
      usageOf(records).map((record) => [
        record.source.line,
        record.model,
        record.usage.outputTokens,
      ]),
    ).toEqual([
      [2, "claude-sonnet-4-5-20250929", 40],
      [13, "claude-opus-4-6", 8],
    ]);
    expect(summary).toMatchObject({ linesRead: 13, ignoredLines: 11, recordsSkipped: 0 });
  });
});
