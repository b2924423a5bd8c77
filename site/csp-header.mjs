// The Content-Security-Policy sent as an HTTP header by `npm start` (astro preview) and the test
// server. Pages also carry a stricter <meta> policy with script hashes (astro.config.mjs); both
// apply, so pages get the intersection. The header is what covers the Web Workers, which a
// page's <meta> policy does not reach: they too may fetch only from this origin.
export const CSP_HEADER = [
  "default-src 'self'",
  "connect-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** Headers for every response of the site. */
export const SECURITY_HEADERS = {
  "content-security-policy": CSP_HEADER,
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cross-origin-opener-policy": "same-origin",
};
