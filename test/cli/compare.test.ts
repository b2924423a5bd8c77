import { comparePlans, projectMonthly, USAGE_PRESETS, usagePreset } from "@tokenmeter/core";
import { describe, expect, it } from "vitest";
import { runCli, runCliJson, sameToMicroDollar } from "./support/run-cli.ts";

interface CompareJson {
  at: string;
  profile: { messagesPerDay?: number; activeDaysPerMonth: number };
  projections: {
    label: string;
    models: string[];
    room: boolean;
    expectedUsd: { totalUsd: number };
    lowUsd: number;
    highUsd: number;
  }[];
  comparisons: {
    planId: string;
    scenario: string;
    planUsdPerMonth: number;
    apiUsd: number;
    differenceUsd: number;
    cheaper: string;
    breakEvenMessagesPerDay: number | null;
    spendingLimitUsd: number;
    verdict: string;
  }[];
}

const AT = "2026-11-27";

describe("tokenmeter compare", () => {
  it("projects a preset on models and compares it with plans, as core does", async () => {
    const { json } = await runCliJson<CompareJson>([
      "compare",
      "--profile",
      "moderate",
      "-m",
      "gpt-5.5",
      "-m",
      "claude-sonnet-5",
      "--plan",
      "plus",
      "--plan",
      "claude-pro",
      "--at",
      AT,
    ]);
    const projections = projectMonthly(usagePreset("moderate"), ["gpt-5.5", "claude-sonnet-5"], {
      at: AT,
      timeZone: "UTC",
    });
    const comparisons = comparePlans(projections, ["plus", "claude-pro"], { at: AT });
    expect(json.projections.map((projection) => projection.label)).toEqual([
      "gpt-5.5",
      "claude-sonnet-5",
    ]);
    json.projections.forEach((shown, index) => {
      const expected = projections[index];
      expect(
        sameToMicroDollar(shown.expectedUsd.totalUsd, expected?.expected.totalUsd ?? Number.NaN),
      ).toBe(true);
      expect(sameToMicroDollar(shown.lowUsd, expected?.range.lowUsd ?? Number.NaN)).toBe(true);
      expect(sameToMicroDollar(shown.highUsd, expected?.range.highUsd ?? Number.NaN)).toBe(true);
    });
    expect(json.comparisons.map((comparison) => [comparison.planId, comparison.scenario])).toEqual(
      comparisons.map((comparison) => [comparison.plan.id, comparison.scenario.label]),
    );
    json.comparisons.forEach((shown, index) => {
      const expected = comparisons[index];
      expect(shown.verdict).toBe(expected?.verdict);
      expect(shown.cheaper).toBe(expected?.cheaper);
      expect(shown.planUsdPerMonth).toBe(expected?.plan.usdPerMonth);
      expect(shown.breakEvenMessagesPerDay).toBe(expected?.breakEven.messagesPerDay);
      expect(shown.spendingLimitUsd).toBe(expected?.spendingLimit.usd);
    });
  });

  it("accepts --models and --plans as comma-separated lists, the same as repeated flags", async () => {
    const repeated = await runCliJson<CompareJson>([
      "compare",
      "-m",
      "gpt-5.5",
      "-m",
      "gemini-3.5-flash",
      "--plan",
      "plus",
      "--plan",
      "claude-pro",
      "--at",
      AT,
    ]);
    const listed = await runCliJson<CompareJson>([
      "compare",
      "--models",
      "gpt-5.5,gemini-3.5-flash",
      "--plans",
      "plus,claude-pro",
      "--at",
      AT,
    ]);
    expect(listed.json.comparisons.map((row) => [row.planId, row.scenario])).toEqual([
      ["chatgpt-plus", "gpt-5.5"],
      ["chatgpt-plus", "gemini-3.5-flash"],
      ["claude-pro", "gpt-5.5"],
      ["claude-pro", "gemini-3.5-flash"],
    ]);
    expect(listed.json).toEqual(repeated.json);
  });

  it("applies overrides to the preset and prices a multi-model room", async () => {
    const { json } = await runCliJson<CompareJson>([
      "compare",
      "--profile",
      "light",
      "--messages-per-day",
      "12",
      "--turns",
      "4",
      "-m",
      "gpt-5.5+claude-sonnet-5",
      "--at",
      AT,
    ]);
    const profile = { ...USAGE_PRESETS.light, messagesPerDay: 12, turnsPerConversation: 4 };
    const [expected] = projectMonthly(profile, [["gpt-5.5", "claude-sonnet-5"]], {
      at: AT,
      timeZone: "UTC",
    });
    expect(json.profile.messagesPerDay).toBe(12);
    expect(json.projections[0]).toMatchObject({
      room: true,
      models: ["gpt-5.5", "claude-sonnet-5"],
    });
    expect(
      sameToMicroDollar(
        json.projections[0]?.expectedUsd.totalUsd ?? Number.NaN,
        expected?.expected.totalUsd ?? Number.NaN,
      ),
    ).toBe(true);
    // Without --plan, the comparison is with ChatGPT Plus.
    expect(json.comparisons.map((comparison) => comparison.planId)).toEqual(["chatgpt-plus"]);
  });

  it("prints the verdict, break-even and spending limit for people", async () => {
    const result = await runCli(["compare", "--profile", "heavy", "--at", AT]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Against the plans");
    expect(result.stdout).toMatch(
      /Spending limit on gpt-5\.5: \$[\d.]+ a month \(high end of the range/,
    );
    expect(result.stdout).toContain("ChatGPT Plus");
  });

  it("writes who is cheaper and whether the caps fit in words, and keeps the codes in CSV and JSON", async () => {
    const args = ["compare", "--profile", "light", "--plan", "plus", "--at", AT];
    const { json } = await runCliJson<{ comparisons: { cheaper: string; capsStatus: string }[] }>(
      args,
    );
    const comparison = json.comparisons[0];
    // The light preset (5 messages a day) costs well under Plus and fits its caps.
    expect([comparison?.cheaper, comparison?.capsStatus]).toEqual(["api", "within"]);
    const table = await runCli(args);
    expect(table.stdout).toMatch(
      /\nChatGPT Plus +\$20\.00 +gpt-5\.5 +\$[\d.]+ +API +\d+ +yes +\$[\d.]+\n/,
    );
    const csv = await runCli([...args, "--csv"]);
    expect(csv.stdout).toMatch(/\r\nChatGPT Plus,20,gpt-5\.5,[\d.]+,api,\d+,within,[\d.]+\r\n/);
  });

  it.each([
    [["compare", "--plan", "chatgpt-ultra"], /Unknown plan "chatgpt-ultra"/],
    [["compare", "--reasoning-share", "1.5"], /--reasoning-share: is a share: at most 1/],
    [["compare", "--messages-per-day", "100000"], /messagesPerDay|hours/],
  ] as const)("usage error %j (exit 2)", async (args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
