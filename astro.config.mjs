// The tokenmeter site: a static Astro build whose React islands run @tokenmeter/core from source.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import react from "@astrojs/react";
import { defineConfig } from "astro/config";

const themeInit = readFileSync(
  new URL("./site/scripts/theme-init.js", import.meta.url),
  "utf8",
).trim();
// The theme script must run before first paint (no flash of the wrong theme), so it is inlined;
// the CSP allows exactly this script by its hash.
const themeInitHash = `sha256-${createHash("sha256").update(themeInit).digest("base64")}`;

/**
 * Pages are prerendered in Node, where core's `#tiktoken-assets` would resolve to the compiled
 * `dist/` file (the "default" condition) and tie the site build to `npm run build:packages`. The
 * prerender never counts tokens, so point it at the Node source; client and worker bundles keep
 * the `browser` condition (fetch-based loading) untouched.
 */
const coreNodeAssetsForPrerender = {
  name: "tokenmeter:core-node-assets-for-prerender",
  enforce: "pre",
  resolveId(id, _importer, options) {
    if (id !== "#tiktoken-assets" || !options?.ssr) return null;
    return fileURLToPath(
      new URL("./packages/core/src/tokens/tiktoken-assets.node.ts", import.meta.url),
    );
  },
};

export default defineConfig({
  srcDir: "./site",
  outDir: "./dist/site",
  publicDir: "./public",
  site: "http://127.0.0.1:4321",
  trailingSlash: "ignore",
  server: { host: "127.0.0.1", port: 4321 },
  devToolbar: { enabled: false },
  integrations: [react()],
  vite: {
    plugins: [coreNodeAssetsForPrerender],
    resolve: {
      alias: {
        "@tokenmeter/core": fileURLToPath(new URL("./packages/core/src/index.ts", import.meta.url)),
      },
    },
    worker: { format: "es" },
    build: { target: "es2022", assetsInlineLimit: 0 },
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
