/**
 * The checks every request passes before Next.js, or anything else, reads it: they need the headers
 * only, so a refused body is never read. Used by scripts/server.mjs; plain JavaScript for the same
 * reason as that file.
 *
 * - Size: a body over MAX_BODY_BYTES is refused (413) on its declared Content-Length, and a body
 *   without one (chunked) is refused (411), so no route, next-auth's included, buffers an unbounded
 *   body. Nothing in the app uploads files: the largest legitimate body is a plan of a few kB.
 * - Cross-site writes: a request that can change state (any method but GET, HEAD and OPTIONS) must
 *   come from the app's own pages: an `Origin` naming this host (or the deployment's public URL), or,
 *   from a browser that sends no Origin, `Sec-Fetch-Site: same-origin`. SameSite cookies alone let a
 *   sibling subdomain and older browsers through. Scripts and API clients send `Origin` themselves.
 * - Content type: an API write with a body must say `application/json`. Forms and `text/plain` are
 *   what a foreign page can post without a CORS preflight. next-auth's own endpoints (/api/auth/*)
 *   take forms only, and check their own CSRF token; it fails with a 500 on a JSON body it cannot parse.
 */
export const MAX_BODY_BYTES = 64 * 1024;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * @typedef {{ status: number, error: string }} Refusal
 * @param {{ method?: string, url?: string, headers: import("node:http").IncomingHttpHeaders }} req
 * @param {{ publicOrigin?: string | null }} [options] publicOrigin: the deployment's URL (NEXTAUTH_URL), for a proxy that rewrites Host
 * @returns {Refusal | null}
 */
export function screenRequest(req, options = {}) {
  const { headers } = req;
  if (headers["transfer-encoding"] !== undefined) {
    return { status: 411, error: "Send the request body with a Content-Length header." };
  }
  const length = Number(headers["content-length"] ?? 0);
  if (length > MAX_BODY_BYTES) {
    return { status: 413, error: `The request body is too large: at most ${MAX_BODY_BYTES / 1024} kB.` };
  }
  const method = (req.method ?? "GET").toUpperCase();
  if (SAFE_METHODS.has(method)) return null;
  if (!isSameOrigin(headers, options.publicOrigin ?? null)) {
    return { status: 403, error: "This request did not come from Dermaplan's own pages and was refused." };
  }
  const path = pathOf(req.url);
  if (length === 0 || !path.startsWith("/api/")) return null;
  if (path.startsWith("/api/auth/")) {
    // Only POST reaches next-auth; the route answers any other method with its 405.
    if (method !== "POST" || mediaType(headers["content-type"]) === "application/x-www-form-urlencoded") return null;
    return { status: 415, error: "Send the sign-in form as application/x-www-form-urlencoded." };
  }
  if (mediaType(headers["content-type"]) !== "application/json") {
    return { status: 415, error: "Send the request body as JSON (Content-Type: application/json)." };
  }
  return null;
}

/**
 * @param {import("node:http").IncomingHttpHeaders} headers
 * @param {string | null} publicOrigin
 */
function isSameOrigin(headers, publicOrigin) {
  const origin = headers.origin;
  if (origin !== undefined) {
    if (publicOrigin && origin === publicOrigin) return true;
    try {
      // "null" (sandboxed frames, some redirects) and anything unparsable are foreign.
      return new URL(origin).host === headers.host;
    } catch {
      return false;
    }
  }
  return headers["sec-fetch-site"] === "same-origin";
}

/** The path with dot segments resolved, as the router will see it (`/api/auth/../patients` is `/api/patients`). */
function pathOf(url = "/") {
  try {
    return new URL(url, "http://screen.invalid").pathname;
  } catch {
    return url;
  }
}

/** @param {string | undefined} contentType */
function mediaType(contentType) {
  return (contentType ?? "").split(";")[0].trim().toLowerCase();
}
