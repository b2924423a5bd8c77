import {
  createCalendar,
  createCoverageTracker,
  createReportBuilder,
  estimateReportSchema,
  isTokenmeterError,
  monthsBetween,
  type PlanPriceSeries,
  planUsdPerMonthOn,
  type ReportEntry,
  type ReportScenario,
  type Usage,
} from "@tokenmeter/core";
import { describe, expect, it } from "vitest";

const usage = (inputTokens: number, outputTokens: number, cachedInputTokens = 0): Usage => ({
  inputTokens,
  cachedInputTokens,
  cacheWrite5mTokens: 0,
  cacheWrite1hTokens: 0,
  outputTokens,
  reasoningTokens: 0,
});

// Costs at $2.50 input / $1.25 cached / $10 output per MTok (hand arithmetic shown per entry).
function cost(inputTokens: number, outputTokens: number, cachedInputTokens = 0) {
  const inputUsd = (inputTokens * 2.5) / 1e6;
  const cachedInputUsd = (cachedInputTokens * 1.25) / 1e6;
  const outputUsd = (outputTokens * 10) / 1e6;
  return {
    inputUsd,
    cachedInputUsd,
    cacheWriteUsd: 0,
    outputUsd,
    reasoningUsd: 0,
    totalUsd: inputUsd + cachedInputUsd + outputUsd,
  };
}

describe("createCalendar", () => {
  it.each([
    ["UTC", Date.UTC(2025, 0, 1, 3), "2025-01-01"],
    ["America/New_York", Date.UTC(2025, 0, 1, 3), "2024-12-31"],
    // Kathmandu is UTC+05:45: 18:14:59Z is 23:59:59 local, 18:15Z is the next day.
    ["Asia/Kathmandu", Date.UTC(2025, 2, 1, 18, 14, 59), "2025-03-01"],
    ["Asia/Kathmandu", Date.UTC(2025, 2, 1, 18, 15, 0), "2025-03-02"],
    // Paris switched to UTC+2 at 01:00Z on 2025-03-30: 22:30Z that day is 00:30 on the 31st.
    ["Europe/Paris", Date.UTC(2025, 2, 30, 22, 30), "2025-03-31"],
    ["Europe/Paris", Date.UTC(2025, 2, 29, 22, 30), "2025-03-29"],
    ["Pacific/Chatham", Date.UTC(2025, 5, 30, 11, 14), "2025-06-30"],
    ["Pacific/Chatham", Date.UTC(2025, 5, 30, 11, 15), "2025-07-01"],
  ] as const)("%s: day of %d is %s", (timeZone, epochMs, day) => {
    const calendar = createCalendar(timeZone);
    expect(calendar.dayKey(epochMs)).toBe(day);
    expect(calendar.monthKey(epochMs)).toBe(day.slice(0, 7));
  });

  it("rejects an unknown time zone with INVALID_INPUT", () => {
    expect(() => createCalendar("Mars/Olympus")).toThrowError(/Unknown time zone "Mars\/Olympus"/);
    try {
      createCalendar("Mars/Olympus");
    } catch (error) {
      expect(isTokenmeterError(error, "INVALID_INPUT")).toBe(true);
    }
  });

  it("lists months across a year boundary", () => {
    expect(monthsBetween("2024-11", "2025-02")).toEqual([
      "2024-11",
      "2024-12",
      "2025-01",
      "2025-02",
    ]);
  });
});

describe("planUsdPerMonthOn", () => {
  const plan: PlanPriceSeries = {
    planId: "test",
    planName: "Test",
    prices: [
      { effectiveFrom: "2023-02-01", effectiveUntil: "2025-01-01", usdPerMonth: 20 },
      { effectiveFrom: "2025-01-01", usdPerMonth: 22 },
    ],
  };
  it.each([
    ["2023-01-31", null],
    ["2023-02-01", 20],
    ["2024-12-31", 20],
    ["2025-01-01", 22],
  ] as const)("on %s costs %s", (day, expected) => {
    expect(planUsdPerMonthOn(plan, day)).toBe(expected);
  });
});

describe("createReportBuilder", () => {
  const scenarios: ReportScenario[] = [
    { scenarioId: "as-used", label: "as used", model: null },
    { scenarioId: "cheap", label: "Cheap", model: "cheap" },
  ];
  const plus: PlanPriceSeries = {
    planId: "plus",
    planName: "Plus",
    prices: [{ effectiveFrom: "2023-02-01", usdPerMonth: 20 }],
  };

  function entry(
    iso: string,
    conversationId: string,
    model: string,
    input: number,
    output: number,
    priced = true,
  ): ReportEntry {
    return {
      timestampMs: Date.parse(iso),
      conversationId,
      conversationTitle: `title ${conversationId}`,
      model,
      priced: [
        priced
          ? { usage: usage(input, output), usageExact: true, cost: cost(input, output) }
          : {
              usage: usage(input, output),
              usageExact: true,
              cost: null,
              unpricedModel: model,
              reason: "UNKNOWN_MODEL",
              suggestions: ["gpt-4o"],
            },
        // The "cheap" scenario: a tenth of the as-used price, estimated usage.
        {
          usage: usage(input, output),
          usageExact: false,
          cost: { ...cost(input / 10, output / 10) },
        },
      ],
    };
  }

  function build(groupBy: "month" | "day" | "model" | "conversation", since?: string) {
    const builder = createReportBuilder({
      scenarios,
      groupBy,
      timeZone: "America/New_York",
      since,
      pricingVersion: "2026.11.27",
      plans: [plus],
    });
    const coverage = createCoverageTracker();
    coverage.addFile("log.jsonl", "generic-jsonl", "line");
    coverage.recordRead("log.jsonl", 6);
    coverage.recordSkipped("log.jsonl", "MALFORMED_JSON", "Not JSON.", {
      line: 4,
      byteOffset: 300,
    });
    const added = [
      // 2025-01-31T23:30 New York = 2025-02-01T04:30Z: January in New York, February in UTC.
      builder.add(entry("2025-02-01T04:30:00Z", "c1", "gpt-4o", 1_000_000, 100_000)),
      builder.add(entry("2025-03-10T12:00:00Z", "c2", "gpt-4o", 200_000, 50_000)),
      builder.add(entry("2025-03-11T12:00:00Z", "c2", "mystery-model", 1_000, 1_000, false)),
      builder.add(entry("2025-03-12T12:00:00Z", "c3", "gpt-4o", 10_000, 2_000)),
    ];
    const report = builder.finish({
      coverage: coverage.snapshot(),
      assumptions: [{ id: "test", description: "A test assumption." }],
    });
    return { report, added };
  }

  it("sums tokens and costs per month in the report's time zone, with gaps and plans", () => {
    const { report, added } = build("month");
    expect(added).toEqual([true, true, true, true]);
    expect(estimateReportSchema.parse(report)).toEqual(report);
    expect(report.rows.map((row) => row.key)).toEqual(["2025-01", "2025-03"]);
    // January: 1M input × $2.50 + 100k output × $10 = $2.50 + $1.00 = $3.50.
    expect(report.rows[0]?.scenarios[0]?.totalUsd).toBeCloseTo(3.5, 12);
    // March: 210k input × $2.50/M = $0.525; 52k output × $10/M = $0.52; total $1.045 (mystery unpriced).
    const march = report.rows[1]?.scenarios[0];
    expect(march?.inputTokens).toBe(211_000);
    expect(march?.outputTokens).toBe(53_000);
    expect(march?.totalUsd).toBeCloseTo(1.045, 12);
    expect(march?.requestCount).toBe(3);
    expect(march?.unpricedRequestCount).toBe(1);
    // February has no requests but Plus was paid: it is listed at $0.
    expect(report.months.map((month) => month.month)).toEqual(["2025-01", "2025-02", "2025-03"]);
    const february = report.months[1];
    expect(february?.activeDayCount).toBe(0);
    expect(february?.plans[0]?.scenarios[0]).toEqual({
      scenarioId: "as-used",
      apiUsd: 0,
      differenceUsd: -20,
      cheaper: "api",
    });
    // January starts on the 31st and March ends on the 12th: both partial.
    expect(report.months.map((month) => month.partial)).toEqual([true, false, true]);
    expect(report.months[2]?.plans[0]?.scenarios[0]?.differenceUsd).toBeCloseTo(1.045 - 20, 12);
    // Cheap scenario: a tenth of every token count priced at the same rates, summed over all four:
    // (1M/10×2.5 + 100k/10×10 + 200k/10×2.5 + 50k/10×10 + 1k/10×2.5 + 1k/10×10 + 10k/10×2.5 + 2k/10×10)/1e6
    const cheapUsd =
      (100_000 * 2.5 +
        10_000 * 10 +
        20_000 * 2.5 +
        5_000 * 10 +
        100 * 2.5 +
        100 * 10 +
        1_000 * 2.5 +
        200 * 10) /
      1e6;
    expect(report.totals[1]?.totalUsd).toBeCloseTo(cheapUsd, 12);
    expect(report.totals[1]?.usageExact).toBe(false);
    expect(report.totals[0]?.usageExact).toBe(true);
    expect(report.usageExact).toBe(false);
    expect(report.timeZone).toBe("America/New_York");
    expect(report.firstRequestAt).toBe("2025-02-01T04:30:00.000Z");
    expect(report.lastRequestAt).toBe("2025-03-12T12:00:00.000Z");
  });

  it("reports coverage: skipped lines with locations, unpriced models, lower bounds", () => {
    const { report } = build("month");
    expect(report.coverage).toEqual({
      files: [
        {
          file: "log.jsonl",
          format: "generic-jsonl",
          recordKind: "line",
          recordsRead: 6,
          recordsSkipped: 1,
        },
      ],
      recordsRead: 6,
      recordsSkipped: 1,
      requestsCounted: 4,
      requestsOutsideRange: 0,
      skipped: [
        {
          reason: "MALFORMED_JSON",
          description: "Not JSON.",
          recordCount: 1,
          firstLocations: [{ file: "log.jsonl", line: 4, byteOffset: 300 }],
        },
      ],
      notices: [],
      unpricedModels: [
        {
          model: "mystery-model",
          reason: "UNKNOWN_MODEL",
          scenarioId: "as-used",
          requestCount: 1,
          suggestions: ["gpt-4o"],
        },
      ],
      totalsAreLowerBounds: true,
      lowerBoundReasons: [
        "1 record could not be read and is not counted (see coverage.skipped).",
        '1 request on "mystery-model" has no price in the table (unknown model) and adds $0 to as-used.',
      ],
    });
  });

  it("filters by --since in the report's time zone and counts what it drops", () => {
    // since 2025-02-01 New York time drops the January request (31 Jan 23:30 local).
    const { report, added } = build("day", "2025-02-01");
    expect(added).toEqual([false, true, true, true]);
    expect(report.coverage.requestsOutsideRange).toBe(1);
    expect(report.rows.map((row) => row.key)).toEqual(["2025-03-10", "2025-03-11", "2025-03-12"]);
    expect(report.months.map((month) => month.month)).toEqual(["2025-03"]);
  });

  it("tells a caller which requests are outside the range, so it can count them without pricing", () => {
    const builder = createReportBuilder({
      scenarios,
      groupBy: "month",
      timeZone: "America/New_York",
      since: "2025-02-01",
      until: "2025-02-28",
      pricingVersion: "2026.11.27",
      plans: [plus],
    });
    // 2025-02-01T04:30Z is 31 January, 23:30 in New York: outside; 2025-03-01T04:59Z is 28 February.
    expect(builder.inRange(Date.parse("2025-02-01T04:30:00Z"))).toBe(false);
    expect(builder.inRange(Date.parse("2025-03-01T04:59:00Z"))).toBe(true);
    expect(builder.skipIfOutsideRange(Date.parse("2025-03-01T04:59:00Z"))).toBe(false);
    expect(builder.skipIfOutsideRange(Date.parse("2025-02-01T04:30:00Z"), 3)).toBe(true);
    expect(builder.skipIfOutsideRange(Date.parse("2025-03-01T05:00:00Z"))).toBe(true);
    const coverage = createCoverageTracker();
    const report = builder.finish({
      coverage: coverage.snapshot(),
      assumptions: [],
      lowerBoundReasons: [],
    });
    expect(report.coverage.requestsOutsideRange).toBe(4);
    expect(report.totals[0]?.requestCount).toBe(0);
  });

  it("groups by model and by conversation, most expensive first, with titles", () => {
    const byModel = build("model").report;
    expect(byModel.rows.map((row) => row.key)).toEqual(["gpt-4o", "mystery-model"]);
    const byConversation = build("conversation").report;
    expect(byConversation.rows.map((row) => [row.key, row.title])).toEqual([
      ["c1", "title c1"],
      ["c2", "title c2"],
      ["c3", "title c3"],
    ]);
    expect(byConversation.rows[1]?.firstRequestAt).toBe("2025-03-10T12:00:00.000Z");
    expect(byConversation.rows[1]?.lastRequestAt).toBe("2025-03-11T12:00:00.000Z");
  });

  it.each([
    [{ since: "2025/01/01" }, /since must be a day like 2025-03-01/],
    [{ since: "2025-03-01", until: "2025-02-01" }, /is after until/],
    [{ timeZone: "Nowhere/Land" }, /Unknown time zone/],
  ] as const)("rejects bad options %j", (overrides, message) => {
    expect(() =>
      createReportBuilder({
        scenarios,
        groupBy: "month",
        timeZone: "UTC",
        pricingVersion: "x",
        plans: [],
        ...overrides,
      }),
    ).toThrowError(message);
  });

  it("an empty log gives an empty, valid report that is not a lower bound", () => {
    const builder = createReportBuilder({
      scenarios,
      groupBy: "month",
      timeZone: "UTC",
      pricingVersion: "2026.11.27",
      plans: [plus],
    });
    const report = builder.finish({
      coverage: createCoverageTracker().snapshot(),
      assumptions: [],
    });
    expect(estimateReportSchema.parse(report)).toEqual(report);
    expect(report.rows).toEqual([]);
    expect(report.months).toEqual([]);
    expect(report.firstRequestAt).toBeNull();
    expect(report.coverage.totalsAreLowerBounds).toBe(false);
  });

  it("keeps at most five locations per skip reason but counts them all", () => {
    const tracker = createCoverageTracker();
    for (let line = 1; line <= 8; line += 1)
      tracker.recordSkipped("a.jsonl", "BAD", "Bad.", { line });
    const snapshot = tracker.snapshot();
    expect(snapshot.skipped[0]?.recordCount).toBe(8);
    expect(snapshot.skipped[0]?.firstLocations.map((location) => location.line)).toEqual([
      1, 2, 3, 4, 5,
    ]);
    expect(snapshot.recordsSkipped).toBe(8);
  });
});
