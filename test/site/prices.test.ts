// The prices page in Chromium: every model of the bundled table is listed with its price in effect,
// source and checked date; "typical message" equals core's projection; search and sort work; the
// price history switches models; every plan on sale is in the plans table.
import {
  defaultPlansTable,
  defaultPricingTable,
  listModels,
  listPlans,
  projectMonthly,
  USAGE_PRESETS,
} from "@tokenmeter/core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { recordOn } from "../../site/lib/price-records.ts";
import {
  foreignRequests,
  type LaunchedBrowser,
  launchChromium,
  openPage,
} from "./support/browser.ts";
import { type StaticSite, serveSite } from "./support/static-server.ts";
import { browserSuite } from "./support/suite.ts";

browserSuite("prices page", () => {
  let site: StaticSite;
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    site = await serveSite();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it("lists every model with the price in effect, its source and a typical message from core", async () => {
    const { page, requests, errors } = await openPage(browser.context);
    await page.goto(`${site.origin}/prices/`, { waitUntil: "networkidle" });
    const rows = await page
      .locator("#price-table tbody tr")
      .evaluateAll((trs) => trs.map((tr) => ({ ...(tr as HTMLElement).dataset })));
    const models = listModels();
    expect(rows).toHaveLength(models.length);
    const asOf = defaultPricingTable.publishedOn;
    for (const model of models) {
      const row = rows.find((r) => r.search?.split(" ")[0] === model.id.toLowerCase());
      expect(row, model.id).toBeDefined();
      const record = recordOn(model, asOf);
      expect(row?.input, model.id).toBe(record ? String(record.inputUsdPerMTok) : "");
      expect(row?.output, model.id).toBe(record ? String(record.outputUsdPerMTok) : "");
      expect(row?.checked, model.id).toBe(record?.checked ?? "");
    }
    for (const id of ["gpt-5.5", "claude-sonnet-5"]) {
      const row = rows.find((r) => r.search?.split(" ")[0] === id);
      const expected = projectMonthly(USAGE_PRESETS.moderate, [id], { at: asOf, samples: 1 })[0];
      expect(Number(row?.message)).toBe(expected?.usdPerMessage);
    }
    // DeepSeek V4 has peak hours: the row keeps the off-peak prices and names the peak ones.
    const peak = await page
      .locator('#price-table tbody tr[data-search^="deepseek-v4-flash "] .peak-hours')
      .textContent();
    expect((peak ?? "").replace(/\s+/g, " ")).toContain(
      "Prices shown are off-peak. Peak hours (UTC 01:00–04:00 and 06:00–10:00, except all day on Saturdays and Sundays in UTC+08:00): $0.44 / $1.32",
    );
    expect(await page.locator("#price-table .peak-hours").count()).toBe(2);
    const sources = await page.locator("#price-table tbody tr td a").count();
    expect(sources).toBe(models.filter((m) => recordOn(m, asOf) !== undefined).length);
    expect(foreignRequests(requests, site.origin)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("searches and sorts", async () => {
    const { page, errors } = await openPage(browser.context);
    await page.goto(`${site.origin}/prices/`);
    await page.getByLabel("Search models").fill("claude sonnet");
    const names = await page
      .locator("#price-table tbody tr:not([hidden])")
      .evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.search ?? ""));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toMatch(/claude.*sonnet|sonnet.*claude/);
    await page.getByLabel("Search models").fill("");
    await page.getByRole("button", { name: "Input", exact: true }).click();
    await page.getByRole("button", { name: "Input", exact: true }).click();
    const inputs = await page.locator("#price-table tbody tr").evaluateAll((trs) =>
      trs
        .map((tr) => (tr as HTMLElement).dataset.input ?? "")
        .filter((v) => v !== "")
        .map(Number),
    );
    expect(inputs).toEqual([...inputs].sort((a, b) => b - a));
    // The live count says what is shown and in which order, for people who cannot see the arrows.
    expect(await page.locator("#model-count").textContent()).toMatch(
      /^(\d+) of \1 shown, sorted by Input, highest first$/,
    );
    await page.getByLabel("Search models").fill("mini");
    expect(await page.locator("#model-count").textContent()).toMatch(
      /^\d+ of \d+ shown, sorted by Input, highest first$/,
    );
    await page.getByRole("button", { name: "Source, checked" }).click();
    expect(await page.locator("#model-count").textContent()).toMatch(
      /sorted by Source, checked, oldest first$/,
    );
    // Price columns say their unit; the typical message says it is an estimate.
    const headers = await page.locator("#price-table thead").textContent();
    expect(headers).toContain("Outputper 1M tokens");
    expect(headers).toContain("Typical messageestimate");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("draws a model's price history and lists its periods", async () => {
    const { page, errors } = await openPage(browser.context);
    await page.goto(`${site.origin}/prices/`);
    const changed = listModels().find((m) => m.prices.length > 1);
    if (!changed) throw new Error("the table has no model with a price change");
    const select = page.getByLabel("Model", { exact: true });
    await select.scrollIntoViewIfNeeded();
    await select.selectOption(changed.id);
    const periods = page.getByRole("region", { name: "Price periods" }).locator("tbody tr");
    await expect.poll(() => periods.count()).toBe(changed.prices.length);
    expect(await page.locator(".chart-svg path").count()).toBeGreaterThanOrEqual(2);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("lists every plan on sale with its price", async () => {
    const { page, errors } = await openPage(browser.context);
    await page.goto(`${site.origin}/prices/`);
    const plans = listPlans({ at: defaultPlansTable.publishedOn });
    const shown = await page
      .locator("#plans-table tbody tr")
      .evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.plan));
    expect(shown).toEqual(plans.map((p) => p.id));
    expect(errors).toEqual([]);
    await page.close();
  });
});
