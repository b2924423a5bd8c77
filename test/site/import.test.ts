// Import my history, in Chromium, golden-tested against the CLI: the report the page computes in
// its worker for an export equals, field for field, `tokenmeter estimate <same file> --json`
// (the CLI runs from source, in Node), and the tables show those numbers. The file's text never
// appears in any request, and nothing but the site's own assets is fetched.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { EstimateReport } from "@tokenmeter/core";
import { zipSync } from "fflate";
import { afterAll, beforeAll, expect, it } from "vitest";
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
const FIXTURES = fileURLToPath(new URL("../fixtures/site/", import.meta.url));
/** Text in the fixtures that must never leave the page (see test/fixtures/site/SOURCES.md). */
const PRIVATE_MARKER = "PRIVATE-MARKER-7Q";
/** tsx's loader, by path: the CLI runs from a temp directory where `--import tsx` would not resolve. */
const TSX = pathToFileURL(join(ROOT, "node_modules/tsx/dist/loader.mjs")).href;

function zipOf(dir: string, names: string[]): Uint8Array {
  return zipSync(
    Object.fromEntries(names.map((name) => [name, new Uint8Array(readFileSync(join(dir, name)))])),
  );
}

/** `tokenmeter estimate <name> --tz UTC --json`, run where the file is, so labels match. */
function cliEstimate(dir: string, name: string, extra: string[] = []): EstimateReport {
  const run = spawnSync(
    process.execPath,
    [
      "--import",
      TSX,
      join(ROOT, "packages/cli/src/cli.ts"),
      "estimate",
      name,
      "--tz",
      "UTC",
      ...extra,
      "--json",
    ],
    {
      cwd: dir,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
      // Outside the repo tsx would not find tsconfig.json's path to core's source and would run
      // core's built dist/ (possibly stale); point it at the repo's tsconfig.
      env: { ...process.env, TSX_TSCONFIG_PATH: join(ROOT, "tsconfig.json") },
    },
  );
  if (run.status !== 0)
    throw new Error(`tokenmeter estimate failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout) as EstimateReport;
}

async function importInPage(page: Page, origin: string, file: string): Promise<EstimateReport> {
  await page.goto(`${origin}/import/`, { waitUntil: "networkidle" });
  await page.getByText("Options: plans, other models, grouping, time zone").click();
  await page.getByLabel("Time zone").fill("UTC");
  await page.locator('input[type="file"]').setInputFiles(file);
  await page.waitForSelector("[data-import-done]", { timeout: 120_000 });
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download JSON" }).click(),
  ]);
  return JSON.parse(readFileSync((await download.path()) ?? "", "utf8")) as EstimateReport;
}

browserSuite("import my history", () => {
  let site: StaticSite;
  let browser: LaunchedBrowser;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "tokenmeter-import-"));
    writeFileSync(
      join(dir, "chatgpt-export.zip"),
      zipOf(join(FIXTURES, "chatgpt-export"), ["conversations.json", "chat.html", "user.json"]),
    );
    writeFileSync(
      join(dir, "claude-export.zip"),
      zipOf(join(FIXTURES, "claude-export"), ["conversations.json", "users.json"]),
    );
    copyFileSync(join(FIXTURES, "openai-api.jsonl"), join(dir, "openai-api.jsonl"));
    site = await serveSite();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ["a ChatGPT export zip", "chatgpt-export.zip"],
    ["a Claude export zip", "claude-export.zip"],
    ["OpenAI API logs", "openai-api.jsonl"],
  ])("prices %s exactly as `tokenmeter estimate` does", async (_what, name) => {
    const { page, requests, errors } = await openPage(browser.context);
    const fromPage = await importInPage(page, site.origin, join(dir, name));
    const fromCli = cliEstimate(dir, name);
    expect(fromPage).toEqual(fromCli);
    expect(fromPage.coverage.requestsCounted).toBeGreaterThan(0);

    // The tables show the report's numbers: the totals row of the first table.
    const totals = await page
      .locator(".report-table")
      .first()
      .locator("tfoot td[data-key]")
      .evaluateAll((cells) =>
        cells.map((cell) => [
          (cell as HTMLElement).dataset.key,
          Number((cell as HTMLElement).dataset.value),
        ]),
      );
    const first = fromCli.totals[0];
    expect(Object.fromEntries(totals)).toMatchObject({
      requestCount: first?.requestCount,
      outputTokens: (first?.outputTokens ?? 0) + (first?.reasoningTokens ?? 0),
      "as-used.totalUsd": first?.totalUsd,
    });
    expect(await page.getByText("Your file never leaves this browser.").isVisible()).toBe(true);
    expect(foreignRequests(requests, site.origin)).toEqual([]);
    expect(requests.some((url) => url.includes(PRIVATE_MARKER))).toBe(false);
    expect(site.requestedPaths.some((path) => path.includes(name))).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("says when it starts and finishes, and moves focus to the finished report", async () => {
    const { page, errors } = await openPage(browser.context);
    await page.goto(`${site.origin}/import/`, { waitUntil: "networkidle" });
    // The report itself is not in a live region: a screen reader would read all of it out.
    expect(await page.locator("[aria-live]").count()).toBe(0);
    const status = page.locator(".import > [role=status]");
    await page.locator('input[type="file"]').setInputFiles(join(dir, "chatgpt-export.zip"));
    await page.waitForSelector("[data-import-done]", { timeout: 120_000 });
    const counted = Number(
      await page.locator("[data-import-done]").getAttribute("data-import-done"),
    );
    expect(await status.textContent()).toBe(
      `Done: ${counted} requests priced. The report follows.`,
    );
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      "Your history, priced",
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it("re-prices on another model and compares with the chosen plans, like the CLI", async () => {
    const { page, errors } = await openPage(browser.context);
    await page.goto(`${site.origin}/import/`, { waitUntil: "networkidle" });
    await page.getByText("Options: plans, other models, grouping, time zone").click();
    await page.getByLabel("Time zone").fill("UTC");
    await page.getByRole("checkbox", { name: "Claude Pro" }).check();
    await page.getByLabel("Also price everything on").selectOption("gpt-5.4-mini");
    await page.getByLabel("Group rows by").selectOption("conversation");
    await page.locator('input[type="file"]').setInputFiles(join(dir, "chatgpt-export.zip"));
    await page.waitForSelector("[data-import-done]", { timeout: 120_000 });
    const command = await page.locator(".import-status code").first().textContent();
    expect(command).toBe(
      "tokenmeter estimate chatgpt-export.zip -m gpt-5.4-mini --plan claude-pro --by conversation --tz UTC",
    );
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download JSON" }).click(),
    ]);
    const fromPage = JSON.parse(readFileSync((await download.path()) ?? "", "utf8"));
    expect(fromPage).toEqual(
      cliEstimate(dir, "chatgpt-export.zip", [
        "-m",
        "gpt-5.4-mini",
        "--plan",
        "claude-pro",
        "--by",
        "conversation",
      ]),
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows progress on a large export and still matches the CLI", {
    timeout: 300_000,
  }, async () => {
    const make = spawnSync(
      process.execPath,
      [
        "--import",
        TSX,
        join(ROOT, "scripts/make-synthetic-export.ts"),
        "--size-mb",
        "12",
        "--out",
        join(dir, "big-export.zip"),
        "--seed",
        "7",
      ],
      { cwd: ROOT, encoding: "utf8" },
    );
    expect(make.status, make.stderr).toBe(0);
    const { page, errors } = await openPage(browser.context);
    await page.goto(`${site.origin}/import/`, { waitUntil: "networkidle" });
    await page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { __progress: number[] }).__progress = seen;
      new MutationObserver(() => {
        const bar = document.querySelector("progress");
        if (bar) seen.push(Number(bar.getAttribute("value")));
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await page.getByText("Options: plans, other models, grouping, time zone").click();
    await page.getByLabel("Time zone").fill("UTC");
    await page.locator('input[type="file"]').setInputFiles(join(dir, "big-export.zip"));
    await page.waitForSelector("[data-import-done]", { timeout: 300_000 });
    const seen = await page.evaluate(
      () => (window as unknown as { __progress: number[] }).__progress,
    );
    expect(seen.some((value) => value > 0 && value < 100)).toBe(true);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download JSON" }).click(),
    ]);
    const fromPage = JSON.parse(readFileSync((await download.path()) ?? "", "utf8"));
    expect(fromPage).toEqual(cliEstimate(dir, "big-export.zip"));
    expect(errors).toEqual([]);
    await page.close();
  });

  it("explains a file it cannot read, without quoting it", async () => {
    writeFileSync(join(dir, "notes.txt"), `${PRIVATE_MARKER} my secret notes, not a log`);
    writeFileSync(
      join(dir, "photos.zip"),
      zipSync({ "photo.jpg": new Uint8Array([255, 216, 255]) }),
    );
    writeFileSync(join(dir, "empty.zip"), "");
    // A text file that was renamed to .zip: read as what it is, never quoted.
    writeFileSync(join(dir, "renamed.zip"), `${PRIVATE_MARKER} not really a zip`);
    const { page, errors } = await openPage(browser.context);
    for (const [name, expected] of [
      ["empty.zip", /Cannot estimate empty\.zip: it is empty\./],
      ["renamed.zip", /Cannot estimate renamed\.zip: it is not a log format tokenmeter knows/],
      ["notes.txt", /Cannot estimate notes\.txt: it is not a log format tokenmeter knows/],
      [
        "photos.zip",
        /photos\.zip: the zip archive has no conversations\.json \(it holds 1 file(\(s\))?\)/,
      ],
    ] as const) {
      await page.goto(`${site.origin}/import/`, { waitUntil: "networkidle" });
      await page.locator('input[type="file"]').setInputFiles(join(dir, name));
      const alert = page.locator(".import-status [role=alert]");
      await alert.waitFor();
      const text = (await alert.textContent()) ?? "";
      expect(text).toMatch(expected);
      expect(text).not.toContain(PRIVATE_MARKER);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
