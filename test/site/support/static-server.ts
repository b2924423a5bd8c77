// A small static file server for the built site (dist/site), used by the e2e tests and the
// Lighthouse bench. It serves files only (no directory listings), resolves `/x/` to
// `/x/index.html`, sends correct MIME types (application/wasm lets the browser stream-compile
// tiktoken) and, when asked, gzips compressible responses the way a production host would.
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { SECURITY_HEADERS } from "../../../site/csp-header.mjs";

/** The built site, as `astro build` writes it (`outDir` in astro.config.mjs). */
export const SITE_DIR = resolve(fileURLToPath(new URL("../../../dist/site", import.meta.url)));

const MIME_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".zip": "application/zip",
  ".webmanifest": "application/manifest+json",
};
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".json", ".svg", ".txt", ".wasm"]);

export interface StaticSite {
  /** `http://127.0.0.1:<port>` without a trailing slash. */
  origin: string;
  /** Every path requested so far, in order. */
  requestedPaths: string[];
  close(): Promise<void>;
}

/** True when `dist/site/index.html` exists, i.e. `npm run build` (or `build:site`) has run. */
export function siteIsBuilt(): boolean {
  return existsSync(join(SITE_DIR, "index.html"));
}

function resolveFile(urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const candidate = normalize(join(SITE_DIR, decoded));
  if (candidate !== SITE_DIR && !candidate.startsWith(SITE_DIR + sep)) return undefined;
  for (const file of [candidate, join(candidate, "index.html"), `${candidate}.html`]) {
    if (existsSync(file) && statSync(file).isFile()) return file;
  }
  return undefined;
}

/**
 * Serves `dist/site` on 127.0.0.1 (a free port unless `port` is given).
 * `gzip: true` compresses text, JSON and WASM for clients that accept it.
 */
export async function serveSite(opts: { port?: number; gzip?: boolean } = {}): Promise<StaticSite> {
  const requestedPaths: string[] = [];
  const gzipCache = new Map<string, Buffer>();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    requestedPaths.push(url.pathname);
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    const file = resolveFile(url.pathname);
    if (file === undefined) {
      const notFound = resolveFile("/404.html");
      res.writeHead(404, { "content-type": MIME_TYPES[".html"] ?? "text/html" });
      res.end(notFound ? readFileSync(notFound) : "Not found");
      return;
    }
    const ext = extname(file);
    let body: Buffer = readFileSync(file);
    const headers: Record<string, string> = {
      ...SECURITY_HEADERS,
      "content-type": MIME_TYPES[ext] ?? "application/octet-stream",
      "cache-control": url.pathname.startsWith("/_astro/")
        ? "public, max-age=31536000, immutable"
        : "no-cache",
    };
    const acceptsGzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
    if (opts.gzip && acceptsGzip && COMPRESSIBLE.has(ext)) {
      let zipped = gzipCache.get(file);
      if (zipped === undefined) {
        zipped = gzipSync(body, { level: 9 });
        gzipCache.set(file, zipped);
      }
      body = zipped;
      headers["content-encoding"] = "gzip";
      headers.vary = "accept-encoding";
    }
    headers["content-length"] = String(body.length);
    res.writeHead(200, headers);
    res.end(req.method === "HEAD" ? undefined : body);
  });
  await new Promise<void>((ready) => server.listen(opts.port ?? 0, "127.0.0.1", ready));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requestedPaths,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
