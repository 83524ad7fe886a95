/**
 * The production HTTP server: Next.js through its programmatic API, behind a plain Node server that
 * tells the app which address each TCP connection comes from. `npm start`, the demo, the e2e suite and
 * the benchmark all serve through it (scripts/runtime.ts).
 *
 * Why not `next start`: a route handler sees headers only, and Next 16 fills X-Forwarded-For from the
 * socket only when the client sent none (dist/server/base-server.js:
 * `req.headers['x-forwarded-for'] ??= originalRequest.socket.remoteAddress`), so any client could name
 * its own address. Here each request loses every copy of REMOTE_ADDRESS_HEADER the client sent and gets
 * the socket's address instead; lib/http/client-ip.ts starts from it.
 *
 * It is also the app's edge: scripts/request-screen.mjs refuses oversized, cross-site and non-JSON
 * writes before anything reads them, and a deployment served over https gets HSTS on every answer.
 *
 * Plain JavaScript, so it runs under plain Node (with the heap flags) as `next start` does.
 * Usage: node scripts/server.mjs --port 3000 --hostname 127.0.0.1
 */
import http from "node:http";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { screenRequest } from "./request-screen.mjs";

export const REMOTE_ADDRESS_HEADER = "x-dermaplan-remote-addr";

/** @param {import("node:http").IncomingMessage} req */
export function stampRemoteAddress(req) {
  // Node folds repeated headers into one `req.headers` entry, and Next builds its request from
  // `req.headers` (never `rawHeaders`), so deleting the entry drops every client-sent copy.
  delete req.headers[REMOTE_ADDRESS_HEADER];
  const address = req.socket.remoteAddress;
  if (address) req.headers[REMOTE_ADDRESS_HEADER] = address;
}

const HSTS = "max-age=63072000; includeSubDomains";

/**
 * The per-request work in front of Next's handler.
 * @param {(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => Promise<unknown>} handle
 * @param {{ publicUrl?: string | null }} [options] publicUrl: the deployment's URL (NEXTAUTH_URL)
 */
export function createRequestListener(handle, options = {}) {
  const publicOrigin = options.publicUrl ? new URL(options.publicUrl).origin : null;
  const https = publicOrigin?.startsWith("https:") ?? false;
  /** @type {import("node:http").RequestListener} */
  return (req, res) => {
    stampRemoteAddress(req);
    if (https) res.setHeader("Strict-Transport-Security", HSTS);
    const refusal = screenRequest(req, { publicOrigin });
    if (refusal) {
      // The body was not read, so the connection cannot carry another request: close it.
      res.writeHead(refusal.status, { "Content-Type": "application/json", "Cache-Control": "no-store", Connection: "close" });
      res.end(JSON.stringify({ error: refusal.error }));
      return;
    }
    handle(req, res).catch((error) => {
      console.error(`Failed to handle request for ${req.url}`, error);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  };
}

async function main() {
  const { values } = parseArgs({ options: { port: { type: "string" }, hostname: { type: "string" } } });
  const port = Number(values.port ?? 3000);
  const hostname = values.hostname ?? "127.0.0.1";
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: process.cwd(), hostname, port });
  await app.prepare();
  const server = http.createServer(createRequestListener(app.getRequestHandler(), { publicUrl: process.env.NEXTAUTH_URL }));
  // Longer than the idle timeout of clients and proxies that keep connections open (browsers, load
  // balancers at 60 s): otherwise a reused connection can be closed by us just as a request goes out
  // on it, and the client sees ECONNRESET. headersTimeout must exceed it (Node's rule).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.on("error", (error) => {
    console.error("Failed to start the server:", error);
    process.exit(1);
  });
  server.listen(port, hostname, () => console.log(`Ready on http://${hostname.includes(":") ? `[${hostname}]` : hostname}:${port}`));

  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.once(signal, () => {
      // Stop accepting, let Next finish its work, and never hang on a kept-alive connection.
      setTimeout(() => process.exit(0), 5000).unref();
      server.close(() => app.close().finally(() => process.exit(0)));
      server.closeIdleConnections();
    });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
