// The tokenmeter site: a static Astro build whose React islands run @tokenmeter/core from source.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import react from "@astrojs/react";
import { defineConfig } from "astro/config";
import { SECURITY_HEADERS } from "./site/csp-header.mjs";

const themeInit = readFileSync(
  new URL("./site/scripts/theme-init.js", import.meta.url),
  "utf8",
).trim();
// The theme script must run before first paint (no flash of the wrong theme), so it is inlined;
// the CSP allows exactly this script by its hash.
const themeInitHash = `sha256-${createHash("sha256").update(themeInit).digest("base64")}`;

export default defineConfig({
  srcDir: "./site",
  outDir: "./dist/site",
  publicDir: "./public",
  site: "http://127.0.0.1:4321",
  trailingSlash: "ignore",
  server: { host: "127.0.0.1", port: 4321, headers: SECURITY_HEADERS },
  devToolbar: { enabled: false },
  integrations: [react()],
  vite: {
    resolve: {
      alias: {
        "@tokenmeter/core": fileURLToPath(new URL("./packages/core/src/index.ts", import.meta.url)),
      },
    },
    worker: { format: "es" },
    // SITE_SOURCEMAP=1 emits source maps, to see what a chunk is made of.
    build: {
      target: "es2022",
      assetsInlineLimit: 0,
      sourcemap: process.env.SITE_SOURCEMAP === "1",
    },
  },
  experimental: {
    csp: {
      algorithm: "SHA-256",
      directives: [
        "default-src 'self'",
        "connect-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: {
        // 'wasm-unsafe-eval' lets tiktoken's WebAssembly compile; nothing else is evaluated.
        resources: ["'self'", "'wasm-unsafe-eval'"],
        hashes: [themeInitHash],
      },
    },
  },
});
