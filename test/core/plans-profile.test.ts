// UsageProfile validation, the presets, and the small deterministic helpers of the projection.
import {
  isTokenmeterError,
  messagesPerActiveDayOf,
  PRESET_NAMES,
  parseUsageProfile,
  roundUpUsd,
  suggestSpendingLimit,
  TokenmeterError,
  tokensOf,
  USAGE_PRESETS,
  type UsageProfileInput,
  usagePreset,
} from "@tokenmeter/core";
import { describe, expect, it } from "vitest";
import {
  hashSeed,
  mulberry32,
  quantileSorted,
  standardNormal,
} from "../../packages/core/src/plans/_prng.ts";

const base: UsageProfileInput = {
  messagesPerDay: 20,
  activeDaysPerMonth: 22,
  prompt: { words: 60 },
  reply: { words: 250 },
  turnsPerConversation: 8,
};

function problemsOf(input: unknown): string {
  try {
    parseUsageProfile(input);
  } catch (error) {
    if (error instanceof TokenmeterError && error.code === "INVALID_INPUT") return error.message;
    throw error;
  }
  throw new Error("expected INVALID_INPUT");
}

describe("parseUsageProfile", () => {
  it("fills the documented defaults", () => {
    const profile = parseUsageProfile(base);
    expect(profile.activeHoursPerDay).toBe(8);
    expect(profile.systemPromptTokens).toBe(0);
    expect(profile.reasoning).toEqual({ shareOfMessages: 0, effort: "medium" });
    expect(profile.caching).toBe("provider-default");
    expect(profile.variability).toEqual({ volumeCv: 0.3, lengthCv: 0.25 });
    expect(profile.tokensPerWord).toBe(4 / 3);
  });

  it.each([
    [
      "a negative count",
      { ...base, messagesPerDay: -1 },
      "messagesPerDay: messagesPerDay cannot be negative",
    ],
    [
      "NaN",
      { ...base, messagesPerDay: Number.NaN },
      "messagesPerDay: messagesPerDay must be a finite number",
    ],
    ["Infinity", { ...base, reply: { tokens: Number.POSITIVE_INFINITY } }, "reply"],
    [
      "a string for a number",
      { ...base, messagesPerDay: "20" },
      "messagesPerDay: messagesPerDay must be a finite number",
    ],
    [
      "fractional turns",
      { ...base, turnsPerConversation: 2.5 },
      "turnsPerConversation must be a whole number",
    ],
    ["zero turns", { ...base, turnsPerConversation: 0 }, "turnsPerConversation must be at least 1"],
    ["32 active days", { ...base, activeDaysPerMonth: 32 }, "activeDaysPerMonth cannot exceed 31"],
    ["25 active hours", { ...base, activeHoursPerDay: 25 }, "a day has 24 hours"],
    [
      "a share above 1",
      { ...base, reasoning: { shareOfMessages: 1.5, effort: "high" } },
      "reasoning.shareOfMessages: reasoning.shareOfMessages is a share: at most 1",
    ],
    [
      "an unknown effort",
      { ...base, reasoning: { shareOfMessages: 0.5, effort: "max" } },
      "reasoning.effort must be one of minimal, low, medium, high, xhigh",
    ],
    [
      "both day and week",
      { ...base, messagesPerWeek: 100 },
      "give messagesPerDay or messagesPerWeek, not both",
    ],
    [
      "neither day nor week",
      { ...base, messagesPerDay: undefined },
      "give messagesPerDay or messagesPerWeek",
    ],
    ["messages on zero days", { ...base, activeDaysPerMonth: 0 }, "activeDaysPerMonth is 0"],
    ["an unknown field", { ...base, messagesPerHour: 3 }, "messagesPerHour"],
    ["a length with neither tokens nor words", { ...base, prompt: { chars: 300 } }, "prompt"],
  ])("rejects %s with the field named", (_name, input, expected) => {
    expect(problemsOf(input)).toContain(expected);
  });

  it("rejects more than 24 hours of messages a day, saying why", () => {
    // 20,000 messages at the 5-second floor need 27.8 hours.
    const message = problemsOf({ ...base, messagesPerDay: 20_000, activeHoursPerDay: 24 });
    expect(message).toContain("20000 messages per active day need at least 27.8 hours");
    expect(message).toContain("more than a day has");
    // 6,000 messages (8.3 h) fit in a day but not in 8 active hours.
    expect(problemsOf({ ...base, messagesPerDay: 6000 })).toContain(
      "more than activeHoursPerDay (8 h)",
    );
    expect(() =>
      parseUsageProfile({ ...base, messagesPerDay: 6000, activeHoursPerDay: 9 }),
    ).not.toThrow();
  });

  it("lists every problem at once and never crashes on junk", () => {
    const message = problemsOf({ ...base, messagesPerDay: -1, turnsPerConversation: 0 });
    expect(message).toContain("messagesPerDay");
    expect(message).toContain("turnsPerConversation");
    for (const junk of [null, undefined, 3, "moderate", [], { name: "<|endoftext|>" }]) {
      expect(() => parseUsageProfile(junk)).toThrow(TokenmeterError);
    }
  });
});

describe("derived quantities", () => {
  it("spreads weekly messages over the active days of an average month", () => {
    // 70 a week × (365.25 / 12 / 7) weeks a month = 304.375 a month, over 20 active days = 15.21875.
    const profile = parseUsageProfile({
      ...base,
      messagesPerDay: undefined,
      messagesPerWeek: 70,
      activeDaysPerMonth: 20,
    });
    expect(messagesPerActiveDayOf(profile)).toBeCloseTo((70 * 365.25) / 12 / 7 / 20, 12);
    expect(messagesPerActiveDayOf(profile)).toBeCloseTo(15.21875, 12);
  });

  it("converts words to tokens with the stated ratio, rounding to whole tokens", () => {
    expect(tokensOf({ words: 60 }, 4 / 3)).toBe(80);
    expect(tokensOf({ words: 250 }, 4 / 3)).toBe(333); // 333.33…
    expect(tokensOf({ tokens: 123 }, 4 / 3)).toBe(123);
  });
});

describe("presets", () => {
  it.each(PRESET_NAMES)("%s is a valid profile", (name) => {
    const profile = usagePreset(name);
    expect(profile.name).toBe(name);
    expect(profile.turnsPerConversation).toBeGreaterThanOrEqual(1);
  });

  it("orders the everyday presets by volume", () => {
    const day = (name: (typeof PRESET_NAMES)[number]) => {
      const p = usagePreset(name);
      return messagesPerActiveDayOf(p) * p.activeDaysPerMonth;
    };
    expect(day("light")).toBeLessThan(day("moderate"));
    expect(day("moderate")).toBeLessThan(day("heavy"));
  });

  it("makes the room a room and the others single-model", () => {
    expect(usagePreset("room").models?.length).toBe(3);
    for (const name of PRESET_NAMES.filter((n) => n !== "room")) {
      expect(USAGE_PRESETS[name].models).toBeUndefined();
    }
  });

  it("refuses an unknown preset name", () => {
    try {
      usagePreset("extreme" as never);
      expect.unreachable();
    } catch (error) {
      expect(isTokenmeterError(error, "INVALID_INPUT")).toBe(true);
      expect((error as Error).message).toContain("light, moderate, heavy, coder, researcher, room");
    }
  });
});

describe("seeded randomness", () => {
  it("repeats the same sequence for the same seed, and differs for another", () => {
    const a = mulberry32(hashSeed("moderate|gpt-5.5"));
    const b = mulberry32(hashSeed("moderate|gpt-5.5"));
    const c = mulberry32(hashSeed("moderate|gpt-5.4-mini"));
    const seqA = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(seqA);
    expect(Array.from({ length: 5 }, c)).not.toEqual(seqA);
    for (const x of seqA) expect(x >= 0 && x < 1).toBe(true);
  });

  it("matches mulberry32's published first output for seed 0", () => {
    // Reference value from the widely copied C/JS implementation (bryc/code, PRNGs.md).
    expect(mulberry32(0)()).toBeCloseTo(0.26642920868471265, 15);
  });

  it("gives an approximately standard normal (mean 0, sd 1 over many draws)", () => {
    const next = mulberry32(42);
    const draws = Array.from({ length: 20_000 }, () => standardNormal(next));
    const mean = draws.reduce((s, x) => s + x, 0) / draws.length;
    const sd = Math.sqrt(draws.reduce((s, x) => s + (x - mean) ** 2, 0) / draws.length);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(sd - 1)).toBeLessThan(0.03);
  });

  it("interpolates quantiles between ranks", () => {
    expect(quantileSorted([10, 20, 30, 40, 50], 0.5)).toBe(30);
    expect(quantileSorted([10, 20, 30, 40, 50], 0.9)).toBe(46); // rank 3.6 → 40 + 0.6 × 10
    expect(quantileSorted([7], 0.1)).toBe(7);
  });
});

describe("spending limit rounding", () => {
  it.each([
    [0, 1],
    [0.3, 1],
    [7.2, 8],
    [9.99, 10],
    [10.01, 15],
    [41, 45],
    [45, 45],
    [123.4, 130],
    [201, 250],
    [1234, 1300],
  ])("rounds %s up to %s", (usd, expected) => {
    expect(roundUpUsd(usd)).toBe(expected);
  });

  it("explains its arithmetic", () => {
    // 12.34 × 1.25 = 15.425 → next $5 step → 20.
    const limit = suggestSpendingLimit(12.34);
    expect(limit.usd).toBe(20);
    expect(limit.explanation).toBe(
      "high end of the range $12.34 × 1.25 = $15.43, rounded up to $20",
    );
  });
});
