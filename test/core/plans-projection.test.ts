// projectMonthly: worked examples whose numbers are derived by hand here, from the pricing table's
// prices (read with selectPrice, so a price change fails loudly rather than silently), plus the
// behaviour around them (dates, time zones, rooms, determinism, errors).
//
// Chat overhead used in the hand arithmetic (the same published rules the replay uses):
// - OpenAI (OpenAI Cookbook, "How to count tokens with tiktoken"): 3 tokens per message + 1 for the
//   role name = 4 per message, and 3 per call to prime the reply;
// - Claude (ai-tokenizer 1.0.6 calibration): 2 per message + 1 for the role name = 3, and 6 per call.
import {
  comparePlans,
  isTokenmeterError,
  monthlyCostAt,
  projectMonthly,
  selectPrice,
  TokenmeterError,
  type UsageProfileInput,
  usagePreset,
} from "@tokenmeter/core";
import { describe, expect, it } from "vitest";

const PER_MTOK = 1_000_000;
const price = (model: string, at: string) => selectPrice(model, { at }).prices;

/** A profile with no variability, no system prompt, no caching and no reasoning unless overridden. */
function plain(overrides: Partial<UsageProfileInput>): UsageProfileInput {
  return {
    messagesPerDay: 4,
    activeDaysPerMonth: 10,
    prompt: { tokens: 100 },
    reply: { tokens: 200 },
    turnsPerConversation: 2,
    systemPromptTokens: 0,
    caching: "off",
    variability: { volumeCv: 0, lengthCv: 0 },
    ...overrides,
  };
}

describe("worked examples (arithmetic by hand)", () => {
  it("one model, two-turn conversations, history re-sent", () => {
    const at = "2026-11-27";
    const r = price("gpt-5.4-mini", at); // $0.75 in, $4.50 out per million
    // Turn 1 prompt: system 50+4, user 100+4, priming 3 = 161. Output 200.
    // Turn 2 prompt: system 54 + (user 104 + reply 204) + user 104 + priming 3 = 469. Output 200.
    const conversation = ((161 + 469) * r.inputUsdPerMTok + 400 * r.outputUsdPerMTok) / PER_MTOK;
    expect(conversation).toBeCloseTo(0.0022725, 12); // 630 × 0.75 + 400 × 4.5 = 2272.5 µ$
    // 4 messages a day = 2 conversations; 10 active days.
    const month = 10 * 2 * conversation;
    const [p] = projectMonthly(plain({ systemPromptTokens: 50 }), ["gpt-5.4-mini"], { at });
    expect(p?.expected.totalUsd).toBeCloseTo(month, 12);
    expect(p?.expected.inputUsd).toBeCloseTo((10 * 2 * 630 * 0.75) / PER_MTOK, 12);
    expect(p?.expected.outputUsd).toBeCloseTo((10 * 2 * 400 * 4.5) / PER_MTOK, 12);
    expect(p?.messagesPerMonth).toBe(40);
    expect(p?.usdPerMessage).toBeCloseTo(month / 40, 12);
    expect(p?.tokens.inputTokens).toBeCloseTo(10 * 2 * 630, 9);
    // No variability: the range collapses onto the expected month.
    expect(p?.range.lowUsd).toBeCloseTo(month, 12);
    expect(p?.range.highUsd).toBeCloseTo(month, 12);
  });

  it("a day's messages that do not fill whole conversations", () => {
    const at = "2026-11-27";
    const r = price("gpt-5.4-mini", at);
    const turn1 = (161 * r.inputUsdPerMTok + 200 * r.outputUsdPerMTok) / PER_MTOK; // 0.00102075
    const full = ((161 + 469) * r.inputUsdPerMTok + 400 * r.outputUsdPerMTok) / PER_MTOK;
    const [p3] = projectMonthly(
      plain({ systemPromptTokens: 50, messagesPerDay: 3 }),
      ["gpt-5.4-mini"],
      { at },
    );
    // 3 messages: one full 2-turn conversation + one 1-turn conversation, on 10 days.
    expect(p3?.expected.totalUsd).toBeCloseTo(10 * (full + turn1), 12);
    // 2.5 messages: one full conversation + half of a first turn (linear between whole turns).
    const [p25] = projectMonthly(
      plain({ systemPromptTokens: 50, messagesPerDay: 2.5 }),
      ["gpt-5.4-mini"],
      { at },
    );
    expect(p25?.expected.totalUsd).toBeCloseTo(10 * (full + 0.5 * turn1), 12);
    expect(p25 && monthlyCostAt(p25, 3)).toBeCloseTo(10 * (full + turn1), 12);
  });

  it("automatic prompt caching of the re-sent prefix (OpenAI: 1,024 tokens, then steps of 128)", () => {
    const at = "2026-11-27";
    const r = price("gpt-5.5", at); // $5 in, $0.50 cached, $30 out
    // System 2,000 tokens. Turn 1 prompt: 2004 + 104 + 3 = 2111, nothing cached yet.
    // Turn 2 prompt: 2004 + 104 + 204 + 104 + 3 = 2419. The repeated prefix is turn 1's prompt
    // without its priming: 2108 tokens → cached 1024 + ⌊(2108 − 1024) / 128⌋ × 128 = 2048; uncached 371.
    const conversation =
      ((2111 + 371) * r.inputUsdPerMTok +
        2048 * (r.cachedInputUsdPerMTok ?? Number.NaN) +
        400 * r.outputUsdPerMTok) /
      PER_MTOK;
    expect(conversation).toBeCloseTo((2482 * 5 + 2048 * 0.5 + 400 * 30) / PER_MTOK, 12); // 0.025434
    const [p] = projectMonthly(
      plain({
        systemPromptTokens: 2000,
        caching: "provider-default",
        messagesPerDay: 2,
        activeDaysPerMonth: 1,
      }),
      ["gpt-5.5"],
      { at },
    );
    expect(p?.expected.totalUsd).toBeCloseTo(conversation, 12);
    expect(p?.expected.cachedInputUsd).toBeCloseTo((2048 * 0.5) / PER_MTOK, 12);
    expect(p?.tokens.cachedInputTokens).toBe(2048);
  });

  it("a multi-model room: every model reads the others' replies and pays for its own calls", () => {
    const at = "2026-11-27";
    const mini = price("gpt-5.4-mini", at); // $0.75 / $4.50
    const haiku = price("claude-haiku-4-5", at); // $1 / $5
    // gpt-5.4-mini: turn 1 = 104 + 3 = 107; turn 2 = (104 + 204 + 204) + 104 + 3 = 619.
    const miniUsd = ((107 + 619) * mini.inputUsdPerMTok + 400 * mini.outputUsdPerMTok) / PER_MTOK;
    // claude-haiku-4-5: turn 1 = 103 + 6 = 109; turn 2 = (103 + 203 + 203) + 103 + 6 = 618.
    const haikuUsd =
      ((109 + 618) * haiku.inputUsdPerMTok + 400 * haiku.outputUsdPerMTok) / PER_MTOK;
    expect(miniUsd).toBeCloseTo(0.0023445, 12);
    expect(haikuUsd).toBeCloseTo(0.002727, 12);
    const [room] = projectMonthly(
      plain({ messagesPerDay: 2, activeDaysPerMonth: 1 }),
      [["gpt-5.4-mini", "claude-haiku-4-5"]],
      { at },
    );
    expect(room?.room).toBe(true);
    expect(room?.label).toBe("room: gpt-5.4-mini + claude-haiku-4-5");
    expect(room?.perModel.map((m) => m.model)).toEqual(["gpt-5.4-mini", "claude-haiku-4-5"]);
    expect(room?.perModel[0]?.totalUsd).toBeCloseTo(miniUsd, 12);
    expect(room?.perModel[1]?.totalUsd).toBeCloseTo(haikuUsd, 12);
    expect(room?.expected.totalUsd).toBeCloseTo(miniUsd + haikuUsd, 12);
  });

  it("a conversation long enough to hit truncation at the context window", () => {
    const at = "2024-01-15";
    const r = price("gpt-4", at); // $30 / $60, 8,192-token window
    // Each call may use 8192 − 1000 (its own reply) = 7192 prompt tokens. An exchange adds
    // (1000 + 4) + (1000 + 4) = 2008. Prompts: 1007, 3015, 5023, 7031; the 5th would be 9039, so
    // the oldest exchange goes (7031); the 6th likewise drops one more (7031).
    const input = 1007 + 3015 + 5023 + 7031 + 7031 + 7031; // 30,138
    const conversation = (input * r.inputUsdPerMTok + 6 * 1000 * r.outputUsdPerMTok) / PER_MTOK;
    expect(conversation).toBeCloseTo(1.26414, 10);
    const [p] = projectMonthly(
      plain({
        prompt: { tokens: 1000 },
        reply: { tokens: 1000 },
        turnsPerConversation: 6,
        messagesPerDay: 6,
        activeDaysPerMonth: 1,
      }),
      ["gpt-4"],
      { at },
    );
    expect(p?.expected.totalUsd).toBeCloseTo(conversation, 10);
    expect(
      p?.assumptions.some((a) => a.includes("history truncated to fit the context window")),
    ).toBe(true);
  });

  it("attachments and reasoning mixed in by their shares", () => {
    const at = "2026-11-27";
    const r = price("gpt-5.4-mini", at);
    // One-turn conversations, 1 a day on 1 day. Without attachment: prompt 104 + 3 = 107.
    // With a 1,000-token attachment in the first message: 1107. Half the conversations have one.
    // Reasoning: 25% of messages at effort "low" = 1 reasoning token per visible token (200),
    // billed at the output price.
    const plainUsd = (107 * r.inputUsdPerMTok + 200 * r.outputUsdPerMTok) / PER_MTOK;
    const attachedUsd = (1107 * r.inputUsdPerMTok + 200 * r.outputUsdPerMTok) / PER_MTOK;
    const reasoningUsd = (200 * r.outputUsdPerMTok) / PER_MTOK;
    const expected = 0.5 * plainUsd + 0.5 * attachedUsd + 0.25 * reasoningUsd;
    const [p] = projectMonthly(
      plain({
        turnsPerConversation: 1,
        messagesPerDay: 1,
        activeDaysPerMonth: 1,
        attachment: { length: { tokens: 1000 }, shareOfConversations: 0.5 },
        reasoning: { shareOfMessages: 0.25, effort: "low" },
      }),
      ["gpt-5.4-mini"],
      { at },
    );
    expect(p?.expected.totalUsd).toBeCloseTo(expected, 12);
    expect(p?.expected.reasoningUsd).toBeCloseTo(0.25 * reasoningUsd, 12);
  });
});

describe("mixing by shares is linear", () => {
  // A share s of reasoning messages must cost (1 − s) × "none" + s × "all", whether or not the
  // reasoning tokens change what fits in the context window (the second case is replayed separately).
  it.each([
    { name: "short chats", attachmentTokens: 1000, turns: 6 },
    // Call 4 sends 260k + 4 × 30k + 3 × 2k = 386k tokens: it fits gpt-5.4-mini's 400k window less a
    // 2k reply (398k), but not less a 2k reply and 16k of high-effort reasoning (382k).
    { name: "chats truncated only when reasoning", attachmentTokens: 260_000, turns: 4 },
  ])("$name", ({ attachmentTokens, turns }) => {
    const at = "2026-11-27";
    const profile = (share: number) =>
      plain({
        prompt: { tokens: 30_000 },
        reply: { tokens: 2000 },
        turnsPerConversation: turns,
        messagesPerDay: turns,
        activeDaysPerMonth: 1,
        attachment: { length: { tokens: attachmentTokens }, shareOfConversations: 0.5 },
        reasoning: { shareOfMessages: share, effort: "high" },
      });
    const cost = (share: number) =>
      projectMonthly(profile(share), ["gpt-5.4-mini"], { at })[0]?.expected.totalUsd ?? Number.NaN;
    expect(cost(0.3)).toBeCloseTo(0.7 * cost(0) + 0.3 * cost(1), 12);
    const [p] = projectMonthly(profile(0.3), ["gpt-5.4-mini"], { at });
    const truncated = p?.assumptions.some((a) => a.includes("history truncated")) ?? false;
    expect(truncated).toBe(attachmentTokens > 100_000);
  });
});

describe("the README's worked example: moderate on gpt-5.5 vs ChatGPT Plus", () => {
  // packages/core/README.md walks through these numbers; this is the same arithmetic, written
  // out independently of the replay (OpenAI's automatic caching: prefixes of 1,024+ tokens, cached
  // in 128-token steps, the repeated prefix being the previous call's prompt minus its 3 priming tokens).
  const at = "2026-11-27";
  const r = selectPrice("gpt-5.5", { at }).prices; // $5 / $0.50 / $30
  const cachedOf = (repeated: number) =>
    repeated < 1024 ? 0 : 1024 + Math.floor((repeated - 1024) / 128) * 128;
  /** Cumulative cost of calls 0..k-1 of an 8-message conversation whose first user block is `first`. */
  function curve(first: number): number[] {
    const system = 300 + 4;
    const user = 80 + 4;
    const reply = 333 + 4;
    const out = [0];
    let history = 0;
    let previousPrompt = 0;
    for (let k = 0; k < 8; k++) {
      const block = k === 0 ? first : user;
      const prompt = system + history + block + 3;
      const cached = k === 0 ? 0 : cachedOf(previousPrompt - 3);
      const usd =
        ((prompt - cached) * r.inputUsdPerMTok +
          cached * (r.cachedInputUsdPerMTok ?? Number.NaN) +
          333 * r.outputUsdPerMTok) /
        PER_MTOK;
      out.push((out[k] as number) + usd);
      history += block + reply;
      previousPrompt = prompt;
    }
    return out;
  }
  const plainCurve = curve(84);
  const attachedCurve = curve(84 + 2000);
  const reasoningPerMessage = (3 * 333 * r.outputUsdPerMTok) / PER_MTOK; // 999 hidden tokens
  const mixed = plainCurve.map(
    (v, k) => 0.9 * v + 0.1 * (attachedCurve[k] as number) + 0.1 * k * reasoningPerMessage,
  );

  it("matches the hand arithmetic of the month", () => {
    expect(plainCurve[8]).toBeCloseTo(0.109572, 12);
    expect(plainCurve[4]).toBeCloseTo(0.055226, 12);
    const plainMonth = 22 * (2 * (plainCurve[8] as number) + (plainCurve[4] as number));
    expect(plainMonth).toBeCloseTo(6.03614, 10);
    const attachedMonth = 22 * (2 * (attachedCurve[8] as number) + (attachedCurve[4] as number));
    expect(attachedMonth).toBeCloseTo(6.748588, 10);
    const month = 0.9 * plainMonth + 0.1 * attachedMonth + 0.1 * 440 * reasoningPerMessage;
    expect(month).toBeCloseTo(7.4260648, 10);

    const [p] = projectMonthly(usagePreset("moderate"), ["gpt-5.5"], { at });
    expect(p?.expected.totalUsd).toBeCloseTo(month, 10);
    expect(p?.expected.reasoningUsd).toBeCloseTo(1.31868, 10);
    p?.curve.cumulativeUsd.forEach((v, k) => {
      expect(v).toBeCloseTo(mixed[k] as number, 12);
    });
    // The range printed in the README.
    expect(p?.range.lowUsd.toFixed(2)).toBe("3.87");
    expect(p?.range.highUsd.toFixed(2)).toBe("11.22");
  });

  it("matches the hand arithmetic of the break-even, the messages Plus buys and the limit", () => {
    const perDay = 20 / 22;
    const full = mixed[8] as number;
    const conversations = Math.floor(perDay / full); // 6
    const left = perDay - conversations * full;
    let whole = 0;
    while ((mixed[whole + 1] as number) <= left) whole++; // 5
    const turns =
      whole +
      (left - (mixed[whole] as number)) / ((mixed[whole + 1] as number) - (mixed[whole] as number));
    const byHand = conversations * 8 + turns;
    expect(conversations).toBe(6);
    expect(whole).toBe(5);
    expect(byHand).toBeCloseTo(53.977, 3);

    const [p] = projectMonthly(usagePreset("moderate"), ["gpt-5.5"], { at });
    if (p === undefined) throw new Error("no projection");
    const [c] = comparePlans(p, ["chatgpt-plus"]);
    expect(c?.breakEven.messagesPerDay).toBeCloseTo(byHand, 8);
    expect(Math.round(c?.breakEven.messagesPerMonth ?? 0)).toBe(1187);
    expect(c?.spendingLimit.usd).toBe(15); // 11.22 × 1.25 = 14.03 → next $5
    expect(c?.verdict).toBe(
      "On gpt-5.5 this usage costs about $7.43 a month by API ($3.87–$11.22), $12.57 less than ChatGPT Plus at $20.00 a month; the API stays cheaper up to about 54 messages a day.",
    );
  });
});

describe("dates, time zones and the calendar", () => {
  it("prices at the local date of a timestamp, and caps active days at the month's length", () => {
    // 03:00 UTC on 2027-01-01 is still 2026-12-31 in New York: Gemini 3.7 Flash's introductory
    // price ($0.75/$3.75) applies there, the standard price ($1.50/$7.50, exactly twice) in UTC.
    const profile = plain({ messagesPerDay: 1, turnsPerConversation: 1, activeDaysPerMonth: 31 });
    const [ny] = projectMonthly(profile, ["gemini-3.7-flash"], {
      at: "2027-01-01T03:00:00Z",
      timeZone: "America/New_York",
    });
    const [utc] = projectMonthly(profile, ["gemini-3.7-flash"], { at: "2027-01-01T03:00:00Z" });
    expect(ny?.pricedOn).toBe("2026-12-31");
    expect(ny?.perModel[0]?.priceEffectiveFrom).toBe("2026-08-13");
    expect(utc?.pricedOn).toBe("2027-01-01");
    expect(utc?.perModel[0]?.priceEffectiveFrom).toBe("2027-01-01");
    // December and January both have 31 days and every price doubles.
    expect(utc?.expected.totalUsd).toBeCloseTo(2 * (ny?.expected.totalUsd ?? 0), 12);
    // 03:00 UTC on Sep 1 is still Aug 31 in New York. One call on Claude Sonnet 5 ($2/$10 on both
    // days): 103 + 6 = 109 in, 200 out. August has 31 days, September 30.
    const [aug] = projectMonthly(profile, ["claude-sonnet-5"], {
      at: "2026-09-01T03:00:00Z",
      timeZone: "America/New_York",
    });
    const [sep] = projectMonthly(profile, ["claude-sonnet-5"], { at: "2026-09-01T03:00:00Z" });
    expect(aug?.pricedOn).toBe("2026-08-31");
    expect(aug?.expected.totalUsd).toBeCloseTo((31 * (109 * 2 + 200 * 10)) / PER_MTOK, 12);
    expect(sep?.pricedOn).toBe("2026-09-01");
    expect(sep?.activeDays).toBe(30);
    expect(sep?.expected.totalUsd).toBeCloseTo((30 * (109 * 2 + 200 * 10)) / PER_MTOK, 12);
    expect(sep?.assumptions.some((a) => a.includes("active days are capped at 30"))).toBe(true);
  });

  it("says when the month straddles a price change, and prices it all at the date given", () => {
    // gpt-4o: $5/$15 until 2024-10-02, then $2.50/$10. One 1-turn conversation a day on 10 days,
    // no system prompt: 100 + 4 (per message and role) + 3 (priming) = 107 tokens in, 200 out.
    const profile = plain({ messagesPerDay: 1, turnsPerConversation: 1, activeDaysPerMonth: 10 });
    const [october] = projectMonthly(profile, ["gpt-4o"], { at: "2024-10-15" });
    expect(october?.expected.totalUsd).toBeCloseTo((10 * (107 * 2.5 + 200 * 10)) / PER_MTOK, 12);
    expect(october?.assumptions).toContain(
      "gpt-4o's price changes on 2024-10-02, inside 2024-10: the whole month is priced at the prices in effect on 2024-10-15.",
    );
    const [november] = projectMonthly(profile, ["gpt-4o"], { at: "2024-11-15" });
    expect(november?.assumptions.some((a) => a.includes("price changes"))).toBe(false);
  });
});

describe("behaviour", () => {
  it("is deterministic: the same input gives the same range, another seed another", () => {
    const a = projectMonthly(usagePreset("moderate"), ["gpt-5.5"], { at: "2026-11-27" });
    const b = projectMonthly(usagePreset("moderate"), ["gpt-5.5"], { at: "2026-11-27" });
    const c = projectMonthly(usagePreset("moderate"), ["gpt-5.5"], { at: "2026-11-27", seed: 7 });
    expect(b[0]?.range).toEqual(a[0]?.range);
    expect(c[0]?.range.highUsd).not.toBe(a[0]?.range.highUsd);
    const range = a[0]?.range;
    expect(range && range.lowUsd < (a[0]?.expected.totalUsd ?? 0)).toBe(true);
    expect(range && range.highUsd > (a[0]?.expected.totalUsd ?? 0)).toBe(true);
  });

  it("gives every scenario of one call the same simulated months", () => {
    // Same factors → a model that costs exactly twice as much per token has exactly twice the range.
    const profile = usagePreset("light");
    const [x, y] = projectMonthly(profile, ["gpt-5.5", "gpt-5.4-mini"], { at: "2026-11-27" });
    const ratio = (x?.expected.totalUsd ?? 0) / (y?.expected.totalUsd ?? 1);
    expect((x?.range.highUsd ?? 0) / (y?.range.highUsd ?? 1)).toBeCloseTo(ratio, 6);
  });

  it("adds up: components to total, members to the room", () => {
    const [room] = projectMonthly(usagePreset("room"), undefined, { at: "2026-11-27" });
    const e = room?.expected;
    expect(
      e && e.inputUsd + e.cachedInputUsd + e.cacheWriteUsd + e.outputUsd + e.reasoningUsd,
    ).toBeCloseTo(e?.totalUsd ?? 0, 12);
    const members = room?.perModel.reduce((s, m) => s + m.totalUsd, 0);
    expect(members).toBeCloseTo(e?.totalUsd ?? 0, 12);
  });

  it("reports unknown models instead of pricing them at $0", () => {
    try {
      projectMonthly(usagePreset("light"), ["gpt-9-turbo-ultra"]);
      expect.unreachable();
    } catch (error) {
      expect(isTokenmeterError(error, "UNKNOWN_MODEL")).toBe(true);
    }
  });

  it("refuses a projection without models or with bad options", () => {
    expect(() => projectMonthly(usagePreset("light"))).toThrow(/No models to project/);
    expect(() => projectMonthly(usagePreset("light"), [[]])).toThrow(TokenmeterError);
    expect(() => projectMonthly(usagePreset("light"), ["gpt-5.5"], { samples: 0 })).toThrow(
      /samples/,
    );
    expect(() => projectMonthly(usagePreset("light"), ["gpt-5.5"], { at: "yesterday" })).toThrow(
      /Cannot read the date/,
    );
  });

  it("validates the profile it is given", () => {
    expect(() =>
      projectMonthly({ ...usagePreset("light"), messagesPerDay: -3 }, ["gpt-5.5"]),
    ).toThrow(/messagesPerDay cannot be negative/);
  });
});
