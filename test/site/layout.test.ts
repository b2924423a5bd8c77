// The frame every page shares: navigation reaches all five pages, the CSP is present and strict,
// the theme toggle works and persists, and no page makes a foreign request or logs an error.
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  foreignRequests,
  type LaunchedBrowser,
  launchChromium,
  openPage,
} from "./support/browser.ts";
import { type StaticSite, serveSite } from "./support/static-server.ts";
import { browserSuite } from "./support/suite.ts";

const PAGES = [
  { path: "/", nav: "Calculator" },
  { path: "/counter/", nav: "Token counter" },
  { path: "/import/", nav: "Import history" },
  { path: "/prices/", nav: "Prices" },
  { path: "/method/", nav: "Method" },
];

browserSuite("site frame (layout, navigation, CSP, theme)", () => {
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
    "$path loads with a strict CSP, marks its nav link, stays on origin",
    async ({ path, nav }) => {
      const { page, requests, errors } = await openPage(browser.context);
      await page.goto(site.origin + path, { waitUntil: "networkidle" });
      const csp = await page
        .locator('meta[http-equiv="content-security-policy"]')
        .getAttribute("content");
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval'/);
      expect(csp).not.toContain("unsafe-inline");
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-eval'/);
      await expect(
        page
          .getByRole("navigation", { name: "Main" })
          .getByRole("link", { name: nav })
          .getAttribute("aria-current"),
      ).resolves.toBe("page");
      expect(await page.locator("h1").count()).toBe(1);
      expect(foreignRequests(requests, site.origin)).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  it("fits a 360 px phone: no page scrolls sideways", async () => {
    const phone = await launchChromium({ viewport: { width: 360, height: 780 } });
    try {
      for (const { path } of PAGES) {
        const { page, errors } = await openPage(phone.context);
        await page.goto(site.origin + path, { waitUntil: "networkidle" });
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect({ path, overflow }).toEqual({ path, overflow: 0 });
        expect(errors).toEqual([]);
        await page.close();
      }
    } finally {
      await phone.close();
    }
  });

  it("navigates between all five pages through the main navigation", async () => {
    const { page, errors } = await openPage(browser.context);
    await page.goto(`${site.origin}/`);
    for (const { path, nav } of [...PAGES.slice(1), ...PAGES.slice(0, 1)]) {
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: nav }).click();
      await page.waitForURL(site.origin + path);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it("toggles the theme, keeps the choice across pages, and follows the system otherwise", async () => {
    const { page, errors } = await openPage(browser.context);
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto(`${site.origin}/method/`);
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await bg()).toBe("rgb(255, 255, 255)");
    await page.getByRole("button", { name: "Switch to the dark theme" }).click();
    expect(await bg()).toBe("rgb(17, 19, 24)");
    await page.goto(`${site.origin}/prices/`);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
    expect(await bg()).toBe("rgb(17, 19, 24)");
    await page.getByRole("button", { name: "Switch to the light theme" }).click();
    expect(await bg()).toBe("rgb(255, 255, 255)");
    await page.evaluate(() => localStorage.clear());
    await page.emulateMedia({ colorScheme: "dark" });
    await page.reload();
    expect(await bg()).toBe("rgb(17, 19, 24)");
    expect(errors).toEqual([]);
    await page.close();
  });
});
