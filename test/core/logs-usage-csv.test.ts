import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { isTokenmeterError, readLog } from "@tokenmeter/core";
import { describe, expect, it } from "vitest";

const FIXTURES = fileURLToPath(new URL("../fixtures/logs/", import.meta.url));
const name = "completions_usage_2025-03-01_2025-03-03.csv";
const bytes = new Uint8Array(readFileSync(`${FIXTURES}${name}`));
const encode = (text: string) => new TextEncoder().encode(text);

describe("OpenAI usage CSV", () => {
  it("reads each bucket row: cached tokens out of input, floats as integers, batch and tiers", async () => {
    const { records } = await readLog("openai-usage-csv", [bytes], { fileName: name });
    expect(records).toEqual([
      {
        kind: "usage",
        format: "openai-usage-csv",
        timestamp: "2025-03-01T00:00:00.000Z", // 1740787200
        periodEnd: "2025-03-02T00:00:00.000Z",
        model: "gpt-4o-2024-08-06",
        // input_tokens 120345.0 includes input_cached_tokens 64000.0 → 56345 uncached.
        usage: {
          inputTokens: 56_345,
          cachedInputTokens: 64_000,
          cacheWrite5mTokens: 0,
          cacheWrite1hTokens: 0,
          outputTokens: 8012,
          reasoningTokens: 0,
        },
        requestCount: 12,
        serviceTier: "standard",
        source: { file: name, line: 2 },
      },
      {
        kind: "usage",
        format: "openai-usage-csv",
        timestamp: "2025-03-01T00:00:00.000Z",
        periodEnd: "2025-03-02T00:00:00.000Z",
        model: "gpt-4o-mini-2024-07-18",
        usage: {
          inputTokens: 50_000,
          cachedInputTokens: 0,
          cacheWrite5mTokens: 0,
          cacheWrite1hTokens: 0,
          outputTokens: 10_000,
          reasoningTokens: 0,
        },
        requestCount: 3,
        serviceTier: "batch", // batch TRUE
        source: { file: name, line: 3 },
      },
      {
        kind: "usage",
        format: "openai-usage-csv",
        timestamp: "2025-03-03T00:00:00.000Z",
        periodEnd: "2025-03-04T00:00:00.000Z",
        model: "gpt-4o-audio-preview-2024-12-17",
        usage: {
          inputTokens: 900,
          cachedInputTokens: 0,
          cacheWrite5mTokens: 0,
          cacheWrite1hTokens: 0,
          outputTokens: 400,
          reasoningTokens: 0,
        },
        requestCount: 2,
        serviceTier: "standard",
        source: { file: name, line: 7 }, // the row on lines 5–6 holds a quoted line break
      },
      {
        kind: "usage",
        format: "openai-usage-csv",
        timestamp: "2025-03-03T00:00:00.000Z",
        periodEnd: "2025-03-04T00:00:00.000Z",
        model: "o3-mini-2025-01-31",
        usage: {
          inputTokens: 4952,
          cachedInputTokens: 2048,
          cacheWrite5mTokens: 0,
          cacheWrite1hTokens: 0,
          outputTokens: 5200,
          reasoningTokens: 0,
        },
        requestCount: 5,
        serviceTier: "flex",
        source: { file: name, line: 8 },
      },
    ]);
  });

  it("lists unknown columns, reports unpriced audio and bad rows, ignores empty buckets", async () => {
    const { issues, summary } = await readLog("openai-usage-csv", [bytes], { fileName: name });
    expect(issues.map((issue) => [issue.line, issue.code])).toEqual([
      [1, "UNKNOWN_COLUMNS"],
      [5, "BAD_RECORD"], // 12.5 input tokens
      [7, "UNPRICED_COLUMNS"],
    ]);
    expect(issues[0]?.reason).toContain("cost_center");
    expect(issues[1]?.reason).toContain("input_tokens");
    expect(issues[1]?.reason).not.toContain("Multi");
    expect(summary).toMatchObject({
      linesRead: 8,
      ignoredLines: 1,
      recordsSkipped: 1,
      records: { usage: 4 },
    });
  });

  it("fails with the names of missing required columns", async () => {
    const csv = encode("start_time,model,prompt_tokens\n1740787200,gpt-4o,10\n");
    let error: unknown;
    try {
      await readLog("openai-usage-csv", [csv], { fileName: "usage.csv" });
    } catch (caught) {
      error = caught;
    }
    expect(isTokenmeterError(error, "BAD_LOG")).toBe(true);
    expect((error as Error).message).toContain(
      "missing required columns input_tokens, output_tokens",
    );
    expect((error as Error).message).toContain("prompt_tokens");
  });

  it("accepts the platform's export of a range without usage (time columns only)", async () => {
    const csv = encode(
      "start_time,end_time,start_time_iso,end_time_iso\n1735689600,1735776000,2025-01-01T00:00:00+00:00,2025-01-02T00:00:00+00:00\n",
    );
    const { records, issues } = await readLog("openai-usage-csv", [csv], { fileName: "u.csv" });
    expect(records).toEqual([]);
    expect(issues.map((issue) => issue.code)).toEqual(["EMPTY_EXPORT"]);
  });

  it("uses start_time_iso without start_time, reads a BOM and CRLF line ends", async () => {
    const csv = encode(
      "\uFEFFstart_time_iso,model,input_tokens,output_tokens,batch\r\n2025-02-01T00:00:00+00:00,gpt-4o,100,20,false\r\n",
    );
    const { records, issues } = await readLog("openai-usage-csv", [csv], { fileName: "u.csv" });
    expect(issues).toEqual([]);
    expect(records).toMatchObject([
      {
        timestamp: "2025-02-01T00:00:00.000Z",
        model: "gpt-4o",
        requestCount: 1,
        usage: { inputTokens: 100, outputTokens: 20 },
      },
    ]);
  });

  it("stops at malformed CSV and says which line", async () => {
    const csv = encode(
      'start_time,model,input_tokens,output_tokens\n1740787200,gpt-4o,1,2\n1740787200,"gpt-4o"x,1,2\n',
    );
    const { records, issues, summary } = await readLog("openai-usage-csv", [csv], {
      fileName: "u.csv",
    });
    expect(records).toMatchObject([{ model: "gpt-4o", source: { line: 2 } }]);
    expect(issues).toMatchObject([{ code: "BAD_RECORD", line: 3 }]);
    expect(issues[0]?.reason).toContain("CSV_");
    expect(summary.complete).toBe(false);
  });

  it("reads the rows before an unclosed quote", async () => {
    const csv = encode(
      'start_time,model,input_tokens,output_tokens\n1740787200,gpt-4o,1,2\n1740787200,gpt-4o,3,4\n1740787200,"gpt-4o,5,6\n',
    );
    const { records, issues } = await readLog("openai-usage-csv", [csv], { fileName: "u.csv" });
    expect(records.map((record) => record.source.line)).toEqual([2, 3]);
    expect(issues.map((issue) => issue.code)).toEqual(["BAD_RECORD"]);
  });

  it("reads a large export in batches with the same result as one chunk", async () => {
    const header =
      "start_time,model,input_tokens,output_tokens,input_cached_tokens,num_model_requests\n";
    const rows: string[] = [];
    for (let i = 0; i < 20_000; i += 1)
      rows.push(`${1735689600 + i * 60},gpt-4o-mini,${1000 + i}.0,${i % 97},${i % 500}.0,1.0`);
    const csv = encode(header + rows.join("\n"));
    const chunks: Uint8Array[] = [];
    for (let at = 0; at < csv.length; at += 4093) chunks.push(csv.subarray(at, at + 4093));
    const whole = await readLog("openai-usage-csv", [csv], { fileName: "big.csv" });
    const chunked = await readLog("openai-usage-csv", chunks, { fileName: "big.csv" });
    expect(chunked).toEqual(whole);
    expect(whole.records).toHaveLength(20_000);
    // Σ input_tokens − Σ cached = Σ (1000 + i) − Σ (i mod 500), computed here by formula.
    const n = 20_000;
    const sumInput = 1000 * n + (n * (n - 1)) / 2;
    const sumCached = (n / 500) * ((499 * 500) / 2);
    const total = whole.records.reduce(
      (sum, record) => sum + (record.kind === "usage" ? record.usage.inputTokens : 0),
      0,
    );
    expect(total).toBe(sumInput - sumCached);
    expect(whole.records.at(-1)?.source.line).toBe(20_001);
  });
});
