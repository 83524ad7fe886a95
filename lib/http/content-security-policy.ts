/**
 * The Content-Security-Policy of every page. Scripts run only with this response's nonce (Next.js
 * puts it on its own scripts when it finds it in the request's CSP header) or when loaded by such a
 * script ('strict-dynamic'), so an injected <script> or inline handler does not run. Styles allow
 * inline attributes: the charts (recharts) position their SVG with style attributes, which a nonce
 * cannot cover, and a style cannot run code. Development adds 'unsafe-eval' for React's debugging
 * tools; production never has it.
 */
export function contentSecurityPolicy(nonce: string, { development = false } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** 128 random bits, base64: a fresh nonce for each response. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
