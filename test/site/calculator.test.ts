// The calculator in Chromium, golden-tested against the CLI: every monthly cost, difference and
// verdict the page shows equals what `tokenmeter compare --json` prints for the same scenario (the
// CLI runs from source here, on core in Node). The URL holds the scenario: edits update it, a
// shared link reproduces it, and the back button walks back through edits.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  defaultPlansTable,
  defaultPricingTable,
  plansVersion,
  pricingVersion,
} from "@tokenmeter/core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { formatDate, formatMessagesPerDay } from "../../site/lib/format.ts";
import {
  foreignRequests,
  type LaunchedBrowser,
  launchChromium,
  openPage,
  type Page,
} from "./support/browser.ts";
import { type StaticSite, serveSite } from "./support/static-server.ts";
import { browserSuite } from "./support/suite.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** The site prices at the table's publication date; the CLI is told the same date. */
const AT = defaultPricingTable.publishedOn;

interface CliProjection {
  label: string;
  expectedUsd: { totalUsd: number };
  lowUsd: number;
  highUsd: number;
}
interface CliComparison {
  planId: string;
  scenario: string;
  apiUsd: number;
  differenceUsd: number;
  verdict: string;
  spendingLimitUsd: number;
  breakEvenMessagesPerDay: number | null;
}
interface CliCompare {
  projections: CliProjection[];
  comparisons: CliComparison[];
}

function cliCompare(args: string[]): CliCompare {
  const run = spawnSync(
    process.execPath,
    ["--import", "tsx", "packages/cli/src/cli.ts", "compare", ...args, "--at", AT, "--json"],
    { cwd: ROOT, encoding: "utf8" },
  );
  if (run.status !== 0) throw new Error(`tokenmeter compare failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout) as CliCompare;
}

interface Shown {
  rows: Map<string, number>;
  differences: Map<string, number>;
  verdicts: Map<string, { scenario: string; apiUsd: number; text: string }>;
}

async function shown(page: Page): Promise<Shown> {
  // Maps do not cross from the page; entries do.
  const raw = await page.evaluate(() => {
    const rows: [string, number][] = [];
    const differences: [string, number][] = [];
    for (const row of document.querySelectorAll<HTMLElement>(".cost-table tr[data-scenario]")) {
      const scenario = row.dataset.scenario ?? "";
      rows.push([scenario, Number(row.querySelector<HTMLElement>("td[data-usd]")?.dataset.usd)]);
      row.querySelectorAll<HTMLElement>("td[data-difference]").forEach((cell, i) => {
        differences.push([`${scenario}#${i}`, Number(cell.dataset.difference)]);
      });
    }
    const verdicts: [string, { scenario: string; apiUsd: number; text: string }][] = [];
    for (const article of document.querySelectorAll<HTMLElement>(".verdict[data-plan]")) {
      verdicts.push([
        article.dataset.plan ?? "",
        {
          scenario: article.dataset.scenario ?? "",
          apiUsd: Number(article.querySelector<HTMLElement>("[data-api-usd]")?.dataset.apiUsd),
          text: article.querySelector(".verdict-sentence")?.textContent ?? "",
        },
      ]);
    }
    return { rows, differences, verdicts };
  });
  return {
    rows: new Map(raw.rows),
    differences: new Map(raw.differences),
    verdicts: new Map(raw.verdicts),
  };
}

/** Same double, or (across engines) within a billionth: and always the same cents. */
function expectSameUsd(actual: number | undefined, expected: number, what: string): void {
  expect(actual, what).toBeDefined();
  expect(Math.round((actual ?? Number.NaN) * 100), `${what} in cents`).toBe(
    Math.round(expected * 100),
  );
  expect(Math.abs((actual ?? Number.NaN) - expected), what).toBeLessThanOrEqual(
    Math.abs(expected) * 1e-9,
  );
}

function expectMatchesCli(page: Shown, cli: CliCompare): void {
  expect([...page.rows.keys()].sort()).toEqual(cli.projections.map((p) => p.label).sort());
  for (const projection of cli.projections) {
    expectSameUsd(
      page.rows.get(projection.label),
      projection.expectedUsd.totalUsd,
      projection.label,
    );
  }
  for (const [planId, verdict] of page.verdicts) {
    const match = cli.comparisons.find(
      (c) => c.planId === planId && c.scenario === verdict.scenario,
    );
    expect(match, `${planId} × ${verdict.scenario} in the CLI output`).toBeDefined();
    if (!match) continue;
    expectSameUsd(verdict.apiUsd, match.apiUsd, `${planId} verdict`);
    expect(verdict.text).toBe(match.verdict);
  }
}

async function waitForResult(page: Page, search: string): Promise<void> {
  await page.waitForSelector(`.calc-results[data-result-for="${search}"]`, { timeout: 30_000 });
}

browserSuite("calculator", () => {
  let site: StaticSite;
  let browser: LaunchedBrowser;
  let defaultModels: string[] = [];

  beforeAll(async () => {
    site = await serveSite();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it("opens on ChatGPT Plus and the moderate profile, with the CLI's numbers and verdict", async () => {
    const { page, requests, errors } = await openPage(browser.context);
    await page.goto(`${site.origin}/`);
    await waitForResult(page, "");
    const result = await shown(page);
    defaultModels = [...result.rows.keys()];
    expect(defaultModels.length).toBeGreaterThanOrEqual(2);
    expect([...result.verdicts.keys()]).toEqual(["chatgpt-plus"]);
    expect(await page.getByRole("checkbox", { name: /ChatGPT Plus/ }).isChecked()).toBe(true);
    const cli = cliCompare([
      "--profile",
      "moderate",
      ...defaultModels.flatMap((m) => ["-m", m]),
      "--plan",
      "chatgpt-plus",
    ]);
    expectMatchesCli(result, cli);
    expect(foreignRequests(requests, site.origin)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("reacts to edits, writes them to the URL, and walks back with the back button", async () => {
    const { page, requests, errors } = await openPage(browser.context);
    await page.goto(`${site.origin}/`);
    await waitForResult(page, "");
    const before = await shown(page);

    await page.getByLabel("Messages you send per day", { exact: true }).fill("35");
    await waitForResult(page, "?mpd=35");
    expect(new URL(page.url()).search).toBe("?mpd=35");
    const at35 = await shown(page);
    const models = defaultModels.flatMap((m) => ["-m", m]);
    expectMatchesCli(
      at35,
      cliCompare([
        "--profile",
        "moderate",
        "--messages-per-day",
        "35",
        ...models,
        "--plan",
        "chatgpt-plus",
      ]),
    );
    for (const model of defaultModels) {
      expect(at35.rows.get(model)).toBeGreaterThan(
        before.rows.get(model) ?? Number.POSITIVE_INFINITY,
      );
    }

    await page.waitForTimeout(1100); // a separate history entry, not merged with the typing
    await page.getByRole("checkbox", { name: /Claude Pro/ }).check();
    await waitForResult(page, "?mpd=35&plans=chatgpt-plus,claude-pro");
    const twoPlans = await shown(page);
    expect([...twoPlans.verdicts.keys()]).toEqual(["chatgpt-plus", "claude-pro"]);
    expectMatchesCli(
      twoPlans,
      cliCompare([
        "--profile",
        "moderate",
        "--messages-per-day",
        "35",
        ...models,
        "--plan",
        "chatgpt-plus",
        "--plan",
        "claude-pro",
      ]),
    );

    await page.goBack();
    await waitForResult(page, "?mpd=35");
    expect([...(await shown(page)).verdicts.keys()]).toEqual(["chatgpt-plus"]);
    expect(await page.getByLabel("Messages you send per day", { exact: true }).inputValue()).toBe(
      "35",
    );
    await page.goBack();
    await waitForResult(page, "");
    expect((await shown(page)).rows).toEqual(before.rows);
    expect(await page.getByLabel("Messages you send per day", { exact: true }).inputValue()).toBe(
      "20",
    );
    await page.goForward();
    await waitForResult(page, "?mpd=35");
    expect(foreignRequests(requests, site.origin)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("reproduces a shared link exactly", async () => {
    const { page, errors } = await openPage(browser.context);
    const search =
      "?preset=heavy&mpd=45&models=gpt-5.5,claude-sonnet-5&plans=chatgpt-plus,claude-pro";
    await page.goto(`${site.origin}/${search}`);
    await waitForResult(page, search);
    expect(await page.getByLabel("Heavy").isChecked()).toBe(true);
    expectMatchesCli(
      await shown(page),
      cliCompare([
        "--profile",
        "heavy",
        "--messages-per-day",
        "45",
        "-m",
        "gpt-5.5",
        "-m",
        "claude-sonnet-5",
        "--plan",
        "chatgpt-plus",
        "--plan",
        "claude-pro",
      ]),
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it("prices a multi-model room as one bill", async () => {
    const { page, errors } = await openPage(browser.context);
    await page.goto(`${site.origin}/?preset=room`);
    await waitForResult(page, "?preset=room");
    const result = await shown(page);
    expect(result.rows.size).toBe(1);
    expectMatchesCli(result, cliCompare(["--profile", "room", "--plan", "chatgpt-plus"]));
    expect(errors).toEqual([]);
    await page.close();
  });

  it("says which parts of a broken link it ignored, and still answers", async () => {
    const { page, errors } = await openPage(browser.context);
    await page.goto(`${site.origin}/?mpd=-5&plans=not-a-plan`);
    const notice = page.getByRole("status").filter({ hasText: "could not be used" });
    await notice.waitFor();
    const text = (await notice.textContent()) ?? "";
    expect(text).toContain("mpd:");
    expect(text).toContain("plans:");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("explains an impossible profile instead of pricing it", async () => {
    const { page, errors } = await openPage(browser.context);
    await page.goto(`${site.origin}/`);
    await waitForResult(page, "");
    // 5,000 messages in an 8-hour day is one every 5.8 s: core accepts it; 5,000 in 2 hours is not.
    await page.getByText("More settings").click();
    await page.getByLabel("Hours a day you chat").fill("2");
    await page.getByLabel("Messages you send per day", { exact: true }).fill("5000");
    const alert = page.locator(".calc-results [role=alert]");
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toMatch(/messages per active day need at least/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("downloads the scenario as CSV and JSON with the CLI's numbers", async () => {
    const { page, errors } = await openPage(browser.context);
    await page.goto(`${site.origin}/?mpd=12`);
    await waitForResult(page, "?mpd=12");
    const cli = cliCompare([
      "--profile",
      "moderate",
      "--messages-per-day",
      "12",
      ...defaultModels.flatMap((m) => ["-m", m]),
      "--plan",
      "chatgpt-plus",
    ]);

    const [csvDownload] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download CSV" }).click(),
    ]);
    const csv = readFileSync((await csvDownload.path()) ?? "", "utf8")
      .trim()
      .split("\n");
    const header = (csv[0] ?? "").split(",");
    const column = (name: string) => header.indexOf(name);
    expect(csv).toHaveLength(1 + cli.comparisons.length);
    for (const line of csv.slice(1)) {
      const cells = line.split(",");
      const scenario = cells[column("scenario")] ?? "";
      const match = cli.comparisons.find((c) => c.scenario === scenario);
      expect(match, scenario).toBeDefined();
      expect(Number(cells[column("api_usd_per_month")])).toBe(match?.apiUsd);
      expect(Number(cells[column("difference_usd")])).toBe(match?.differenceUsd);
      expect(Number(cells[column("suggested_limit_usd")])).toBe(match?.spendingLimitUsd);
    }

    const [jsonDownload] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download JSON" }).click(),
    ]);
    const json = JSON.parse(readFileSync((await jsonDownload.path()) ?? "", "utf8")) as {
      scenarioUrl: string;
      comparisons: { verdict: string; plan: { id: string }; scenario: { label: string } }[];
    };
    expect(new URL(json.scenarioUrl).search).toBe("?mpd=12");
    expect(json.comparisons.map((c) => c.verdict)).toEqual(cli.comparisons.map((c) => c.verdict));
    expect(errors).toEqual([]);
    await page.close();
  });

  it("labels every amount: an estimate, from which price and plan tables, of what date, per month", async () => {
    const { page, errors } = await openPage(browser.context);
    await page.goto(`${site.origin}/`);
    await waitForResult(page, "");
    const provenance = (await page.locator(".provenance").textContent()) ?? "";
    expect(provenance).toContain("Every amount is an estimate.");
    expect(provenance).toContain(
      `API prices: table ${pricingVersion}, in effect on ${formatDate(defaultPricingTable.publishedOn)}`,
    );
    expect(provenance).toContain(
      `plan prices: table ${plansVersion}, US list prices before tax as of ${formatDate(defaultPlansTable.publishedOn)}`,
    );
    // The verdict says its API figure is an estimate and how the plan is billed.
    const verdict = page.locator(".verdict[data-plan=chatgpt-plus]");
    expect(await verdict.locator(".badge.estimated").textContent()).toBe("estimate");
    expect(await verdict.textContent()).toContain("billed monthly, list price");
    // Every plan price in the form, the table header and the chart legend is per month.
    expect(
      await page
        .getByRole("checkbox", { name: /ChatGPT Plus/ })
        .locator("xpath=..")
        .textContent(),
    ).toMatch(/ChatGPT Plus \$20\.00\/mo$/);
    expect(await page.locator(".cost-table thead").textContent()).toContain("$20.00/mo");
    expect(await page.locator(".chart-legend").textContent()).toContain("ChatGPT Plus $20.00/mo");
    expect(await page.locator(".cost-table thead").textContent()).toContain("estimate (range)");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("keeps its columns and the sections below still while the numbers change", async () => {
    const { page, errors } = await openPage(browser.context);
    await page.goto(`${site.origin}/`);
    await waitForResult(page, "");
    const layout = () =>
      page.evaluate(() => ({
        columns: [...document.querySelectorAll(".cost-table thead th")].map((th) =>
          Math.round(th.getBoundingClientRect().left),
        ),
        verdictHeight: document.querySelector(".verdict")?.getBoundingClientRect().height ?? 0,
        chartTop:
          document
            .querySelector(".cost-table")
            ?.closest("section")
            ?.nextElementSibling?.getBoundingClientRect().top ?? 0,
      }));
    const box = page.getByLabel("Messages you send per day", { exact: true });
    // Wait for core once, so every value below is computed in the browser.
    await box.fill("21");
    await waitForResult(page, "?mpd=21");
    const start = await layout();
    let previous = start;
    // From cents to hundreds of dollars and back: digits and verdicts change length.
    for (const value of ["3", "30", "300", "1", "0", "900", "12", "20"]) {
      await box.fill(value);
      await waitForResult(page, value === "20" ? "" : `?mpd=${value}`);
      const now = await layout();
      expect({ value, columns: now.columns }).toEqual({ value, columns: start.columns });
      // Content may push things down (a longer verdict), never pull them back up mid-edit.
      expect(now.verdictHeight).toBeGreaterThanOrEqual(previous.verdictHeight);
      expect(now.chartTop).toBeGreaterThanOrEqual(previous.chartTop);
      previous = now;
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it("puts the chart in words, with the CLI's break-even for each model", async () => {
    const { page, errors } = await openPage(browser.context);
    await page.goto(`${site.origin}/`);
    await waitForResult(page, "");
    const cli = cliCompare([
      "--profile",
      "moderate",
      ...defaultModels.flatMap((m) => ["-m", m]),
      "--plan",
      "chatgpt-plus",
    ]);
    await page.getByText("The chart in words and as a table").click();
    const lines = await page.locator(".chart-words li").allTextContents();
    expect(lines).toHaveLength(cli.projections.length);
    for (const [i, comparison] of cli.comparisons.entries()) {
      const be = comparison.breakEvenMessagesPerDay;
      expect(lines[i]).toContain(
        be === null
          ? "stays under ChatGPT Plus's $20.00 even at"
          : `reaches ChatGPT Plus's $20.00 at about ${formatMessagesPerDay(be)} messages a day`,
      );
    }
    // The facts line and the table round the break-even as the verdict sentence does.
    const plus = cli.comparisons.find((c) => c.scenario === cli.projections[0]?.label);
    const be = plus?.breakEvenMessagesPerDay;
    if (be !== null && be !== undefined) {
      const written = formatMessagesPerDay(be);
      expect(plus?.verdict).toContain(`about ${written} messages a day`);
      expect(await page.locator(".verdict-facts").first().textContent()).toContain(
        `about ${written} messages a day`,
      );
      expect(await page.locator(".cost-table tbody tr").first().textContent()).toContain(
        `break-even ${written}/day`,
      );
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows each model as a labelled card on a 360 px phone, still a table for assistive tech", async () => {
    const phone = await launchChromium({ viewport: { width: 360, height: 780 } });
    try {
      const { page, errors } = await openPage(phone.context);
      await page.goto(`${site.origin}/?plans=chatgpt-plus,claude-pro`);
      await waitForResult(page, "?plans=chatgpt-plus,claude-pro");
      const table = page.locator(".cost-table");
      const fits = await table.evaluate((el) => el.scrollWidth <= el.clientWidth);
      expect(fits).toBe(true);
      const firstRow = table.locator("tbody tr").first();
      const labels = await firstRow
        .locator("td")
        .evaluateAll((cells) =>
          cells.map((cell) => getComputedStyle(cell, "::before").content.replace(/^"|"$/g, "")),
        );
      expect(labels).toEqual([
        "Per month (estimate)",
        "Per message",
        "vs ChatGPT Plus ($20.00/mo)",
        "vs Claude Pro ($20.00/mo)",
      ]);
      // The verdict is moved above the form by CSS; nothing in it can take focus, so Tab order
      // never jumps back up to it after the form.
      const verdictFocusables = await page
        .locator(".calc-results .results > :first-child")
        .locator("a[href], button, input, select, textarea, [tabindex]")
        .count();
      expect(verdictFocusables).toBe(0);
      // The accessibility tree still has a table with a header row and cells.
      const tree = await page.locator(".cost-table-wrap").ariaSnapshot();
      expect(tree).toMatch(/- table/);
      expect(tree).toMatch(/- columnheader "Per message"/);
      expect(tree).toMatch(/- rowheader "GPT-5\.5/);
      expect(errors).toEqual([]);
    } finally {
      await phone.close();
    }
  });
});
