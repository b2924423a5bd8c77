import { readFileSync } from "node:fs";
import {
  countTokens,
  defaultChatOverhead,
  type EstimateReport,
  estimateReportSchema,
  findModel,
  priceUsage,
  type ServiceTier,
  type UsageInput,
} from "@tokenmeter/core";
import { describe, expect, it } from "vitest";
import {
  PRIVATE_MARKER,
  REPO_ROOT,
  runCli,
  runCliJson,
  sameToMicroDollar,
} from "./support/run-cli.ts";

const FIXTURES = "test/fixtures/cli";
const iso = (epochSeconds: number) => new Date(epochSeconds * 1000).toISOString();

/** A request as the test reads the fixture by hand: usage in tokenmeter's convention. */
interface Expected {
  at: string;
  model: string;
  usage: UsageInput;
  serviceTier?: ServiceTier;
  requestCount?: number;
}

function costOf(requests: readonly Expected[], on?: string): number {
  return requests.reduce((sum, request) => {
    const model = on ?? request.model;
    const first = findModel(model).prices[0]?.effectiveFrom ?? "";
    // Re-pricing on a model that did not exist yet uses its first price (documented behaviour).
    const at = on !== undefined && request.at.slice(0, 10) < first ? first : request.at;
    return (
      sum +
      priceUsage(request.usage, model, {
        at,
        ...(request.serviceTier === undefined ? {} : { serviceTier: request.serviceTier }),
      }).totalUsd
    );
  }, 0);
}

/** Byte offset where 1-based `line` starts in a fixture. */
function lineOffset(file: string, line: number): number {
  const bytes = readFileSync(`${REPO_ROOT}${file}`);
  let offset = 0;
  for (let current = 1; current < line; current += 1) offset = bytes.indexOf(0x0a, offset) + 1;
  return offset;
}

// api-small.jsonl, read by hand: prompt_tokens include cached_tokens; completion (output) tokens
// include reasoning_tokens. Line 3 is cut JSON, line 6 has a negative count, line 5 an unknown model.
const API_PRICED: Expected[] = [
  {
    at: iso(1741000000),
    model: "gpt-4o-2024-08-06",
    usage: { inputTokens: 1200 - 1024, cachedInputTokens: 1024, outputTokens: 300 },
  },
  {
    at: iso(1742000000),
    model: "gpt-4o-mini-2024-07-18",
    usage: { inputTokens: 500, outputTokens: 100 },
  },
  {
    at: iso(1745000000),
    model: "o3-2025-04-16",
    usage: { inputTokens: 4000, outputTokens: 1500 - 1000, reasoningTokens: 1000 },
  },
];
const API_UNKNOWN: Expected = {
  at: iso(1744300000),
  model: "gpt-9-preview",
  usage: { inputTokens: 100, outputTokens: 50 },
};

describe("tokenmeter estimate on API usage logs (exact usage)", () => {
  it("prices OpenAI API JSONL at each request's date, reports skipped lines and unknown models", async () => {
    const { json, result } = await runCliJson<EstimateReport>([
      "estimate",
      `${FIXTURES}/api-small.jsonl`,
    ]);
    expect(estimateReportSchema.parse(json)).toEqual(json);
    const [total] = json.totals;
    expect(total).toMatchObject({
      scenarioId: "as-used",
      requestCount: 4,
      unpricedRequestCount: 1,
      usageExact: true,
    });
    expect(total?.inputTokens).toBe(176 + 500 + 4000 + 100);
    expect(total?.cachedInputTokens).toBe(1024);
    expect(total?.outputTokens).toBe(300 + 100 + 500 + 50);
    expect(total?.reasoningTokens).toBe(1000);
    expect(sameToMicroDollar(total?.totalUsd ?? Number.NaN, costOf(API_PRICED))).toBe(true);
    expect(json.rows.map((row) => row.key)).toEqual(["2025-03", "2025-04"]);
    expect(
      sameToMicroDollar(
        json.rows[0]?.scenarios[0]?.totalUsd ?? Number.NaN,
        costOf(API_PRICED.slice(0, 2)),
      ),
    ).toBe(true);
    expect(
      sameToMicroDollar(
        json.rows[1]?.scenarios[0]?.totalUsd ?? Number.NaN,
        costOf(API_PRICED.slice(2)),
      ),
    ).toBe(true);

    expect(
      json.coverage.skipped.map((skip) => [skip.reason, skip.recordCount, skip.firstLocations]),
    ).toEqual([
      [
        "BAD_JSON",
        1,
        [
          {
            file: `${FIXTURES}/api-small.jsonl`,
            line: 3,
            byteOffset: lineOffset(`${FIXTURES}/api-small.jsonl`, 3),
          },
        ],
      ],
      [
        "BAD_RECORD",
        1,
        [
          {
            file: `${FIXTURES}/api-small.jsonl`,
            line: 6,
            byteOffset: lineOffset(`${FIXTURES}/api-small.jsonl`, 6),
          },
        ],
      ],
    ]);
    expect(json.coverage).toMatchObject({
      recordsRead: 6,
      recordsSkipped: 2,
      requestsCounted: 4,
      totalsAreLowerBounds: true,
    });
    expect(json.coverage.unpricedModels).toEqual([
      {
        model: "gpt-9-preview",
        reason: "UNKNOWN_MODEL",
        scenarioId: "as-used",
        requestCount: 1,
        suggestions: expect.any(Array),
      },
    ]);
    // Each month against ChatGPT Plus (the default plan) at its price that month.
    expect(
      json.months.map((month) => month.plans.map((plan) => [plan.planId, plan.planUsdPerMonth])),
    ).toEqual([[["chatgpt-plus", 20]], [["chatgpt-plus", 20]]]);
    expect(result.stderr).toContain(`first at ${FIXTURES}/api-small.jsonl line 3`);
    expect(result.stderr + result.stdout).not.toContain(PRIVATE_MARKER);
  });

  it("re-prices the same usage on another model with --model", async () => {
    const { json } = await runCliJson<EstimateReport>([
      "estimate",
      `${FIXTURES}/api-small.jsonl`,
      "--model",
      "gpt-4.1",
    ]);
    expect(json.scenarios.map((scenario) => scenario.scenarioId)).toEqual(["as-used", "gpt-4.1"]);
    const repriced = json.totals[1];
    // The unknown model's usage is priced too when everything is re-priced on one known model; its
    // counts came from a tokenizer tokenmeter cannot name, so that scenario is not exact.
    expect(repriced).toMatchObject({ requestCount: 4, unpricedRequestCount: 0, usageExact: false });
    expect(
      sameToMicroDollar(
        repriced?.totalUsd ?? Number.NaN,
        costOf([...API_PRICED, API_UNKNOWN], "gpt-4.1"),
      ),
    ).toBe(true);
    expect(json.assumptions.map((assumption) => assumption.id)).toContain("first-price");
  });

  it("--strict stops at the first unreadable line (exit 1) and names it", async () => {
    const result = await runCli(["estimate", `${FIXTURES}/api-small.jsonl`, "--strict"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/api-small\.jsonl:3 \(byte 636\): .*In strict mode/);
    expect(result.stderr).not.toContain(PRIVATE_MARKER);
  });

  it("reads a directory of Claude Code logs, de-duplicating streamed copies across files, against Claude Pro", async () => {
    const { json } = await runCliJson<EstimateReport>([
      "estimate",
      `${FIXTURES}/claude-code`,
      "--by",
      "day",
    ]);
    const requests: Expected[] = [
      {
        at: "2025-06-01T10:00:05Z",
        model: "claude-sonnet-4-20250514",
        usage: {
          inputTokens: 10,
          cachedInputTokens: 5000,
          cacheWrite5mTokens: 1000,
          outputTokens: 200,
        },
      },
      {
        at: "2025-06-01T10:01:00Z",
        model: "claude-sonnet-4-20250514",
        usage: {
          inputTokens: 20,
          cachedInputTokens: 6000,
          cacheWrite5mTokens: 500,
          outputTokens: 300,
        },
      },
      {
        at: "2025-06-02T08:00:00Z",
        model: "claude-opus-4-20250514",
        usage: { inputTokens: 5, cachedInputTokens: 2000, outputTokens: 100 },
      },
    ];
    expect(json.totals[0]?.requestCount).toBe(3);
    expect(json.totals[0]?.cacheWrite5mTokens).toBe(1500);
    expect(sameToMicroDollar(json.totals[0]?.totalUsd ?? Number.NaN, costOf(requests))).toBe(true);
    expect(json.rows.map((row) => [row.key, row.scenarios[0]?.requestCount])).toEqual([
      ["2025-06-01", 2],
      ["2025-06-02", 1],
    ]);
    expect(json.coverage.files.map((file) => [file.file, file.format])).toEqual([
      [`${FIXTURES}/claude-code/proj-a/s1.jsonl`, "claude-code"],
      [`${FIXTURES}/claude-code/proj-b/s2.jsonl`, "claude-code"],
    ]);
    expect(json.coverage.notices.find((notice) => notice.reason === "DUPLICATE")?.recordCount).toBe(
      1,
    );
    expect(json.months[0]?.plans[0]?.planId).toBe("claude-pro");
  });

  it("reads the OpenAI usage CSV (cached inside input, batch TRUE) and notes unknown columns", async () => {
    const file = `${FIXTURES}/completions_usage_2025-05-01_2025-05-02.csv`;
    const { json, result } = await runCliJson<EstimateReport>(["estimate", file, "--by", "model"]);
    const requests: Expected[] = [
      {
        at: "2025-05-01T00:00:00Z",
        model: "gpt-4o-2024-08-06",
        usage: { inputTokens: 30000, cachedInputTokens: 20000, outputTokens: 6000 },
        requestCount: 10,
      },
      {
        at: "2025-05-02T00:00:00Z",
        model: "gpt-4o-mini-2024-07-18",
        usage: { inputTokens: 80000, outputTokens: 9000 },
        serviceTier: "batch",
        requestCount: 4,
      },
    ];
    expect(json.totals[0]?.requestCount).toBe(14);
    expect(sameToMicroDollar(json.totals[0]?.totalUsd ?? Number.NaN, costOf(requests))).toBe(true);
    const notice = json.coverage.notices.find((item) => item.reason === "UNKNOWN_COLUMNS");
    expect(notice?.firstLocations[0]).toMatchObject({ file, line: 1 });
    expect(result.stdout + result.stderr).not.toContain(PRIVATE_MARKER);
  });

  it("reads generic JSONL: exact usage lines and lines with text (counted with the model's tokenizer)", async () => {
    const { json } = await runCliJson<EstimateReport>([
      "estimate",
      `${FIXTURES}/generic-small.jsonl`,
      "--by",
      "conversation",
    ]);
    const mini = findModel("gpt-4o-mini");
    const overhead = defaultChatOverhead(mini);
    const count = async (text: string) => (await countTokens(text, "gpt-4o-mini")).tokens;
    const inputTokens =
      overhead.replyPrimingTokens +
      (await count("Be brief.")) +
      overhead.messageTokens +
      (await count(`Summarise ${PRIVATE_MARKER} please.`)) +
      overhead.messageTokens;
    const requests: Expected[] = [
      {
        at: "2025-05-01T09:00:00Z",
        model: "gpt-4.1",
        usage: { inputTokens: 1000, cachedInputTokens: 2000, outputTokens: 400 },
      },
      {
        at: "2025-05-02T09:00:00Z",
        model: "gpt-4o-mini",
        usage: { inputTokens, outputTokens: await count("Done: a short summary.") },
      },
      {
        at: "2025-05-20T09:00:00Z",
        model: "claude-sonnet-4-20250514",
        usage: { inputTokens: 300, cacheWrite5mTokens: 1000, outputTokens: 200 },
        requestCount: 2,
      },
    ];
    expect(json.totals[0]?.requestCount).toBe(4);
    expect(json.totals[0]?.usageExact).toBe(false);
    expect(sameToMicroDollar(json.totals[0]?.totalUsd ?? Number.NaN, costOf(requests))).toBe(true);
    const g2 = json.rows.find((row) => row.key === "g2");
    expect(g2?.scenarios[0]).toMatchObject({ inputTokens, usageExact: false });
  });

  it("prints CSV rows per group and scenario, and Markdown with the coverage", async () => {
    const csv = await runCli(["estimate", `${FIXTURES}/api-small.jsonl`, "--csv"]);
    expect(csv.code).toBe(0);
    const lines = csv.stdout.trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "month,scenarioId,requestCount,unpricedRequestCount,usageExact,inputTokens,cachedInputTokens,cacheWrite5mTokens,cacheWrite1hTokens,outputTokens,reasoningTokens,inputUsd,cachedInputUsd,cacheWriteUsd,outputUsd,reasoningUsd,totalUsd",
    );
    expect(lines.slice(1).map((line) => line.split(",").slice(0, 3))).toEqual([
      ["2025-03", "as-used", "2"],
      ["2025-04", "as-used", "2"],
    ]);
    const markdown = await runCli(["estimate", `${FIXTURES}/api-small.jsonl`, "--markdown"]);
    expect(markdown.stdout).toContain("| Month | Requests |");
    expect(markdown.stdout).toContain("**Coverage**");
    expect(markdown.stdout).toContain("line 3");
  });
});
