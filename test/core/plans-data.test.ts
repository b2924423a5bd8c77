// Data tests on pricing/plans.json, as for model prices: the file parses, its dates and sources are
// sane, the generated artifacts match it, and every equivalent model exists in the pricing table.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  defaultPlansTable,
  defaultPricingTable,
  findModel,
  isTokenmeterError,
  loadPlans,
  plansTableSchema,
  renderPlansModule,
  validatePlansTable,
} from "@tokenmeter/core";
import { describe, expect, it } from "vitest";
import { renderJsonSchema } from "../../scripts/gen-pricing.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const plansText = readFileSync(`${root}pricing/plans.json`, "utf8");
const plansJson: unknown = JSON.parse(plansText);
const table = loadPlans(plansJson, { file: "pricing/plans.json" });

describe("pricing/plans.json", () => {
  it("passes the schema and the semantic checks", () => {
    expect(plansTableSchema.safeParse(plansJson).success).toBe(true);
    expect(validatePlansTable(table)).toEqual([]);
  });

  it("is what core bundles (plans.gen.ts is regenerated from it)", () => {
    const committed = readFileSync(`${root}packages/core/src/plans/plans.gen.ts`, "utf8");
    expect(committed).toBe(renderPlansModule(plansText));
    expect(defaultPlansTable).toEqual(table);
  });

  it("matches the committed JSON Schema (pricing/schema/plans.schema.json)", () => {
    const committed = readFileSync(`${root}pricing/schema/plans.schema.json`, "utf8");
    const fresh = renderJsonSchema({
      path: "pricing/schema/plans.schema.json",
      schema: plansTableSchema,
      title: "tokenmeter plans: consumer subscription plans with dated prices (pricing/plans.json)",
    });
    expect(committed).toBe(fresh);
  });

  it("covers every plan the issue asks for", () => {
    const ids = table.plans.map((p) => p.id);
    for (const id of [
      "chatgpt-free",
      "chatgpt-go",
      "chatgpt-plus",
      "chatgpt-pro-100",
      "chatgpt-pro-200",
      "claude-free",
      "claude-pro",
      "claude-max-5x",
      "claude-max-20x",
      "google-ai-plus",
      "google-ai-pro",
      "google-ai-ultra",
    ]) {
      expect(ids).toContain(id);
    }
    const claudePro = table.plans.find((p) => p.id === "claude-pro");
    expect(claudePro?.prices.map((r) => r.billing).sort()).toEqual(["annual", "monthly"]);
  });

  it("cites an https source and a check date no later than publication for every fact", () => {
    const facts = table.plans.flatMap((plan) => [
      ...plan.prices.map((r) => ({ where: `${plan.id} price ${r.effectiveFrom}`, ...r })),
      { where: `${plan.id} terms`, ...plan.terms },
      ...plan.terms.caps.map((c, i) => ({ where: `${plan.id} cap ${i}`, ...c })),
    ]);
    for (const fact of facts) {
      expect(fact.source, fact.where).toMatch(/^https:\/\//);
      if (fact.via !== undefined) expect(fact.via, fact.where).toMatch(/^https:\/\//);
      expect(fact.checked <= table.publishedOn, fact.where).toBe(true);
      if (fact.sourceDate !== undefined) {
        expect(fact.sourceDate <= fact.checked, fact.where).toBe(true);
      }
    }
  });

  it("says in the data when a source is older than the check", () => {
    // Every price record whose source date is before its check must be explained by a note or a
    // via copy, so nobody mistakes a May 2026 page for a November 2026 confirmation.
    for (const plan of table.plans) {
      for (const record of plan.prices) {
        if (record.sourceDate !== undefined && record.sourceDate < record.checked) {
          expect(record.note ?? record.via, `${plan.id} ${record.effectiveFrom}`).toBeDefined();
        }
      }
      expect(plan.terms.asOf <= plan.terms.checked).toBe(true);
    }
  });

  it("has plausible consumer prices (0–300 USD a month, whole cents)", () => {
    for (const plan of table.plans) {
      for (const record of plan.prices) {
        const monthly =
          record.billing === "annual" ? (record.usdPerYear ?? 0) / 12 : record.usdPerMonth;
        expect(monthly, plan.id).toBeGreaterThanOrEqual(0);
        expect(monthly, plan.id).toBeLessThanOrEqual(300);
        const amount = record.usdPerYear ?? record.usdPerMonth ?? 0;
        expect(Math.round(amount * 100) / 100, plan.id).toBe(amount);
      }
    }
  });

  it("keeps free plans free and paid tiers ordered within each product", () => {
    const price = (id: string): number =>
      table.plans.find((p) => p.id === id)?.prices.findLast((r) => r.billing === "monthly")
        ?.usdPerMonth ?? Number.NaN;
    expect(price("chatgpt-free")).toBe(0);
    expect(price("claude-free")).toBe(0);
    expect(price("chatgpt-go")).toBeLessThan(price("chatgpt-plus"));
    expect(price("chatgpt-plus")).toBeLessThan(price("chatgpt-pro-100"));
    expect(price("chatgpt-pro-100")).toBeLessThan(price("chatgpt-pro-200"));
    expect(price("claude-pro")).toBeLessThan(price("claude-max-5x"));
    expect(price("claude-max-5x")).toBeLessThan(price("claude-max-20x"));
    expect(price("google-ai-plus")).toBeLessThan(price("google-ai-pro"));
    expect(price("google-ai-pro")).toBeLessThan(price("google-ai-ultra-100"));
    expect(price("google-ai-ultra-100")).toBeLessThan(price("google-ai-ultra"));
  });

  it("names only equivalent models that the pricing table knows, of the plan's own provider", () => {
    const missing: string[] = [];
    for (const plan of table.plans) {
      for (const equivalent of plan.terms.equivalentModels) {
        try {
          const model = findModel(equivalent.model, { pricing: defaultPricingTable });
          expect(model.provider, `${plan.id} → ${equivalent.model}`).toBe(plan.provider);
        } catch (error) {
          if (!isTokenmeterError(error, "UNKNOWN_MODEL")) throw error;
          missing.push(`${plan.id} → ${equivalent.model}`);
        }
      }
    }
    expect(missing, `not in pricing table ${defaultPricingTable.version}`).toEqual([]);
  });
});
