// Peak hours (DeepSeek V4 from 2026-08-17), worked by hand from the bundled table 2026.11.27.3:
// deepseek-v4-flash off-peak $0.22 in / $0.007 cache read / $0.66 out, peak (UTC 01:00–04:00 and
// 06:00–10:00) $0.44 / $0.014 / $1.32; deepseek-v4-pro off-peak $0.66 / $0.022 / $1.98, peak
// $1.32 / $0.044 / $3.96 (@pydantic/genai-prices 0.1.8). From 2026-08-23 Saturdays and Sundays in
// Beijing time (UTC+08:00) are off-peak all day. 2026-09-01 is a Tuesday, 2026-09-05 a Saturday.
import {
  isPeakAt,
  loadPricing,
  peakHoursSchema,
  priceRecordSchema,
  priceUsage,
  projectMonthly,
  replayConversation,
  selectPrice,
  type TokenmeterError,
  usagePreset,
} from "@tokenmeter/core";
import { describe, expect, it } from "vitest";

const MILLION = { inputTokens: 1_000_000, outputTokens: 1_000_000 };
const flash = (at: string | Date) => priceUsage(MILLION, "deepseek-v4-flash", { at });

describe("deepseek-v4-flash: 1,000,000 input + 1,000,000 output tokens", () => {
  it("at 2026-09-01T02:00:00Z (peak): 0.44 + 1.32 = $1.76", () => {
    const cost = flash("2026-09-01T02:00:00Z");
    expect(cost.totalUsd).toBeCloseTo(1.76, 12);
    expect(cost.inputUsd).toBeCloseTo(0.44, 12);
    expect(cost.outputUsd).toBeCloseTo(1.32, 12);
    expect(cost.timeOfDay).toBe("peak");
    expect(cost.assumptions).toEqual([]);
    expect(cost.priceEffectiveFrom).toBe("2026-08-23");
    expect(cost.pricedOn).toBe("2026-09-01");
  });

  it("at 2026-09-01T12:00:00Z (off-peak): 0.22 + 0.66 = $0.88", () => {
    const cost = flash("2026-09-01T12:00:00Z");
    expect(cost.totalUsd).toBeCloseTo(0.88, 12);
    expect(cost.timeOfDay).toBe("off-peak");
    expect(cost.assumptions).toEqual([]);
  });

  it('at "2026-09-01" (a day, no time): the peak price, $1.76, an upper bound stated once', () => {
    const cost = flash("2026-09-01");
    expect(cost.totalUsd).toBeCloseTo(1.76, 12);
    expect(cost.timeOfDay).toBe("peak");
    expect(cost.assumptions).toHaveLength(1);
    expect(cost.assumptions[0]).toContain("this usage has no time of day");
    expect(cost.assumptions[0]).toContain("priced at the peak prices");
    expect(cost.assumptions[0]).toContain("an upper bound");
    expect(cost.assumptions[0]).toContain("UTC 01:00–04:00 and 06:00–10:00");
  });

  it("without `at` the table's publishedOn (a day) is used: the peak price", () => {
    const cost = priceUsage(MILLION, "deepseek-v4-flash");
    expect(cost.pricedOn).toBe("2026-11-27");
    expect(cost.totalUsd).toBeCloseTo(1.76, 12);
    expect(cost.assumptions).toHaveLength(1);
  });

  it("a Date is an instant; a timestamp with a zone is read in UTC", () => {
    expect(flash(new Date(Date.UTC(2026, 8, 1, 7, 30))).totalUsd).toBeCloseTo(1.76, 12);
    // 10:30 at +08:00 is 02:30 UTC: peak. 12:30 at +08:00 is 04:30 UTC: off-peak.
    expect(flash("2026-09-01T10:30:00+08:00").totalUsd).toBeCloseTo(1.76, 12);
    expect(flash("2026-09-01T12:30:00+08:00").totalUsd).toBeCloseTo(0.88, 12);
    // No zone: read as UTC.
    expect(flash("2026-09-01 02:00").totalUsd).toBeCloseTo(1.76, 12);
  });

  it("cache reads: 1,000,000 at $0.014 peak, $0.007 off-peak", () => {
    const usage = { inputTokens: 0, cachedInputTokens: 1_000_000 };
    const at = (t: string) =>
      priceUsage(usage, "deepseek-v4-flash", { at: `2026-09-01T${t}Z` }).totalUsd;
    expect(at("03:00:00")).toBeCloseTo(0.014, 12);
    expect(at("20:00:00")).toBeCloseTo(0.007, 12);
  });
});

describe("window boundaries: `from` inclusive, `until` exclusive (UTC)", () => {
  const cases: [string, number][] = [
    ["00:59:59.999", 0.88],
    ["01:00:00", 1.76],
    ["03:59:59.999", 1.76],
    ["04:00:00", 0.88],
    ["05:59:59", 0.88],
    ["06:00:00", 1.76],
    ["09:59:59.999", 1.76],
    ["10:00:00", 0.88],
    ["23:59:59.999", 0.88],
    ["00:00:00", 0.88],
  ];
  for (const [time, usd] of cases) {
    it(`2026-09-01T${time}Z → $${usd}`, () => {
      expect(flash(`2026-09-01T${time}Z`).totalUsd).toBeCloseTo(usd, 12);
    });
  }
});

describe("weekends (Beijing time) from 2026-08-23", () => {
  it("Saturday 2026-09-05T02:00Z (10:00 in Beijing) is off-peak: $0.88", () => {
    expect(flash("2026-09-05T02:00:00Z").totalUsd).toBeCloseTo(0.88, 12);
    expect(flash("2026-09-06T08:00:00Z").totalUsd).toBeCloseTo(0.88, 12); // Sunday
  });

  it("Monday 2026-09-07T01:30Z is 09:30 Monday in Beijing: peak, $1.76", () => {
    expect(flash("2026-09-07T01:30:00Z").totalUsd).toBeCloseTo(1.76, 12);
  });

  it("Saturday 2026-08-22, before the weekend rule, is still peak in the windows: $1.76", () => {
    const cost = flash("2026-08-22T02:00:00Z");
    expect(cost.totalUsd).toBeCloseTo(1.76, 12);
    expect(cost.priceEffectiveFrom).toBe("2026-08-17");
  });

  it("a Saturday given as a day only is still priced at peak (an upper bound), with the note", () => {
    const cost = flash("2026-09-05");
    expect(cost.totalUsd).toBeCloseTo(1.76, 12);
    expect(cost.assumptions[0]).toContain("except all day on Saturdays and Sundays in UTC+08:00");
  });

  it("isPeakAt reads the same rule", () => {
    const peak = selectPrice("deepseek-v4-flash", { at: "2026-09-01" }).record.peakHours;
    if (peak === undefined) throw new Error("no peak hours");
    expect(isPeakAt(peak, Date.parse("2026-09-01T01:00:00Z"))).toBe(true);
    expect(isPeakAt(peak, Date.parse("2026-09-01T04:00:00Z"))).toBe(false);
    expect(isPeakAt(peak, Date.parse("2026-09-05T01:00:00Z"))).toBe(false);
  });
});

describe("deepseek-v4-pro and the dates around the change", () => {
  it("pro: 1.32 + 3.96 = $5.28 at peak, 0.66 + 1.98 = $2.64 off-peak", () => {
    const pro = (at: string) => priceUsage(MILLION, "deepseek-v4-pro", { at }).totalUsd;
    expect(pro("2026-09-01T08:00:00Z")).toBeCloseTo(5.28, 12);
    expect(pro("2026-09-01T11:00:00Z")).toBeCloseTo(2.64, 12);
  });

  it("before 2026-08-17 the flat price holds at any hour: 0.14 + 0.28 = $0.42 (flash)", () => {
    // genai-prices' layout prices 01:00–04:00 and 06:00–10:00 before 2026-08-17 at the new peak
    // price (its price_comments say so); dated records do not.
    expect(flash("2026-08-15T02:00:00Z").totalUsd).toBeCloseTo(0.42, 12);
    expect(flash("2026-08-15T02:00:00Z").timeOfDay).toBeUndefined();
  });

  it("2026-08-16 stays unpriced (the sources disagree on the change date)", () => {
    expect(() => flash("2026-08-16T12:00:00Z")).toThrow(
      /No price for deepseek-v4-flash on 2026-08-16/,
    );
  });

  it("models without peak hours have no timeOfDay and no new assumption", () => {
    const cost = priceUsage(MILLION, "gpt-4o", { at: "2026-09-01" });
    expect(cost.timeOfDay).toBeUndefined();
    expect("timeOfDay" in cost).toBe(false);
    expect(cost.assumptions).toEqual([]);
  });
});

describe("conversations and monthly projections", () => {
  const conversation = { systemTokens: 0, userTokens: [1000, 1000], replyTokens: [[500, 500]] };

  it("a replay at an instant uses that instant's prices; at a day, peak with one note", () => {
    const at = (when: string) =>
      replayConversation(conversation, ["deepseek-v4-flash"], {
        at: when,
        reasoning: "none",
        caching: "none",
      });
    const peak = at("2026-09-01T02:00:00Z");
    const off = at("2026-09-01T12:00:00Z");
    const day = at("2026-09-01");
    // Every price is exactly twice the off-peak one, so the whole replay doubles.
    expect(peak.totalUsd).toBeCloseTo(off.totalUsd * 2, 12);
    expect(day.totalUsd).toBeCloseTo(peak.totalUsd, 12);
    const notes = (r: typeof day) => r.assumptions.filter((a) => a.includes("peak-hour prices"));
    expect(notes(peak)).toEqual([]);
    expect(notes(off)).toEqual([]);
    expect(notes(day)).toHaveLength(1);
  });

  it("projectMonthly prices a month at the peak price and states it once", () => {
    const [p] = projectMonthly(usagePreset("moderate"), ["deepseek-v4-flash"], {
      at: "2026-09-05",
    });
    if (p === undefined) throw new Error("no projection");
    const notes = p.assumptions.filter((a) => a.includes("peak-hour prices"));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain("an upper bound");
    // The same month with the peak prices as a flat price costs the same.
    const flat = loadPricing({
      $schema: "x",
      provider: "deepseek",
      displayName: "DeepSeek",
      pricingUrl: "https://api-docs.deepseek.com/quick_start/pricing",
      models: [
        {
          id: "deepseek-v4-flash",
          displayName: "DeepSeek V4 Flash",
          tokenizer: "deepseek",
          contextWindowTokens: 1_000_000,
          maxOutputTokens: 8192,
          reasoning: true,
          prices: [
            {
              effectiveFrom: "2026-08-23",
              inputUsdPerMTok: 0.44,
              cachedInputUsdPerMTok: 0.014,
              outputUsdPerMTok: 1.32,
              source: "https://api-docs.deepseek.com/quick_start/pricing",
              checked: "2026-09-23",
            },
          ],
        },
      ],
    });
    const [q] = projectMonthly(usagePreset("moderate"), ["deepseek-v4-flash"], {
      at: "2026-09-05",
      pricing: flat,
    });
    expect(p.expected.totalUsd).toBeCloseTo(q?.expected.totalUsd ?? Number.NaN, 10);
  });
});

describe("the schema refuses windows a person could not mean", () => {
  const base = { inputUsdPerMTok: 2, outputUsdPerMTok: 4 };
  const messages = (windowsUtc: unknown) => {
    const result = peakHoursSchema.safeParse({ ...base, windowsUtc });
    return result.success
      ? []
      : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  };

  it("accepts adjacent windows (until is exclusive) and 24:00 as the end of the day", () => {
    expect(
      messages([
        { from: "01:00", until: "04:00" },
        { from: "04:00", until: "06:00" },
        { from: "22:00", until: "24:00" },
      ]),
    ).toEqual([]);
  });

  it("a window across midnight: split it, with the two windows named", () => {
    expect(messages([{ from: "22:00", until: "02:00" }])).toEqual([
      "windowsUtc.0.until: peak window 22:00–02:00 ends before it starts: a window cannot cross midnight, so write it as two windows (22:00–24:00 and 00:00–02:00).",
    ]);
  });

  it("an empty window", () => {
    expect(messages([{ from: "03:00", until: "03:00" }])[0]).toContain(
      'peak window 03:00–03:00 is empty: "until" must be later than "from".',
    );
  });

  it("overlapping windows, in any order", () => {
    expect(
      messages([
        { from: "06:00", until: "10:00" },
        { from: "01:00", until: "07:00" },
      ]),
    ).toEqual([
      'windowsUtc.0: peak windows 01:00–07:00 and 06:00–10:00 overlap: merge them into one window or correct the times ("until" is exclusive, so 01:00–04:00 and 04:00–06:00 do not overlap).',
    ]);
  });

  it("times that are not HH:MM, and no windows at all", () => {
    expect(messages([{ from: "1:00", until: "04:00" }])[0]).toContain(
      'windowsUtc.0.from: expected a UTC time of day "HH:MM"',
    );
    expect(messages([{ from: "01:00", until: "24:30" }])[0]).toContain("windowsUtc.0.until");
    expect(messages([])[0]).toContain("list at least one peak window");
  });

  it("peakHours with longContext in one record is refused", () => {
    const result = priceRecordSchema.safeParse({
      ...base,
      effectiveFrom: "2026-01-01",
      source: "https://example.com",
      checked: "2026-01-01",
      longContext: { ...base, aboveInputTokens: 1000 },
      peakHours: { ...base, windowsUtc: [{ from: "01:00", until: "02:00" }] },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain(
      "peakHours cannot be combined with longContext",
    );
  });

  it("loadPricing names the file and the JSON path of a bad window", () => {
    let error: TokenmeterError | undefined;
    try {
      loadPricing(
        {
          provider: "acme",
          displayName: "Acme",
          pricingUrl: "https://example.com",
          models: [
            {
              id: "acme-1",
              displayName: "Acme 1",
              tokenizer: "o200k_base",
              contextWindowTokens: 1000,
              maxOutputTokens: 100,
              reasoning: false,
              prices: [
                {
                  ...base,
                  effectiveFrom: "2026-01-01",
                  source: "https://example.com",
                  checked: "2026-01-01",
                  peakHours: { ...base, windowsUtc: [{ from: "22:00", until: "02:00" }] },
                },
              ],
            },
          ],
        },
        { fileName: "acme.json" },
      );
    } catch (caught) {
      error = caught as TokenmeterError;
    }
    expect(error?.code).toBe("INVALID_PRICING");
    expect(error?.message).toContain("acme.json");
    expect(error?.message).toContain("models[0].prices[0].peakHours.windowsUtc[0].until");
    expect(error?.message).toContain("write it as two windows (22:00–24:00 and 00:00–02:00)");
  });
});
