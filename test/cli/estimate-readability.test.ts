// What a person reads: the report fits a terminal, numbers and sentences agree, assumptions are
// stated once. Runs the built CLI on the shipped examples and on small fixtures.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { EstimateReport } from "@tokenmeter/core";
import { zipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { displayWidth } from "../../packages/cli/src/output/style.ts";
import {
  REPO_ROOT,
  removeTempDirs,
  runCli,
  runCliJson,
  sameToMicroDollar,
  tempDir,
} from "./support/run-cli.ts";

const EXAMPLE_EXPORT = "examples/chatgpt-export.zip";
const FIXTURES = "test/fixtures/cli";

afterAll(removeTempDirs);

function section(stdout: string, title: string): string[] {
  const lines = stdout.split("\n");
  const start = lines.indexOf(title);
  const end = lines.indexOf("", start);
  return lines.slice(start + 1, end);
}

describe("tokenmeter estimate, read by a person", () => {
  it("fits an 80-column terminal: prose is wrapped to COLUMNS, the default tables are narrower", async () => {
    const result = await runCli(["estimate", EXAMPLE_EXPORT], { env: { COLUMNS: "80" } });
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split("\n");
    const tooWide = lines.filter((line) => displayWidth(line) > 80);
    expect(tooWide).toEqual([]);
    // Wrapped lines of a list item hang under its text.
    expect(result.stdout).toMatch(/\n {2}• Chat exports record text, not tokens: [^\n]+\n {4}\S/);
  });

  it("keeps one sentence per line when stdout is a pipe and COLUMNS is not set", async () => {
    const result = await runCli(["estimate", EXAMPLE_EXPORT]);
    expect(result.stdout).toMatch(
      /\nOver 6 months, ChatGPT Plus comes to \$120\.00; the API would have cost \$0\.0422 \(\$119\.96 less; cheaper in 6 of 6 months\)\.\n/,
    );
  });

  it("states each assumption once: models that share one are listed together, counts never exceed what was read", async () => {
    const { json } = await runCliJson<EstimateReport>(["estimate", EXAMPLE_EXPORT]);
    const conversations = json.coverage.recordsRead;
    expect(conversations).toBe(10);
    const descriptions = json.assumptions.map((assumption) => assumption.description);
    // The sample export's answers come from gpt-4o, gpt-4o-mini (API-confirmed chat format) and
    // o3, gpt-5, gpt-5-chat-latest (format assumed): two overhead sentences, not five.
    const overhead = descriptions.filter((text) => /chat overhead/i.test(text));
    expect(overhead).toHaveLength(2);
    expect(overhead[0]).toMatch(/^Chat overhead of gpt-4o and gpt-4o-mini: 4 tokens per message/);
    expect(overhead[1]).toMatch(
      /^Chat overhead of o3, gpt-5 and gpt-5-chat-latest: .*not API-confirmed for these models/,
    );
    for (const text of descriptions) {
      const count = /\((\d[\d,]*) conversations\)$/.exec(text)?.[1];
      if (count !== undefined)
        expect(Number(count.replace(/,/g, ""))).toBeLessThanOrEqual(conversations);
    }
    // Every conversation is replayed with OpenAI's automatic caching rule: all ten, once each.
    expect(
      descriptions.find((text) => text.startsWith("Prompt caching (provider default): OpenAI")),
    ).toMatch(/\(10 conversations\)$/);
  });

  it("never writes counts as 'N thing(s)'", async () => {
    const result = await runCli(["estimate", EXAMPLE_EXPORT, "-m", "claude-sonnet-4-5"]);
    expect(result.stdout).not.toContain("(s)");
    expect(section(result.stdout, "Coverage")).toEqual([
      "  • examples/chatgpt-export.zip!conversations.json: chatgpt-export, 10 conversations read, 0 skipped",
      "  • 22 requests counted.",
    ]);
    expect(result.stdout).toContain(
      "  - 1 image, 1 file attached to messages are not priced (the API bills them as extra input).",
    );
  });

  it("lists every re-priced model's first price in one sentence, with thousands separators", async () => {
    const { json } = await runCliJson<EstimateReport>([
      "estimate",
      EXAMPLE_EXPORT,
      "-m",
      "claude-sonnet-4-5",
    ]);
    const firstPrice = json.assumptions.filter((assumption) => assumption.id === "first-price");
    expect(firstPrice).toHaveLength(1);
    // All 22 requests are dated before claude-sonnet-4-5's first price (2025-09-29) except the
    // 5 of October and November: 17 (the README's earlier output said the same).
    expect(firstPrice[0]?.description).toContain(
      "claude-sonnet-4-5, first priced 2025-09-29 (17 requests)",
    );
  });

  it("shows conversations by title first, with the id cut to 8 characters", async () => {
    const result = await runCli(["estimate", EXAMPLE_EXPORT, "--by", "conversation"]);
    expect(result.stdout).toMatch(
      /\nConversation +Id +Requests +Input tokens +\(cached\) +Output tokens +API cost \(as used\)\n/,
    );
    expect(result.stdout).toMatch(
      /\nRate limiter design +c6a649af… +2 +529 +0 +1,204 +\$0\.01069\n/,
    );
    // CSV keeps the whole id and the title.
    const csv = await runCli(["estimate", EXAMPLE_EXPORT, "--by", "conversation", "--csv"]);
    expect(csv.stdout).toContain(
      "c6a649af-adca-41e5-ac0c-22894b954774,Rate limiter design,as-used,",
    );
  });

  it("names the months a plan was not on sale and leaves them out of that plan's sums", async () => {
    const file = `${FIXTURES}/generic-before-claude-pro.jsonl`;
    const args = ["estimate", file, "--plan", "plus", "--plan", "claude-pro"];
    const { json } = await runCliJson<EstimateReport>(args);
    // gpt-4 at $30 / $60 per 1M tokens (the table's price since 2023-03-14):
    // August 1,000 × 30e-6 + 100 × 60e-6 = $0.036; October 2,000 × 30e-6 + 200 × 60e-6 = $0.072.
    const monthUsd = json.months.map((month) => month.scenarios[0]?.totalUsd ?? Number.NaN);
    expect(
      monthUsd.map((usd, index) => sameToMicroDollar(usd, [0.036, 0, 0.072][index] ?? 0)),
    ).toEqual([true, true, true]);
    // Claude Pro's first price is from 2023-09-07, so on the first day of August and September
    // it was not on sale.
    expect(json.months.map((month) => month.plans[1]?.planUsdPerMonth)).toEqual([null, null, 20]);
    const result = await runCli(args);
    expect(result.stdout).toContain(
      [
        "Over 3 months, ChatGPT Plus comes to $60.00; the API would have cost $0.11 ($59.89 less; cheaper in 3 of 3 months).",
        "In the only month Claude Pro was on sale (all but 2023-08 and 2023-09), it comes to $20.00; the API would have cost $0.072 ($19.93 less; cheaper in 1 of 1 month).",
      ].join("\n"),
    );
    // Amounts under a dollar get two significant digits of the smallest (0.036 → 3 decimals).
    expect(result.stdout).toMatch(/\n2023-08\* +1 +\$0\.036 +\$20\.00 +— +\$19\.96 less\n/);
    expect(result.stdout).toMatch(/\nTotal +2 +3,000 +0 +300 +\$0\.108\n/);
  });
});

describe("tokenmeter estimate --since/--until", () => {
  it("states only the assumptions of the requests it shows, and counts the others as outside", async () => {
    const all = await runCliJson<EstimateReport>(["estimate", EXAMPLE_EXPORT]);
    const range = await runCliJson<EstimateReport>([
      "estimate",
      EXAMPLE_EXPORT,
      "--since",
      "2025-07-01",
      "--until",
      "2025-09-30",
    ]);
    const inRange = all.json.rows.filter((row) => row.key >= "2025-07" && row.key <= "2025-09");
    const requests = inRange.reduce((sum, row) => sum + (row.scenarios[0]?.requestCount ?? 0), 0);
    const usd = inRange.reduce((sum, row) => sum + (row.scenarios[0]?.totalUsd ?? 0), 0);
    expect(range.json.totals[0]?.requestCount).toBe(requests);
    expect(sameToMicroDollar(range.json.totals[0]?.totalUsd ?? Number.NaN, usd)).toBe(true);
    expect(range.json.coverage.requestsOutsideRange).toBe(
      (all.json.totals[0]?.requestCount ?? 0) - requests,
    );
    // gpt-4o answered only in June: the July–September report does not describe it.
    const mentionsGpt4o = (report: EstimateReport) =>
      report.assumptions.some((assumption) => /\bgpt-4o(?![-\w])/.test(assumption.description));
    expect(mentionsGpt4o(all.json)).toBe(true);
    expect(
      range.json.assumptions.filter((assumption) =>
        /^(Chat overhead of gpt-4o |gpt-4o chat overhead)/.test(assumption.description),
      ),
    ).toEqual([]);
  });
});

describe("tokenmeter estimate on a Claude.ai export (no model recorded)", () => {
  const dir = tempDir("tokenmeter-claude-");
  const zipPath = join(dir, "claude-export.zip");
  writeFileSync(
    zipPath,
    zipSync({
      "conversations.json": new Uint8Array(
        readFileSync(`${REPO_ROOT}test/fixtures/logs/claude-export-conversations.json`),
      ),
      "users.json": new TextEncoder().encode("[]"),
    }),
  );

  it("prices each conversation on the Claude Sonnet the table prices on the day it started", async () => {
    const { json } = await runCliJson<EstimateReport>(["estimate", zipPath, "--by", "model"]);
    // Conversations of 2025-02-10 and 2025-03-01; the table first prices Claude Sonnet 3.5
    // (October 2024) on 2024-10-22 and Claude Sonnet 3.7 on 2025-02-19.
    expect(json.rows.map((row) => row.key).sort()).toEqual([
      "claude-3-5-sonnet-20241022",
      "claude-3-7-sonnet-20250219",
    ]);
    expect(
      json.assumptions.find((assumption) => assumption.id === "assumed-model")?.description,
    ).toBe(
      "Claude.ai exports do not record the model: each conversation is priced on the newest Claude Sonnet the table prices on the day it started (claude-3-5-sonnet-20241022 for 1 conversation and claude-3-7-sonnet-20250219 for 1 conversation); choose one model with --assume-model.",
    );
    // No conversation is priced on a model released after it.
    expect(json.assumptions.some((assumption) => assumption.id === "first-price")).toBe(false);
    expect(json.months[0]?.plans[0]?.planId).toBe("claude-pro");
  });

  it("uses one model for every conversation with --assume-model", async () => {
    const { json } = await runCliJson<EstimateReport>([
      "estimate",
      zipPath,
      "--by",
      "model",
      "--assume-model",
      "claude-sonnet-4-5",
    ]);
    expect(json.rows.map((row) => row.key)).toEqual(["claude-sonnet-4-5"]);
    expect(
      json.assumptions.find((assumption) => assumption.id === "assumed-model")?.description,
    ).toBe(
      "Claude.ai exports do not record the model: 2 conversations priced as claude-sonnet-4-5 (Claude Sonnet 4.5; change with --assume-model).",
    );
  });
});

describe("tokenmeter estimate with a LiteLLM price map", () => {
  it("adds no reasoning tokens to GPT-5 Instant answers, though LiteLLM marks gpt-5-chat-latest as reasoning", async () => {
    const bundled = await runCliJson<EstimateReport>(["estimate", EXAMPLE_EXPORT, "--by", "model"]);
    const litellm = await runCliJson<EstimateReport>([
      "estimate",
      EXAMPLE_EXPORT,
      "--by",
      "model",
      "--pricing",
      `${FIXTURES}/litellm-gpt-5-chat-latest.json`,
    ]);
    const instant = (report: EstimateReport) =>
      report.rows.find((row) => row.key === "gpt-5-chat-latest")?.scenarios[0];
    // Five answers in examples/chatgpt-export-specs.json were written by gpt-5-instant.
    expect(instant(bundled.json)?.requestCount).toBe(5);
    expect(instant(litellm.json)?.reasoningTokens).toBe(0);
    expect(instant(litellm.json)?.outputTokens).toBe(instant(bundled.json)?.outputTokens);
    // LiteLLM's price for it ($1.25 in, $10 out per 1M) is the bundled one: the same cost.
    expect(
      sameToMicroDollar(
        instant(litellm.json)?.totalUsd ?? Number.NaN,
        instant(bundled.json)?.totalUsd ?? 0,
      ),
    ).toBe(true);
  });
});
