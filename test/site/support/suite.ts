// Gatekeeping for the browser suites. They need Debian's Chromium and a built site
// (`npm run build` writes dist/site; `npm test` does not build it). When either is missing the
// suite is skipped with a loud message, and under CI (`CI=true`) it fails instead, so a missing
// browser can never pass silently.
import { describe, it } from "vitest";
import { CHROMIUM_PATH, chromiumIsInstalled } from "./browser.ts";
import { SITE_DIR, siteIsBuilt } from "./static-server.ts";

function missingPrerequisite(): string | undefined {
  if (!chromiumIsInstalled()) {
    return `Chromium not found at ${CHROMIUM_PATH}. Install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH).`;
  }
  if (!siteIsBuilt()) {
    return `The site is not built (${SITE_DIR}/index.html is missing). Run \`npm run build\` first.`;
  }
  return undefined;
}

const warned = new Set<string>();

/** `describe` for a suite that drives the built site in Chromium. */
export function browserSuite(name: string, body: () => void): void {
  const missing = missingPrerequisite();
  if (missing === undefined) {
    describe(name, body);
    return;
  }
  if (process.env.CI === "true") {
    describe(name, () => {
      it("has its prerequisites (Chromium and a built site)", () => {
        throw new Error(`SITE E2E CANNOT RUN IN CI: ${missing}`);
      });
    });
    return;
  }
  if (!warned.has(missing)) {
    warned.add(missing);
    process.stderr.write(
      `\n${"!".repeat(78)}\n!! SKIPPING the site's browser tests: ${missing}\n!! These tests prove the site works; under CI=true this is a failure.\n${"!".repeat(78)}\n\n`,
    );
  }
  describe.skip(`${name} — SKIPPED: ${missing}`, body);
}
