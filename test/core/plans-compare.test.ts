// comparePlans: break-even derived by hand, the product's claims as scenario tests, caps, billing,
// and the "done when" walk-through of the issue (moderate preset, five models, Plus and Claude Pro).
import {
  comparePlans,
  isTokenmeterError,
  monthlyCostAt,
  projectMonthly,
  roundUpUsd,
  selectPrice,
  solveBreakEven,
  type UsageProfileInput,
  usagePreset,
} from "@tokenmeter/core";
import { describe, expect, it } from "vitest";

const AT = "2026-11-27";
const PER_MTOK = 1_000_000;

const plain: UsageProfileInput = {
  messagesPerDay: 4,
  activeDaysPerMonth: 10,
  prompt: { tokens: 100 },
  reply: { tokens: 200 },
  turnsPerConversation: 2,
  systemPromptTokens: 50,
  caching: "off",
  variability: { volumeCv: 0, lengthCv: 0 },
};

describe("break-even, by hand", () => {
  it("finds the messages a day at which the API costs the plan's price", () => {
    const r = selectPrice("gpt-5.4-mini", { at: AT }).prices;
    // From plans-projection.test.ts: a 2-turn conversation costs F, its first turn T1.
    const F = ((161 + 469) * r.inputUsdPerMTok + 400 * r.outputUsdPerMTok) / PER_MTOK; // 0.0022725
    const T1 = (161 * r.inputUsdPerMTok + 200 * r.outputUsdPerMTok) / PER_MTOK; // 0.00102075
    // Plus costs $20 a month = $2 on each of 10 active days. Whole conversations: ⌊2 / F⌋ = 880
    // (1,760 messages); the rest 2 − 880 F buys that share of a first turn.
    const conversations = Math.floor(2 / F);
    expect(conversations).toBe(880);
    const byHand = 2 * conversations + (2 - conversations * F) / T1;
    expect(byHand).toBeCloseTo(1760.1959, 3);

    const [p] = projectMonthly(plain, ["gpt-5.4-mini"], { at: AT });
    if (p === undefined) throw new Error("no projection");
    const [c] = comparePlans(p, ["chatgpt-plus"]);
    expect(c?.breakEven.messagesPerDay).toBeCloseTo(byHand, 6);
    expect(c?.breakEven.messagesPerMonth).toBeCloseTo(10 * byHand, 5);
    expect(monthlyCostAt(p, byHand)).toBeCloseTo(20, 9);
    // The difference at the profile's 4 messages a day: 10 × 2F − 20.
    expect(c?.differenceUsd).toBeCloseTo(10 * 2 * F - 20, 12);
    expect(c?.cheaper).toBe("api");
  });

  it("is monotone in the plan's price", () => {
    const [p] = projectMonthly(usagePreset("moderate"), ["gpt-5.5"], { at: AT });
    if (p === undefined) throw new Error("no projection");
    const prices = [0.5, 1, 5, 8, 19.99, 20, 100, 199.99, 200];
    const points = prices.map((usd) => solveBreakEven((m) => monthlyCostAt(p, m), usd, 5760));
    for (let i = 1; i < points.length; i++) {
      expect(points[i] ?? Number.POSITIVE_INFINITY).toBeGreaterThan(points[i - 1] ?? 0);
    }
    // A price nobody can reach by typing has no break-even.
    expect(solveBreakEven((m) => monthlyCostAt(p, m), 1e9, 5760)).toBeNull();
    expect(solveBreakEven((m) => monthlyCostAt(p, m), 0, 5760)).toBe(0);
  });

  it("is not linear in conversation length: longer chats reach the price with fewer messages", () => {
    const short = projectMonthly({ ...plain, turnsPerConversation: 2 }, ["gpt-5.5"], { at: AT })[0];
    const long = projectMonthly({ ...plain, turnsPerConversation: 40 }, ["gpt-5.5"], { at: AT })[0];
    if (short === undefined || long === undefined) throw new Error("no projection");
    const [a] = comparePlans(short, ["chatgpt-plus"]);
    const [b] = comparePlans(long, ["chatgpt-plus"]);
    expect(b?.breakEven.messagesPerDay ?? 0).toBeLessThan((a?.breakEven.messagesPerDay ?? 0) / 2);
  });
});

describe("the product's claims", () => {
  it("a light profile on a small current model costs cents a day, not dollars", () => {
    const [p] = projectMonthly(usagePreset("light"), ["gpt-5.4-mini"], { at: AT });
    const perActiveDay = (p?.expected.totalUsd ?? 0) / (p?.activeDays ?? 1);
    expect(perActiveDay).toBeGreaterThan(0);
    expect(perActiveDay).toBeLessThan(0.05);
    expect(p?.range.highUsd ?? 99).toBeLessThan(1); // under a dollar a month even at the high end
  });

  it("a heavy reasoning profile on the Plus model costs more than Plus", () => {
    const [p] = projectMonthly(usagePreset("heavy"), ["gpt-5.5"], { at: AT });
    if (p === undefined) throw new Error("no projection");
    const [c] = comparePlans(p, ["chatgpt-plus"]);
    expect(c?.apiLowUsd ?? 0).toBeGreaterThan(20);
    expect(c?.cheaper).toBe("plan");
    expect(c?.canServeAtItsPrice).toBe(true); // 60 a day over 10 h: 18 per 3 h, under 160
    expect(c?.verdict).toMatch(
      /more than ChatGPT Plus at \$20\.00 a month; ChatGPT Plus pays off above about \d+ messages a day\.$/,
    );
  });
});

describe("caps", () => {
  it("says a plan cannot serve usage above a hard published cap", () => {
    // 600 messages over 8 hours: 225 in a busy 3-hour window, above Plus's 160.
    const [p] = projectMonthly({ ...plain, messagesPerDay: 600 }, ["gpt-5.5"], { at: AT });
    if (p === undefined) throw new Error("no projection");
    const [c] = comparePlans(p, ["chatgpt-plus"]);
    expect(c?.caps.status).toBe("exceeds");
    expect(c?.canServeAtItsPrice).toBe(false);
    expect(c?.caps.checks[0]?.demandMessages).toBe(225);
    expect(c?.verdict).toContain(
      "ChatGPT Plus ($20.00 a month) cannot serve this usage at its price: about 225 GPT-5.5 Instant messages in a busy 3 hours against a cap of 160 (then a smaller model answers)",
    );
  });

  it("treats Anthropic's figures as floors: 'may exceed', not 'cannot serve'", () => {
    // 100 messages over 8 hours: 62.5 in a 5-hour window, above the 45 promised for short chats.
    const [p] = projectMonthly({ ...plain, messagesPerDay: 100 }, ["claude-sonnet-5"], { at: AT });
    if (p === undefined) throw new Error("no projection");
    const [c] = comparePlans(p, ["claude-pro"]);
    expect(c?.caps.status).toBe("may-exceed");
    expect(c?.canServeAtItsPrice).toBe(true);
    expect(c?.verdict).toContain("but it may hit Claude Pro's limits: about 63 all Claude usage");
  });

  it("counts only reasoning messages against a Thinking cap", () => {
    const [p] = projectMonthly(
      { ...plain, messagesPerDay: 40, reasoning: { shareOfMessages: 0.5, effort: "medium" } },
      ["gpt-5.5"],
      { at: AT },
    );
    if (p === undefined) throw new Error("no projection");
    const [go] = comparePlans(p, ["chatgpt-go"]);
    // Go allows 10 hand-picked Thinking messages per 5 h: 40 × 5/8 × 0.5 = 12.5 → exceeds.
    const thinking = go?.caps.checks.find((c) => c.cap.scope === "reasoning");
    expect(thinking?.demandMessages).toBeCloseTo(12.5, 12);
    expect(thinking?.status).toBe("exceeds");
  });

  it("reports caps it cannot check", () => {
    const [p] = projectMonthly(usagePreset("moderate"), ["gemini-3.5-flash"], { at: AT });
    if (p === undefined) throw new Error("no projection");
    const [c] = comparePlans(p, ["google-ai-pro"]);
    expect(c?.caps.status).toBe("unknown");
    expect(c?.notes.join(" ")).toContain("publishes no message caps as numbers");
  });
});

describe("plans, prices and billing", () => {
  const [moderate] = projectMonthly(usagePreset("moderate"), ["gpt-5.5"], { at: AT });
  if (moderate === undefined) throw new Error("no projection");

  it("uses the annual price as a monthly equivalent when asked", () => {
    const [c] = comparePlans(moderate, [{ plan: "claude-pro", billing: "annual" }]);
    expect(c?.plan.usdPerMonth).toBe(200 / 12);
    expect(c?.plan.usdPerYear).toBe(200);
    expect(c?.verdict).toContain("$16.67 a month billed yearly ($200.00)");
  });

  it("says when a plan serves other models than the ones compared", () => {
    const [c] = comparePlans(moderate, ["claude-pro"]);
    expect(c?.sameProvider).toBe(false);
    expect(c?.notes[0]).toContain("Claude Pro serves anthropic models, and gpt-5.5 is not one");
  });

  it("lists what the plan includes that tokens do not buy", () => {
    const [c] = comparePlans(moderate, ["chatgpt-plus"]);
    expect(c?.notPricedInTokens.map((i) => i.kind)).toContain("image-generation");
    expect(
      c?.notes.some((n) => n.startsWith("ChatGPT Plus also includes what tokens do not buy")),
    ).toBe(true);
  });

  it("prices plans on the projection's date, and refuses a plan not on sale then", () => {
    const [old] = projectMonthly(usagePreset("moderate"), ["gpt-4o"], { at: "2025-06-01" });
    if (old === undefined) throw new Error("no projection");
    try {
      comparePlans(old, ["chatgpt-go"]);
      expect.unreachable();
    } catch (error) {
      expect(isTokenmeterError(error, "NO_PRICE_AT_DATE")).toBe(true);
      expect((error as Error).message).toContain(
        "ChatGPT Go had no monthly price on 2025-06-01 (priced 2026-01-16–today)",
      );
    }
    const all = comparePlans(old).map((c) => c.plan.id);
    expect(all).toContain("chatgpt-plus");
    expect(all).not.toContain("chatgpt-go");
    const [ultra] = comparePlans(old, ["google-ai-ultra"]);
    expect(ultra?.plan.usdPerMonth).toBe(249.99);
  });

  it("writes a free plan's verdict", () => {
    // Light: 5 messages over 2 active hours fit in one 5-hour window, under Free's 10.
    const [light] = projectMonthly(usagePreset("light"), ["gpt-5.5"], { at: AT });
    if (light === undefined) throw new Error("no projection");
    const [c] = comparePlans(light, ["chatgpt-free"]);
    expect(c?.verdict).toMatch(
      /^ChatGPT Free is free within its caps \(10 GPT-5\.5 Instant messages per 5 hours\)/,
    );
    expect(c?.breakEven.messagesPerDay).toBe(0);
    // Moderate: 20 over 8 hours puts 12.5 in a 5-hour window, over the cap.
    const [over] = comparePlans(moderate, ["chatgpt-free"]);
    expect(over?.canServeAtItsPrice).toBe(false);
  });

  it("raises UNKNOWN_PLAN with suggestions", () => {
    try {
      comparePlans(moderate, ["chatgpt-plsu"]);
      expect.unreachable();
    } catch (error) {
      expect(isTokenmeterError(error, "UNKNOWN_PLAN")).toBe(true);
      expect((error as Error).message).toContain('"chatgpt-plus"');
    }
  });
});

describe("done when: moderate preset, five models, Plus and Claude Pro", () => {
  it("prints a verdict, a break-even and a spending limit whose arithmetic holds", () => {
    const models = [
      "gpt-5.5",
      "gpt-5.4-mini",
      "claude-sonnet-5",
      "claude-haiku-4-5",
      "gemini-3.5-flash",
    ];
    const projections = projectMonthly(usagePreset("moderate"), models, { at: AT });
    const comparisons = comparePlans(projections, ["chatgpt-plus", "claude-pro"]);
    expect(comparisons).toHaveLength(10);
    for (const c of comparisons) {
      expect(c.verdict.length).toBeGreaterThan(40);
      expect(c.verdict.endsWith(".")).toBe(true);
      const p = projections.find((x) => x.label === c.scenario.label);
      if (p === undefined) throw new Error("projection missing");
      if (c.breakEven.messagesPerDay !== null) {
        expect(monthlyCostAt(p, c.breakEven.messagesPerDay)).toBeCloseTo(c.plan.usdPerMonth, 6);
      }
      expect(c.spendingLimit.usd).toBe(roundUpUsd(c.apiHighUsd * 1.25));
      expect(c.spendingLimit.usd).toBeGreaterThanOrEqual(c.apiHighUsd);
      expect(c.apiLowUsd).toBeLessThanOrEqual(c.apiUsd);
      expect(c.apiHighUsd).toBeGreaterThanOrEqual(c.apiUsd);
    }
  });
});
