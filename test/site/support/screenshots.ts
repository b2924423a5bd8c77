// Screenshots of the built site for a person to look at: every page (or those named on the
// command line) at desktop width and at a 360 px phone, in the light and the dark theme.
//   npx tsx test/site/support/screenshots.ts [/path ...]   → test-results/site-screens/*.png
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { zipSync } from "fflate";
import { launchChromium, openPage } from "./browser.ts";
import { serveSite } from "./static-server.ts";

const outDir = fileURLToPath(new URL("../../../test-results/site-screens/", import.meta.url));
const paths = process.argv.slice(2).filter((arg) => arg.startsWith("/"));
const pages = paths.length > 0 ? paths : ["/", "/counter/", "/import/", "/prices/", "/method/"];
/** What a reader would do first on some pages, so the screenshot shows results, not an empty form. */
const interactions: Record<string, (page: import("playwright-core").Page) => Promise<void>> = {
  "/import/": async (page) => {
    const dir = fileURLToPath(new URL("../../fixtures/site/chatgpt-export/", import.meta.url));
    const zip = zipSync(
      Object.fromEntries(
        ["conversations.json", "chat.html", "user.json"].map((name) => [
          name,
          new Uint8Array(readFileSync(join(dir, name))),
        ]),
      ),
    );
    const file = join(mkdtempSync(join(tmpdir(), "tokenmeter-shot-")), "chatgpt-export.zip");
    writeFileSync(file, zip);
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.waitForSelector("[data-import-done]", { timeout: 60_000 });
  },
  "/counter/": async (page) => {
    await page.getByRole("button", { name: "Try an example" }).click();
    await page.waitForSelector(".token-view .tok", { timeout: 30_000 });
  },
};

const viewports = [
  { name: "desktop", width: 1280, height: 900 },
  { name: "phone", width: 360, height: 780 },
];

mkdirSync(outDir, { recursive: true });
const site = await serveSite();
try {
  for (const scheme of ["light", "dark"] as const) {
    for (const viewport of viewports) {
      const browser = await launchChromium({
        viewport: { width: viewport.width, height: viewport.height },
        colorScheme: scheme,
      });
      for (const path of pages) {
        const { page, errors } = await openPage(browser.context);
        await page.goto(site.origin + path, { waitUntil: "networkidle" });
        await interactions[path]?.(page);
        // Scroll through the page so `client:visible` islands hydrate, as they would for a reader.
        await page.evaluate(async () => {
          for (let y = 0; y < document.body.scrollHeight; y += 400) {
            window.scrollTo(0, y);
            await new Promise((resolve) => setTimeout(resolve, 40));
          }
          window.scrollTo(0, 0);
        });
        await page.waitForLoadState("networkidle");
        await page.waitForTimeout(300);
        const name = path === "/" ? "home" : path.replace(/\//g, "");
        const file = `${outDir}${name}-${viewport.name}-${scheme}.png`;
        await page.screenshot({ path: file, fullPage: true });
        // Long pages are also cut into screen-sized parts, which an image viewer can show legibly.
        const fullHeight = await page.evaluate(() => document.documentElement.scrollHeight);
        const partHeight = viewport.name === "phone" ? 1400 : 1100;
        for (
          let y = 0, part = 1;
          fullHeight > partHeight * 1.3 && y < fullHeight;
          y += partHeight, part++
        ) {
          await page.screenshot({
            path: file.replace(/\.png$/, `.part${part}.png`),
            fullPage: true,
            clip: { x: 0, y, width: viewport.width, height: Math.min(partHeight, fullHeight - y) },
          });
        }
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        process.stdout.write(
          `${file}${overflow > 0 ? `  (horizontal overflow ${overflow}px)` : ""}${errors.length > 0 ? `  ERRORS: ${errors.join(" | ")}` : ""}\n`,
        );
        await page.close();
      }
      await browser.close();
    }
  }
} finally {
  await site.close();
}
