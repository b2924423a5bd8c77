import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { readLog, type UsageLogRecord } from "@tokenmeter/core";
import { describe, expect, it } from "vitest";

const FIXTURES = fileURLToPath(new URL("../fixtures/logs/", import.meta.url));
const name = "openai-api.jsonl";
const bytes = new Uint8Array(readFileSync(`${FIXTURES}${name}`));
const source = (line: number, byteOffset: number) => ({ file: name, line, byteOffset });
const usage = (u: Partial<UsageLogRecord["usage"]>) => ({
  inputTokens: 0,
  cachedInputTokens: 0,
  cacheWrite5mTokens: 0,
  cacheWrite1hTokens: 0,
  outputTokens: 0,
  reasoningTokens: 0,
  ...u,
});

/** Byte offset of the start of each line, computed independently of the reader. */
function lineOffsets(data: Uint8Array): number[] {
  const offsets = [0];
  data.forEach((byte, index) => {
    if (byte === 0x0a) offsets.push(index + 1);
  });
  return offsets;
}

describe("OpenAI API JSONL", () => {
  it("reads Chat Completions, Responses, Batch output and final streaming chunks with exact usage", async () => {
    const { records } = await readLog("openai-api", [bytes], { fileName: name });
    const at = lineOffsets(bytes);
    const offset = (line: number) => at[line - 1] ?? -1;
    expect(records).toEqual([
      {
        kind: "usage",
        format: "openai-api",
        timestamp: "2025-03-01T12:00:00.000Z", // created 1740830400
        model: "gpt-4o-2024-08-06",
        // prompt 2006 includes 1920 cached → 86 uncached; completion 300, no reasoning.
        usage: usage({ inputTokens: 86, cachedInputTokens: 1920, outputTokens: 300 }),
        requestCount: 1,
        serviceTier: "standard", // "default"
        id: "chatcmpl-demo1",
        source: source(1, offset(1)),
      },
      {
        kind: "usage",
        format: "openai-api",
        timestamp: "2025-04-18T18:13:20.000Z", // created_at 1745000000
        model: "o3-2025-04-16",
        // input 5000 includes 1000 cached; output 2500 includes 2000 reasoning.
        usage: usage({
          inputTokens: 4000,
          cachedInputTokens: 1000,
          outputTokens: 500,
          reasoningTokens: 2000,
        }),
        requestCount: 1,
        serviceTier: "flex",
        id: "resp_demo2",
        source: source(2, offset(2)),
      },
      {
        kind: "usage",
        format: "openai-api",
        timestamp: "2025-03-03T11:06:40.000Z", // 1741000000
        model: "gpt-4o-mini-2024-07-18",
        usage: usage({ inputTokens: 1000, outputTokens: 200 }),
        requestCount: 1,
        serviceTier: "batch", // a Batch output line, whatever the body says
        id: "chatcmpl-demo3",
        source: source(3, offset(3)),
      },
      {
        kind: "usage",
        format: "openai-api",
        timestamp: "2025-04-30T08:00:00.000Z", // 1746000000, from the response.completed event
        model: "gpt-4.1-2025-04-14",
        usage: usage({ inputTokens: 800, outputTokens: 120 }),
        requestCount: 1,
        serviceTier: "priority",
        id: "resp_demo8",
        source: source(8, offset(8)),
      },
      {
        kind: "usage",
        format: "openai-api",
        timestamp: "2025-03-06T22:26:40.000Z", // 1741300000
        model: "gpt-4o-2024-11-20",
        usage: usage({ inputTokens: 50, outputTokens: 7 }),
        requestCount: 1,
        id: "chatcmpl-demo11",
        source: source(11, offset(11)),
      },
    ]);
  });

  it("skips and counts what it cannot price, with line numbers", async () => {
    const { issues, summary } = await readLog("openai-api", [bytes], { fileName: name });
    expect(issues.map((issue) => [issue.line, issue.code, issue.severity])).toEqual([
      [4, "REQUEST_FAILED", "notice"],
      [5, "NO_USAGE", "notice"],
      [6, "BAD_JSON", "skipped"],
      [9, "BAD_RECORD", "skipped"], // embeddings list: no created time
      [10, "BAD_RECORD", "skipped"], // prompt_tokens -5
      [12, "BAD_RECORD", "skipped"], // [1, 2]
    ]);
    expect(issues[2]?.reason).toContain("line 6 is not valid JSON");
    expect(issues[4]?.reason).toContain("prompt_tokens");
    expect(summary).toMatchObject({
      linesRead: 12,
      records: { usage: 5, conversation: 0, call: 0 },
      recordsSkipped: 4,
      issues: {
        BAD_JSON: { count: 1, first: [{ line: 6, byteOffset: lineOffsets(bytes)[5] }] },
        BAD_RECORD: { count: 3 },
      },
      complete: true,
    });
  });

  it("never echoes the broken line's content", async () => {
    const { issues } = await readLog("openai-api", [bytes], { fileName: name });
    const text = JSON.stringify(issues);
    expect(text).not.toContain("chatcmpl-broken");
    expect(text).not.toContain("batch_expired");
  });
});
