// Keyboard-only use: on every page, Tab alone reaches every visible control (links, buttons,
// inputs, selects, text areas), each one shows a visible focus indicator, and the main tasks can
// be done without a mouse.
import { afterAll, beforeAll, expect, it } from "vitest";
import { type LaunchedBrowser, launchChromium, openPage, type Page } from "./support/browser.ts";
import { type StaticSite, serveSite } from "./support/static-server.ts";
import { browserSuite } from "./support/suite.ts";

const PAGES = ["/", "/counter/", "/import/", "/prices/", "/method/"];

/** A description of the focused element (numbered by `controls`), plus whether its focus is visible. */
async function focused(page: Page): Promise<{ key: string; visible: boolean } | null> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const describe = (el: Element) =>
      `${el.getAttribute("data-kb") ?? "?"}:${el.tagName.toLowerCase()}#${el.id}|${el.getAttribute("aria-label") ?? ""}|${(el.textContent ?? "").trim().slice(0, 30)}`;
    // A visually hidden file input shows its focus on its <label>.
    const shown =
      element.classList.contains("sr-only") && element.id
        ? (document.querySelector(`label[for="${CSS.escape(element.id)}"]`) ?? element)
        : element;
    const style = getComputedStyle(shown);
    const visible =
      (style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) >= 2) ||
      style.boxShadow !== "none";
    return { key: describe(element), visible };
  });
}

/** Every control a keyboard user should reach: focusable, visible, enabled. */
async function controls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector =
      'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';
    const describe = (el: Element) =>
      `${el.getAttribute("data-kb") ?? "?"}:${el.tagName.toLowerCase()}#${el.id}|${el.getAttribute("aria-label") ?? ""}|${(el.textContent ?? "").trim().slice(0, 30)}`;
    // Number every focusable element so repeated links (one source per row) stay distinct.
    for (const [i, el] of [...document.querySelectorAll(selector)].entries()) {
      el.setAttribute("data-kb", String(i));
    }
    const keys: string[] = [];
    const radioGroups = new Set<string>();
    for (const el of document.querySelectorAll(selector)) {
      const shown =
        el.classList.contains("sr-only") && el.id
          ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)
          : el;
      if (!shown || !(shown as HTMLElement).checkVisibility()) continue;
      // Tab enters a radio group once (arrow keys move within it): expect the checked one.
      if (el instanceof HTMLInputElement && el.type === "radio") {
        if (radioGroups.has(el.name) || !el.checked) continue;
        radioGroups.add(el.name);
      }
      keys.push(describe(el));
    }
    return keys;
  });
}

async function tabThrough(page: Page): Promise<{ reached: Set<string>; invisible: string[] }> {
  const reached = new Set<string>();
  const invisible: string[] = [];
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let presses = 0; presses < 1000; presses++) {
    await page.keyboard.press("Tab");
    const now = await focused(page);
    if (now === null) continue;
    if (reached.has(now.key)) break;
    reached.add(now.key);
    if (!now.visible) invisible.push(now.key);
  }
  return { reached, invisible };
}

browserSuite("keyboard-only use", () => {
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

  it.each(PAGES)(
    "Tab reaches every control of %s, each with a visible focus ring",
    async (path) => {
      const { page, errors } = await openPage(browser.context);
      await page.goto(site.origin + path, { waitUntil: "networkidle" });
      // Scroll once so every island (including client:visible ones) is hydrated.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForLoadState("networkidle");
      await page.evaluate(() => window.scrollTo(0, 0));
      const expected = await controls(page);
      const { reached, invisible } = await tabThrough(page);
      expect(expected.length).toBeGreaterThan(5);
      expect(expected.filter((key) => !reached.has(key))).toEqual([]);
      expect(invisible).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  it("counts tokens with the keyboard alone", async () => {
    const { page, errors } = await openPage(browser.context);
    await page.goto(`${site.origin}/counter/`, { waitUntil: "networkidle" });
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press("Tab");
      if (await page.evaluate(() => document.activeElement?.tagName === "TEXTAREA")) break;
    }
    await page.keyboard.type("Typed without a mouse.");
    await page.waitForSelector('.count-table td.tokens[data-tokens]:not([data-tokens=""])');
    // Add a model from the keyboard: on a closed <select>, an arrow key picks the next option.
    const before = await page.locator(".count-table tbody tr[data-model]").count();
    await page.getByLabel("Add a model to compare").focus();
    await page.keyboard.press("ArrowDown");
    await expect
      .poll(() => page.locator(".count-table tbody tr[data-model]").count())
      .toBe(before + 1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("changes the calculator's scenario with the keyboard alone", async () => {
    const { page, errors } = await openPage(browser.context);
    await page.goto(`${site.origin}/`);
    await page.waitForSelector('.calc-results[data-result-for=""]');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    // Tab to the preset radios, arrow to the next preset (Heavy), then on to the messages field.
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press("Tab");
      if (
        await page.evaluate(
          () => (document.activeElement as HTMLInputElement | null)?.type === "radio",
        )
      )
        break;
    }
    await page.keyboard.press("ArrowDown");
    await page.waitForSelector('.calc-results[data-result-for="?preset=heavy"]', {
      timeout: 30_000,
    });
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press("Tab");
      if (
        await page.evaluate(
          () => (document.activeElement as HTMLInputElement | null)?.type === "number",
        )
      )
        break;
    }
    await page.keyboard.press("Control+A");
    await page.keyboard.type("70");
    await page.waitForSelector('.calc-results[data-result-for="?preset=heavy&mpd=70"]', {
      timeout: 30_000,
    });
    expect(new URL(page.url()).search).toBe("?preset=heavy&mpd=70");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("sorts and searches the prices table with the keyboard alone", async () => {
    const { page, errors } = await openPage(browser.context);
    await page.goto(`${site.origin}/prices/`);
    await page.getByLabel("Search models").focus();
    await page.keyboard.type("mini");
    const visible = await page.locator("#price-table tbody tr:not([hidden])").count();
    const total = await page.locator("#price-table tbody tr").count();
    expect(visible).toBeGreaterThan(0);
    expect(visible).toBeLessThan(total);
    await page.getByRole("button", { name: "Output" }).focus();
    await page.keyboard.press("Enter");
    const header = page.locator("th", { has: page.getByRole("button", { name: "Output" }) });
    await expect(header.getAttribute("aria-sort")).resolves.toBe("ascending");
    const outputs = await page
      .locator("#price-table tbody tr:not([hidden])")
      .evaluateAll((rows) => rows.map((row) => Number((row as HTMLElement).dataset.output)));
    expect(outputs).toEqual([...outputs].sort((a, b) => a - b));
    expect(errors).toEqual([]);
    await page.close();
  });
});
