// What the site keeps in the browser, in Chromium: nothing, unless the person asks. Using the
// calculator, the token counter and the import page leaves localStorage, sessionStorage,
// IndexedDB, Cache Storage and cookies empty; the theme button stores only the theme; and
// "Save this scenario" stores a name and the scenario's settings, which survive a reload, open
// again in the calculator, and disappear entirely when deleted.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { SAVED_SCENARIOS_KEY } from "../../site/lib/saved-scenarios.ts";
import {
  foreignRequests,
  type LaunchedBrowser,
  launchChromium,
  openPage,
  type Page,
} from "./support/browser.ts";
import { type StaticSite, serveSite } from "./support/static-server.ts";
import { browserSuite } from "./support/suite.ts";

const EXAMPLE_EXPORT = fileURLToPath(new URL("../../examples/chatgpt-export.zip", import.meta.url));
const PRIVATE_TEXT = "PRIVATE-MARKER-7Q my own words";

interface Stored {
  local: Record<string, string>;
  session: string[];
  indexedDb: string[];
  caches: string[];
  cookies: string;
}

/** Everything the page's origin has stored in this browser profile. */
async function stored(page: Page): Promise<Stored> {
  return page.evaluate(async () => ({
    local: Object.fromEntries(
      Object.keys(localStorage).map((key) => [key, localStorage.getItem(key) ?? ""]),
    ),
    session: Object.keys(sessionStorage),
    indexedDb: (await indexedDB.databases()).map((db) => db.name ?? "?"),
    caches: await caches.keys(),
    cookies: document.cookie,
  }));
}

const NOTHING: Stored = { local: {}, session: [], indexedDb: [], caches: [], cookies: "" };

async function waitForResult(page: Page, search: string): Promise<void> {
  await page.waitForSelector(`.calc-results[data-result-for="${search}"]`, { timeout: 30_000 });
}

browserSuite("what the site stores", () => {
  let site: StaticSite;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "tokenmeter-storage-"));
    site = await serveSite();
  });
  afterAll(async () => {
    await site?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Each test gets a fresh profile, so nothing one test stores can hide in the next. */
  function fresh(): Promise<LaunchedBrowser> {
    return launchChromium();
  }

  it("keeps nothing after the counter counts typed text, a chat and a file", async () => {
    const b = await fresh();
    try {
      const { page, errors } = await openPage(b.context);
      await page.goto(`${site.origin}/counter/`, { waitUntil: "networkidle" });
      await page.getByLabel("Text to count").fill(`${PRIVATE_TEXT} <|endoftext|>`);
      await page.waitForSelector('.count-table td.tokens[data-tokens]:not([data-tokens=""])', {
        timeout: 30_000,
      });
      await page.getByLabel("A chat (messages with roles)").check();
      await page.getByLabel("Content of message 2 (user)").fill(PRIVATE_TEXT);
      const file = join(dir, "notes.txt");
      writeFileSync(file, `${PRIVATE_TEXT}\n`.repeat(50));
      await page.locator('input[type="file"]').setInputFiles(file);
      await page.getByText("Read notes.txt").waitFor();
      await page.waitForTimeout(500);
      expect(await stored(page)).toEqual(NOTHING);
      expect(errors).toEqual([]);
    } finally {
      await b.close();
    }
  });

  it("keeps nothing after the import page prices the example ChatGPT export", async () => {
    const b = await fresh();
    try {
      const { page, errors, requests } = await openPage(b.context);
      await page.goto(`${site.origin}/import/`, { waitUntil: "networkidle" });
      await page.locator('input[type="file"]').setInputFiles(EXAMPLE_EXPORT);
      await page.waitForSelector("[data-import-done]", { timeout: 60_000 });
      expect(await stored(page)).toEqual(NOTHING);
      expect(foreignRequests(requests, site.origin)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await b.close();
    }
  });

  it("keeps only the theme when the theme button is pressed", async () => {
    const b = await fresh();
    try {
      const { page, errors } = await openPage(b.context);
      await page.goto(`${site.origin}/`);
      await waitForResult(page, "");
      await page.getByLabel("Messages you send per day", { exact: true }).fill("35");
      await waitForResult(page, "?mpd=35");
      expect(await stored(page)).toEqual(NOTHING);
      await page.getByRole("button", { name: "Switch to the dark theme" }).click();
      expect(await stored(page)).toEqual({ ...NOTHING, local: { "tokenmeter:theme": "dark" } });
      expect(errors).toEqual([]);
    } finally {
      await b.close();
    }
  });

  it("saves a named scenario only when asked; it survives a reload, opens, and deletes to nothing", async () => {
    const b = await fresh();
    try {
      const { page, errors, requests } = await openPage(b.context);
      await page.goto(`${site.origin}/`);
      await waitForResult(page, "");
      // Edit the scenario: nothing is stored by editing.
      await page.getByLabel("Messages you send per day", { exact: true }).fill("35");
      await waitForResult(page, "?mpd=35");
      await page.waitForTimeout(1100); // a separate history entry
      await page.getByRole("checkbox", { name: /Claude Pro/ }).check();
      const search = "?mpd=35&plans=chatgpt-plus,claude-pro";
      await waitForResult(page, search);
      expect(await stored(page)).toEqual(NOTHING);

      // No name: a clear message, still nothing stored.
      const name = page.getByLabel("Name for this scenario");
      await page.getByRole("button", { name: "Save this scenario" }).click();
      await expect
        .poll(() => page.locator(".saved-scenarios [role=alert]").textContent())
        .toMatch(/Give the scenario a name/);
      expect(await name.getAttribute("aria-invalid")).toBe("true");
      expect(await stored(page)).toEqual(NOTHING);

      // Saved from the keyboard: type a name, press Enter.
      await name.fill("  Busy   week ");
      await name.press("Enter");
      await expect
        .poll(() => page.locator(".saved-scenarios [role=status]").textContent())
        .toBe("Saved “Busy week” in this browser.");
      const afterSave = await stored(page);
      expect(Object.keys(afterSave.local)).toEqual([SAVED_SCENARIOS_KEY]);
      const record = JSON.parse(afterSave.local[SAVED_SCENARIOS_KEY] ?? "") as {
        version: number;
        scenarios: Record<string, string>[];
      };
      expect(record.version).toBe(1);
      expect(record.scenarios).toHaveLength(1);
      // Only the name, the settings (the URL query), an id and the time: no results, no text.
      expect(Object.keys(record.scenarios[0] ?? {}).sort()).toEqual([
        "id",
        "name",
        "savedAt",
        "search",
      ]);
      expect(record.scenarios[0]).toMatchObject({ name: "Busy week", search });
      expect(await name.inputValue()).toBe("");

      // Survives a reload; on the default scenario it opens again, as a new history step.
      await page.goto(`${site.origin}/`);
      await waitForResult(page, "");
      const item = page.locator(".saved-list li", { hasText: "Busy week" });
      await item.waitFor();
      expect(await item.textContent()).toContain(
        "Moderate (edited) · 35 messages a day · 4 models · vs ChatGPT Plus, Claude Pro",
      );
      expect(await item.locator(".badge.showing").count()).toBe(0);
      await page.getByRole("button", { name: "Open “Busy week”" }).click();
      await waitForResult(page, search);
      expect(new URL(page.url()).search).toBe(search);
      expect(await page.getByLabel("Messages you send per day", { exact: true }).inputValue()).toBe(
        "35",
      );
      expect(await page.getByRole("checkbox", { name: /Claude Pro/ }).isChecked()).toBe(true);
      expect(await item.locator(".badge.showing").count()).toBe(1);
      await page.goBack();
      await waitForResult(page, "");
      await page.goForward();
      await waitForResult(page, search);

      // Delete from the keyboard: focus moves to Undo; the storage key is gone, not emptied.
      await page.getByRole("button", { name: "Delete “Busy week”" }).focus();
      await page.keyboard.press("Enter");
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.textContent))
        .toBe("Undo");
      expect(await stored(page)).toEqual(NOTHING);
      expect(await page.locator(".saved-list li").count()).toBe(0);
      // Undo puts it back (and focuses it); deleting again leaves nothing.
      await page.keyboard.press("Enter");
      await item.waitFor();
      expect(Object.keys((await stored(page)).local)).toEqual([SAVED_SCENARIOS_KEY]);
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
        "Open “Busy week”",
      );
      await page.getByRole("button", { name: "Delete “Busy week”" }).click();
      expect(await stored(page)).toEqual(NOTHING);
      await page.reload();
      await waitForResult(page, search);
      expect(await page.getByText("No saved scenarios in this browser.").isVisible()).toBe(true);

      expect(foreignRequests(requests, site.origin)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await b.close();
    }
  });

  it("reads damaged storage as nothing saved, and says so when the browser refuses to store", async () => {
    const b = await fresh();
    try {
      const { page, errors } = await openPage(b.context);
      await page.goto(`${site.origin}/`, { waitUntil: "networkidle" });
      await page.evaluate(
        (key) => localStorage.setItem(key, "{this is not json"),
        SAVED_SCENARIOS_KEY,
      );
      await page.reload();
      await waitForResult(page, "");
      expect(await page.getByText("No saved scenarios in this browser.").isVisible()).toBe(true);
      // A full or disabled storage: setItem throws; the page explains and keeps going.
      await page.evaluate(() => {
        Storage.prototype.setItem = () => {
          throw new DOMException("quota", "QuotaExceededError");
        };
      });
      await page.getByLabel("Name for this scenario").fill("Work");
      await page.getByRole("button", { name: "Save this scenario" }).click();
      await expect
        .poll(() => page.locator(".saved-scenarios [role=status]").textContent())
        .toMatch(/The browser refused to store the scenario/);
      expect(await page.locator(".saved-list li").count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await b.close();
    }
  });
});
