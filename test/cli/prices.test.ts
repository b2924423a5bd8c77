import { findModel, listModels, pricingVersion } from "@tokenmeter/core";
import { describe, expect, it } from "vitest";
import { runCli, runCliJson } from "./support/run-cli.ts";

interface PricesJson {
  pricingVersion: string;
  at: string | null;
  models: {
    model: string;
    provider: string;
    tokenCountsExact: boolean;
    prices: {
      effectiveFrom: string;
      effectiveUntil: string | null;
      inputUsdPerMTok: number;
      outputUsdPerMTok: number;
      cachedInputUsdPerMTok: number | null;
      source: string;
    }[];
  }[];
}

describe("tokenmeter prices", () => {
  it("lists every model of the bundled table with the price in effect on --at", async () => {
    const { json } = await runCliJson<PricesJson>(["prices", "--at", "2025-06-01"]);
    expect(json.pricingVersion).toBe(pricingVersion);
    expect(json.at).toBe("2025-06-01");
    expect(json.models.map((model) => model.model)).toEqual(listModels().map((model) => model.id));
    for (const model of json.models) {
      const expected = findModel(model.model).prices.filter(
        (record) =>
          record.effectiveFrom <= "2025-06-01" &&
          (record.effectiveUntil === undefined || "2025-06-01" < record.effectiveUntil),
      );
      expect(model.prices.map((record) => record.effectiveFrom)).toEqual(
        expected.map((record) => record.effectiveFrom),
      );
      expect(model.prices.map((record) => record.inputUsdPerMTok)).toEqual(
        expected.map((record) => record.inputUsdPerMTok),
      );
    }
  });

  it("shows one model's whole history, oldest first, with sources", async () => {
    const model = findModel("gpt-4o");
    const { json } = await runCliJson<PricesJson>(["prices", "OpenAI/GPT-4o", "--history"]);
    expect(json.at).toBeNull();
    expect(json.models).toHaveLength(1);
    const [shown] = json.models;
    expect(shown?.model).toBe("gpt-4o");
    expect(shown?.tokenCountsExact).toBe(true);
    expect(
      shown?.prices.map((record) => [
        record.effectiveFrom,
        record.effectiveUntil,
        record.inputUsdPerMTok,
        record.outputUsdPerMTok,
        record.source,
      ]),
    ).toEqual(
      model.prices.map((record) => [
        record.effectiveFrom,
        record.effectiveUntil ?? null,
        record.inputUsdPerMTok,
        record.outputUsdPerMTok,
        record.source,
      ]),
    );
  });

  it("prints CSV with unit-carrying headers and raw numbers, one row per model", async () => {
    const result = await runCli(["prices", "--provider", "openai", "--at", "2025-06-01", "--csv"]);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "provider,model,inputUsdPerMTok,cachedInputUsdPerMTok,cacheWrite5mUsdPerMTok,cacheWrite1hUsdPerMTok,outputUsdPerMTok,contextWindowTokens,effectiveFrom,checked",
    );
    expect(lines).toHaveLength(1 + listModels({ provider: "openai" }).length);
    const gpt4o = lines.find((line) => line.startsWith("openai,gpt-4o,"))?.split(",");
    const record = findModel("gpt-4o").prices.find(
      (price) =>
        price.effectiveFrom <= "2025-06-01" && (price.effectiveUntil ?? "9999") > "2025-06-01",
    );
    expect(Number(gpt4o?.[2])).toBe(record?.inputUsdPerMTok);
    expect(Number(gpt4o?.[6])).toBe(record?.outputUsdPerMTok);
  });

  it("prints a readable table and the table version", async () => {
    const result = await runCli(["prices", "gpt-4o-mini", "--at", "2025-01-01"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("GPT-4o mini (gpt-4o-mini)");
    expect(result.stdout).toContain(`Pricing table ${pricingVersion}`);
    // gpt-4o-mini has no cache-write price: those columns are left out.
    expect(result.stdout).toMatch(/\nFrom +Until +Input +Cached in +Output +Checked +Source\n/);
  });

  it("refuses an unknown model with suggestions (exit 2)", async () => {
    const result = await runCli(["prices", "claude-sonet-4-5"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(
      /Unknown model "claude-sonet-4-5".*Did you mean "claude-sonnet-4-5"/,
    );
  });

  it("leaves out price columns no row has (cache writes for OpenAI) and keeps them in CSV", async () => {
    const openai = await runCli(["prices", "gpt-4o", "--history"]);
    expect(openai.stdout).toMatch(/\nFrom +Until +Input +Cached in +Output +Checked +Source\n/);
    const anthropic = await runCli(["prices", "claude-sonnet-4-5", "--at", "2026-01-01"]);
    expect(anthropic.stdout).toMatch(/Input +Cached in +Write 5m +Write 1h +Output/);
    const csv = await runCli(["prices", "gpt-4o", "--history", "--csv"]);
    expect(csv.stdout.split("\r\n")[0]).toContain("cacheWrite5mUsdPerMTok,cacheWrite1hUsdPerMTok");
    // Whole cents per 1M tokens print as cents, even when the float is inexact (1.1 × 100 ≠ 110).
    const o3mini = await runCli(["prices", "o3-mini", "--at", "2026-01-01"]);
    expect(o3mini.stdout).toMatch(/\$1\.10 +\$0\.55 +\$4\.40/);
  });

  it("names a price already announced for a later date (Gemini 3.8 Flash's introductory price ends)", async () => {
    // genai-prices 0.1.8: $0.75 / $0.075 / $3.75 through 2026-12-31, $1.50 / $0.15 / $7.50 from 2027-01-01.
    const before = await runCli(["prices", "gemini-3.8-flash", "--at", "2026-12-01"]);
    expect(before.stdout).toMatch(/\$0\.75 +\$0\.075 +\$3\.75/);
    expect(before.stdout).toContain(
      "Scheduled from 2027-01-01: $1.50 in, cached in $0.15, $7.50 out per 1M tokens",
    );
    const after = await runCli(["prices", "gemini-3.8-flash", "--at", "2027-02-01"]);
    expect(after.stdout).toMatch(/\$1\.50 +\$0\.15 +\$7\.50/);
    expect(after.stdout).not.toContain("Scheduled");
  });

  it("says how a model's tokens are counted: exact, or which estimate (GPT-6's tokenizer is assumed)", async () => {
    const exact = await runCli(["prices", "gpt-4o"]);
    expect(exact.stdout).toContain("Tokenizer: o200k_base (exact counts)");
    const assumed = await runCli(["prices", "gpt-6-sol"]);
    expect(assumed.stdout).toContain(
      "Tokenizer: o200k_base (estimated counts: tiktoken o200k_base (assumed: OpenAI has not published",
    );
    const json = await runCliJson<PricesJson>(["prices", "gpt-6-sol"]);
    expect(json.json.models[0]?.tokenCountsExact).toBe(false);
  });

  it("says so when a model had no price yet on --at", async () => {
    const first = findModel("gpt-4o").prices[0]?.effectiveFrom ?? "";
    const result = await runCli(["prices", "gpt-4o", "--at", "2020-01-01"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`No price in effect on 2020-01-01 (first price: ${first})`);
  });

  it("reads a LiteLLM price map with --pricing and errors on a broken one (exit 1)", async () => {
    const ok = await runCliJson<PricesJson>([
      "prices",
      "gpt-4o",
      "--pricing",
      "test/fixtures/cli/litellm-small.json",
    ]);
    expect(ok.json.models[0]?.prices[0]).toMatchObject({
      inputUsdPerMTok: 1.25,
      outputUsdPerMTok: 5,
      effectiveFrom: "1970-01-01",
    });
    // People read "undated" where the JSON keeps core's 1970-01-01 for a LiteLLM price.
    const table = await runCli([
      "prices",
      "gpt-4o",
      "--pricing",
      "test/fixtures/cli/litellm-small.json",
    ]);
    expect(table.stdout).toMatch(/\nundated +— +\$1\.25 /);
    expect(table.stdout).not.toMatch(/\n1970-01-01 /);
    const broken = await runCli(["prices", "--pricing", "test/fixtures/cli/api-small.jsonl"]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/api-small\.jsonl/);
    const missing = await runCli(["prices", "--pricing", "nope.json"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("Pricing file not found: nope.json");
  });
});
