import { BlockList, isIP } from "node:net";
import { isProduction, trustedProxies } from "@/lib/env";

/** The TCP peer's address, set by scripts/server.mjs (which names the same header) on every request. */
export const REMOTE_ADDRESS_HEADER = "x-dermaplan-remote-addr";

type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

function headerValue(source: HeaderSource, name: string): string | undefined {
  if (!source) return undefined;
  if (source instanceof Headers) return source.get(name) ?? undefined;
  const value = source[name] ?? source[name.toLowerCase()];
  return Array.isArray(value) ? value.join(", ") : value;
}

/** A bare IP address (`::ffff:1.2.3.4` as `1.2.3.4`, `[::1]:443` as `::1`), or null when it is not one. */
function normalize(raw: string | undefined): string | null {
  let value = raw?.trim() ?? "";
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(value);
  if (mapped) value = mapped[1]!;
  return isIP(value) ? value.toLowerCase() : null;
}

let cachedList: { spec: string; list: BlockList } | undefined;

function trustedList(entries: string[]): BlockList {
  const spec = entries.join(",");
  if (cachedList?.spec === spec) return cachedList.list;
  const list = new BlockList();
  for (const entry of entries) {
    const [address = "", prefix] = entry.split("/");
    const normal = normalize(address) ?? address;
    const type = isIP(normal) === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) list.addAddress(normal, type);
    else list.addSubnet(normal, Number(prefix), type);
  }
  cachedList = { spec, list };
  return list;
}

/**
 * The client's address, for the audit trail and sign-in throttling. It starts from the TCP peer,
 * which our server (scripts/server.mjs) writes into REMOTE_ADDRESS_HEADER after deleting any copy the
 * client sent; Next.js itself offers no unforgeable peer address (it keeps a client-sent
 * X-Forwarded-For as it is). X-Forwarded-For is read only when that peer is a proxy in
 * TRUSTED_PROXIES: walking it from the right, each hop a trusted proxy added is passed over and the
 * first one that is not trusted is the client. Entries further left were written by the client.
 * Null when the request did not come through our server (e.g. `next dev`).
 */
export function clientIpFrom(source: HeaderSource, trusted: string[] = trustedProxies()): string | null {
  const peer = normalize(headerValue(source, REMOTE_ADDRESS_HEADER));
  if (!peer) {
    warnOnceWithoutServer();
    return null;
  }
  if (trusted.length === 0) return peer;
  const list = trustedList(trusted);
  const isTrusted = (address: string) => list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
  if (!isTrusted(peer)) return peer;
  const hops = (headerValue(source, "x-forwarded-for") ?? "").split(",").filter((hop) => hop.trim());
  let client = peer;
  for (let i = hops.length - 1; i >= 0; i -= 1) {
    const hop = normalize(hops[i]);
    // A trusted proxy writes addresses only; anything else means the chain cannot be read further.
    if (!hop) return null;
    client = hop;
    if (!isTrusted(hop)) return hop;
  }
  return client;
}

let warned = false;
/** Served by `next start` rather than scripts/server.mjs: every client looks alike to the throttle. */
function warnOnceWithoutServer(): void {
  if (warned || !isProduction()) return;
  warned = true;
  console.warn(`No ${REMOTE_ADDRESS_HEADER} header: serve the app with \`npm start\` (scripts/server.mjs), not \`next start\`, or client addresses are unknown.`);
}
