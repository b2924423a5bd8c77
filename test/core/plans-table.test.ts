// loadPlans / validatePlansTable / findPlan / listPlans behaviour, on small hand-made tables and on
// the bundled one.
import {
  findPlan,
  isTokenmeterError,
  listPlans,
  loadPlans,
  type PlansTableInput,
  planInfo,
  planPriceSeries,
  TokenmeterError,
} from "@tokenmeter/core";
import { describe, expect, it } from "vitest";

const source = { source: "https://example.com/pricing", checked: "2026-01-02" };

function tinyTable(overrides?: Partial<PlansTableInput>): PlansTableInput {
  return {
    version: "2026.01.02",
    publishedOn: "2026-01-02",
    currency: "USD",
    plans: [
      {
        id: "acme-plus",
        aliases: ["plus"],
        provider: "acme",
        product: "Acme Chat",
        displayName: "Acme Plus",
        pricingUrl: "https://example.com/pricing",
        prices: [
          {
            effectiveFrom: "2024-01-01",
            effectiveUntil: "2025-06-01",
            billing: "monthly",
            usdPerMonth: 10,
            ...source,
          },
          { effectiveFrom: "2025-06-01", billing: "monthly", usdPerMonth: 12, ...source },
          { effectiveFrom: "2025-06-01", billing: "annual", usdPerYear: 120, ...source },
        ],
        terms: {
          asOf: "2026-01-01",
          caps: [],
          equivalentModels: [
            { model: "acme-1", role: "primary", servedAs: "Acme 1", why: "it is" },
          ],
          includes: [],
          ...source,
        },
      },
    ],
    ...overrides,
  };
}

function errorOf(run: () => unknown): TokenmeterError {
  try {
    run();
  } catch (error) {
    if (error instanceof TokenmeterError) return error;
    throw error;
  }
  throw new Error("expected a TokenmeterError");
}

describe("loadPlans", () => {
  it("accepts a sound table and fills defaults", () => {
    const table = loadPlans(tinyTable());
    expect(table.plans[0]?.aliases).toEqual(["plus"]);
  });

  it.each([
    {
      name: "overlapping monthly periods",
      mutate: (t: PlansTableInput) => {
        const prices = t.plans[0]?.prices ?? [];
        if (prices[1]) prices[1].effectiveFrom = "2025-05-01";
      },
      path: "pricing/my.json: plans[0].prices[1].effectiveFrom",
    },
    {
      name: "an open record followed by another",
      mutate: (t: PlansTableInput) => {
        const prices = t.plans[0]?.prices ?? [];
        if (prices[0]) delete prices[0].effectiveUntil;
      },
      path: "plans[0].prices[1].effectiveFrom",
    },
    {
      name: "a negative price",
      mutate: (t: PlansTableInput) => {
        const prices = t.plans[0]?.prices ?? [];
        if (prices[1]) prices[1].usdPerMonth = -5;
      },
      path: "plans[0].prices[1].usdPerMonth: an amount cannot be negative",
    },
    {
      name: "an annual record without usdPerYear",
      mutate: (t: PlansTableInput) => {
        const prices = t.plans[0]?.prices ?? [];
        if (prices[2]) delete prices[2].usdPerYear;
      },
      path: "plans[0].prices[2].usdPerYear: an annual price record needs usdPerYear",
    },
    {
      name: "a check after publication",
      mutate: (t: PlansTableInput) => {
        const prices = t.plans[0]?.prices ?? [];
        if (prices[1]) prices[1].checked = "2026-02-01";
      },
      path: "plans[0].prices[1].checked: checked 2026-02-01 is after the table's publishedOn 2026-01-02",
    },
    {
      name: "a version that is not the publication date",
      mutate: (t: PlansTableInput) => {
        t.version = "2026.01.03";
      },
      path: "version: version 2026.01.03 does not match publishedOn 2026-01-02",
    },
    {
      name: "two primaries",
      mutate: (t: PlansTableInput) => {
        t.plans[0]?.terms.equivalentModels.push({
          model: "acme-2",
          role: "primary",
          servedAs: "Acme 2",
          why: "also",
        });
      },
      path: 'plans[0].terms.equivalentModels: plan "acme-plus" needs exactly one equivalent model with role "primary" (found 2)',
    },
  ])("rejects $name, naming the file and JSON path", ({ mutate, path }) => {
    const input = structuredClone(tinyTable());
    mutate(input);
    const error = errorOf(() => loadPlans(input, { file: "pricing/my.json" }));
    expect(error.code).toBe("INVALID_PRICING");
    expect(error.message).toContain(path);
    expect(error.message).toContain("pricing/my.json");
  });

  it("rejects a duplicate alias across plans", () => {
    const input = structuredClone(tinyTable());
    const first = input.plans[0];
    if (first === undefined) throw new Error("fixture");
    input.plans.push({ ...structuredClone(first), id: "acme-pro", aliases: ["plus"] });
    const error = errorOf(() => loadPlans(input));
    expect(error.message).toContain(
      'plans[1].aliases[0]: "plus" is already used by plan "acme-plus"',
    );
  });

  it("does not crash on junk and says what it expected", () => {
    for (const junk of [null, 42, "plans", [], { plans: "x" }]) {
      const error = errorOf(() => loadPlans(junk));
      expect(error.code).toBe("INVALID_PRICING");
    }
  });
});

describe("findPlan", () => {
  it("resolves ids and aliases case-insensitively", () => {
    expect(findPlan("chatgpt-plus").id).toBe("chatgpt-plus");
    expect(findPlan(" PLUS ").id).toBe("chatgpt-plus");
    expect(findPlan("chatgpt-pro").id).toBe("chatgpt-pro-200");
  });

  it("raises UNKNOWN_PLAN with suggestions", () => {
    const error = errorOf(() => findPlan("claude-maxx-5x"));
    expect(isTokenmeterError(error, "UNKNOWN_PLAN")).toBe(true);
    expect(error.details.suggestions).toContain("claude-max-5x");
    expect(error.message).toContain('Did you mean "claude-max-5x"');
  });

  it("never echoes a huge or odd input in full", () => {
    const error = errorOf(() => findPlan(`<|endoftext|>${"x".repeat(5000)}`));
    expect(error.message.length).toBeLessThan(400);
  });
});

describe("listPlans and planInfo at a date", () => {
  it("picks the price in effect on the date, with dated records", () => {
    const before = planInfo("google-ai-ultra", { at: "2026-05-18" });
    const after = planInfo("google-ai-ultra", { at: "2026-05-19" });
    expect(before.monthly?.usdPerMonth).toBe(249.99);
    expect(after.monthly?.usdPerMonth).toBe(199.99);
    expect(after.monthly?.record.effectiveFrom).toBe("2026-05-19");
  });

  it("reads a timestamp in the given time zone", () => {
    // 02:00 UTC on the 19th is still the 18th in Los Angeles, so the old price applies there.
    const at = "2026-05-19T02:00:00Z";
    expect(
      planInfo("google-ai-ultra", { at, timeZone: "America/Los_Angeles" }).monthly?.usdPerMonth,
    ).toBe(249.99);
    expect(planInfo("google-ai-ultra", { at, timeZone: "UTC" }).monthly?.usdPerMonth).toBe(199.99);
    expect(
      isTokenmeterError(
        errorOf(() => planInfo("plus", { at, timeZone: "Mars/Olympus" })),
        "INVALID_INPUT",
      ),
    ).toBe(true);
  });

  it("leaves out plans not on sale at the date unless asked", () => {
    const ids = (at: string) => listPlans({ at }).map((p) => p.id);
    expect(ids("2025-12-01")).not.toContain("chatgpt-go");
    expect(ids("2026-01-16")).toContain("chatgpt-go");
    expect(listPlans({ at: "2025-12-01", includeUnavailable: true }).map((p) => p.id)).toContain(
      "chatgpt-go",
    );
  });

  it("gives the annual price as a monthly equivalent without rounding", () => {
    const pro = planInfo("claude-pro", { at: "2026-11-27" });
    expect(pro.monthly?.usdPerMonth).toBe(20);
    expect(pro.annual?.usdPerYear).toBe(200);
    expect(pro.annual?.usdPerMonth).toBe(200 / 12);
  });

  it("filters by provider", () => {
    const providers = new Set(listPlans({ provider: "anthropic" }).map((p) => p.provider));
    expect([...providers]).toEqual(["anthropic"]);
  });

  it("builds the report's price series", () => {
    const series = planPriceSeries("google-ai-ultra");
    expect(series.prices).toEqual([
      { effectiveFrom: "2025-05-20", effectiveUntil: "2026-05-19", usdPerMonth: 249.99 },
      { effectiveFrom: "2026-05-19", usdPerMonth: 199.99 },
    ]);
    expect(planPriceSeries("claude-pro", { billing: "annual" }).prices[0]?.usdPerMonth).toBe(
      200 / 12,
    );
  });
});
