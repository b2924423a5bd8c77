// Bad input to the public functions of pricing, cost, plans and usage: every failure is a
// TokenmeterError with a code a caller can match (never a TypeError or a NaN result), and values
// quoted back are cut and stripped of control and bidi-override characters.
import {
  checkCaps,
  comparePlans,
  dayValue,
  estimateConversation,
  findModel,
  findPlan,
  listModels,
  listPlans,
  mapChatGptModelSlug,
  messagesInWindow,
  monthlyCostAt,
  priceUsage,
  projectMonthly,
  replayConversation,
  roundUpUsd,
  selectPrice,
  solveBreakEven,
  suggestSpendingLimit,
  TokenmeterError,
  type TokenmeterErrorCode,
  toPriceDate,
  usagePreset,
} from "@tokenmeter/core";
import { afterEach, describe, expect, it } from "vitest";

function thrown(fn: () => unknown): TokenmeterError {
  try {
    fn();
  } catch (error) {
    if (error instanceof TokenmeterError) return error;
    throw new Error(`expected a TokenmeterError, got ${String(error)}`);
  }
  throw new Error("expected a TokenmeterError, nothing was thrown");
}

const conversation = { systemTokens: 0, userTokens: [10], replyTokens: [[20]] };
const [projection] = projectMonthly(usagePreset("light"), ["gpt-4o"], { at: "2025-06-01" });
if (projection === undefined) throw new Error("no projection");
const plus = findPlan("chatgpt-plus");
const demand = {
  messagesPerActiveDay: 10,
  activeDaysPerMonth: 20,
  activeHoursPerDay: 8,
  reasoningShare: 0.1,
};

// Values a JavaScript caller (a form, a JSON file) can pass where TypeScript would object.
const notAString: unknown[] = [undefined, null, 42, Number.NaN, {}, [], true];
const notAFiniteCount: unknown[] = [Number.NaN, Number.POSITIVE_INFINITY, -1, "12", null, {}];

describe("non-string ids and options are input errors, not TypeErrors", () => {
  const cases: [string, (value: unknown) => unknown, TokenmeterErrorCode][] = [
    ["findModel", (v) => findModel(v as string), "INVALID_INPUT"],
    ["priceUsage model", (v) => priceUsage({ inputTokens: 1 }, v as string), "INVALID_INPUT"],
    ["findPlan", (v) => findPlan(v as string), "INVALID_INPUT"],
    ["comparePlans plan id", (v) => comparePlans(projection, [v as string]), "INVALID_INPUT"],
    ["listModels provider", (v) => listModels({ provider: v as string }), "INVALID_INPUT"],
    ["listPlans provider", (v) => listPlans({ provider: v as string }), "INVALID_INPUT"],
    ["usagePreset", (v) => usagePreset(v as "light"), "INVALID_INPUT"],
    [
      "projectMonthly scenario",
      (v) => projectMonthly(usagePreset("light"), [v as string]),
      "INVALID_INPUT",
    ],
    [
      "replayConversation conversation",
      (v) => replayConversation(v as never, "gpt-4o"),
      "INVALID_INPUT",
    ],
  ];
  for (const [name, call, code] of cases) {
    it(name, () => {
      for (const value of notAString) {
        // undefined means "not given" for optional arguments; skip where that is valid.
        if (value === undefined && /provider/.test(name)) continue;
        expect(thrown(() => call(value)).code, `${name}(${String(value)})`).toBe(code);
      }
    });
  }

  it("mapChatGptModelSlug reports a non-string slug as unknown instead of throwing", () => {
    expect(mapChatGptModelSlug(42 as unknown as string).basis).toBe("unknown");
  });
});

describe("names that exist on Object.prototype are not options", () => {
  it("serviceTier 'constructor' is an unknown tier, not NaN prices", () => {
    const error = thrown(() =>
      priceUsage({ inputTokens: 1 }, "gpt-4o", { serviceTier: "constructor" as "batch" }),
    );
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toContain("standard, batch, flex, priority");
  });

  it("reasoning effort 'constructor' is an unknown effort, not NaN costs", () => {
    const error = thrown(() =>
      replayConversation(conversation, "o3", { reasoning: "constructor" as "low" }),
    );
    expect(error.code).toBe("INVALID_INPUT");
  });

  it("usagePreset('toString') lists the presets", () => {
    expect(thrown(() => usagePreset("toString" as "light")).message).toContain(
      "light, moderate, heavy",
    );
  });

  it("billing 'valueOf' is an unknown cadence", () => {
    const error = thrown(() =>
      comparePlans(projection, [{ plan: "chatgpt-plus", billing: "valueOf" as "annual" }]),
    );
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toContain("monthly, annual");
  });
});

describe("numbers that are not finite, non-negative counts", () => {
  const cases: [string, (value: unknown) => unknown][] = [
    ["dayValue messages", (v) => dayValue([0, 1, 2], v as number, 2)],
    ["monthlyCostAt", (v) => monthlyCostAt(projection, v as number)],
    ["suggestSpendingLimit", (v) => suggestSpendingLimit(v as number)],
    ["solveBreakEven max", (v) => solveBreakEven((m) => m, 10, v as number)],
    ["messagesInWindow hours", (v) => messagesInWindow(demand, v as number)],
    [
      "checkCaps messages",
      (v) => checkCaps(plus, { ...demand, messagesPerActiveDay: v as number }),
    ],
    [
      "replayConversation overhead",
      (v) =>
        replayConversation(conversation, "gpt-4o", {
          overheads: [{ messageTokens: v as number, replyPrimingTokens: 3, description: "x" }],
        }),
    ],
  ];
  for (const [name, call] of cases) {
    it(name, () => {
      for (const value of notAFiniteCount) {
        // A chat overhead may be negative (Gemini's calibration is −1 per message).
        if (value === -1 && name.includes("overhead")) continue;
        expect(thrown(() => call(value)).code, `${name}(${String(value)})`).toBe("INVALID_INPUT");
      }
    });
  }

  it("roundUpUsd refuses NaN and Infinity but keeps its $1 floor for 0 and negatives", () => {
    expect(thrown(() => roundUpUsd(Number.NaN)).code).toBe("INVALID_INPUT");
    expect(thrown(() => roundUpUsd(Number.POSITIVE_INFINITY)).code).toBe("INVALID_INPUT");
    expect(roundUpUsd(0)).toBe(1);
    expect(roundUpUsd(-3)).toBe(1);
  });

  it("a reasoning multiplier beyond any effort level is refused (costs would overflow)", () => {
    const error = thrown(() =>
      replayConversation(conversation, "o3", { reasoning: { multiplier: 1e308 } }),
    );
    expect(error.code).toBe("INVALID_INPUT");
    // 1,000 is the documented upper bound; 16 (xhigh) and 1,000 itself are fine.
    expect(
      replayConversation(conversation, "o3", { reasoning: { multiplier: 1000 } }).models[0]?.usage
        .reasoningTokens,
    ).toBe(20_000);
  });

  it("a projection that is not one is refused by comparePlans", () => {
    for (const value of [null, undefined, {}, { pricedOn: "2025-06-01" }]) {
      expect(thrown(() => comparePlans(value as never, ["chatgpt-plus"])).code).toBe(
        "INVALID_INPUT",
      );
    }
  });
});

describe("dates", () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it("a timestamp without a zone is UTC whatever the machine's zone", () => {
    // 03:00 on March 1st read in Tokyo (UTC+9) would be the 28th of February in UTC.
    process.env.TZ = "Asia/Tokyo";
    expect(toPriceDate("2025-03-01T03:00:00")).toBe("2025-03-01");
    expect(priceUsage({ inputTokens: 1 }, "gpt-4o", { at: "2025-03-01T03:00:00" }).pricedOn).toBe(
      "2025-03-01",
    );
    expect(
      projectMonthly(usagePreset("light"), ["gpt-4o"], { at: "2025-03-01T03:00:00" })[0]?.month,
    ).toBe("2025-03");
    process.env.TZ = "America/Los_Angeles";
    expect(toPriceDate("2025-03-01T20:00:00")).toBe("2025-03-01");
  });

  it("an offset is honoured: 23:30 at UTC−5 is the next UTC day", () => {
    expect(toPriceDate("2025-03-01T23:30:00-05:00")).toBe("2025-03-02");
    expect(toPriceDate("2025-03-01 23:30:00+0100")).toBe("2025-03-01");
  });

  it("a day that does not exist is refused everywhere, not rolled over", () => {
    for (const at of ["2025-02-29", "2025-02-30", "2025-04-31T10:00:00Z", "2025-13-01"]) {
      expect(thrown(() => priceUsage({ inputTokens: 1 }, "gpt-4o", { at })).code, at).toBe(
        "INVALID_INPUT",
      );
      expect(thrown(() => listModels({ at })).code, at).toBe("INVALID_INPUT");
      expect(thrown(() => projectMonthly(usagePreset("light"), ["gpt-4o"], { at })).code, at).toBe(
        "INVALID_INPUT",
      );
      expect(thrown(() => comparePlans(projection, ["chatgpt-plus"], { at })).code, at).toBe(
        "INVALID_INPUT",
      );
    }
    // 2024 is a leap year.
    expect(toPriceDate("2024-02-29")).toBe("2024-02-29");
  });

  it("other formats are refused instead of read in the local zone", () => {
    for (const at of ["Mar 1 2025", "03/01/2025", "1740787200000", "2025-3-1"]) {
      expect(thrown(() => selectPrice("gpt-4o", { at })).code, at).toBe("INVALID_INPUT");
    }
    expect(thrown(() => selectPrice("gpt-4o", { at: new Date(Number.NaN) })).code).toBe(
      "INVALID_INPUT",
    );
    expect(thrown(() => selectPrice("gpt-4o", { at: 20250301 as unknown as string })).code).toBe(
      "INVALID_INPUT",
    );
  });
});

describe("values quoted in errors", () => {
  it("are cut and lose control, bidi-override and lone-surrogate characters", () => {
    const nasty = `gpt\u202e-4o\u0007\ud800${"x".repeat(10_000)}`;
    for (const error of [
      thrown(() => findModel(nasty)),
      thrown(() => findPlan(nasty)),
      thrown(() => priceUsage({ inputTokens: 1 }, "gpt-4o", { serviceTier: nasty as "batch" })),
      thrown(() => priceUsage({ inputTokens: 1 }, "gpt-4o", { at: nasty })),
      thrown(() => replayConversation(conversation, "o3", { reasoning: nasty as "low" })),
    ]) {
      for (const character of ["\u202e", "\u0007", "\ud800"]) {
        expect(error.message.includes(character)).toBe(false);
      }
      expect(error.message.length).toBeLessThan(400);
    }
  });

  it("never include a message's text", async () => {
    const secret = "my private diary entry";
    await expect(
      estimateConversation([{ user: secret, assistant: Number.NaN }], "gpt-4o"),
    ).rejects.toSatisfy(
      (error: unknown) =>
        error instanceof TokenmeterError &&
        error.code === "INVALID_INPUT" &&
        !error.message.includes(secret),
    );
  });
});
