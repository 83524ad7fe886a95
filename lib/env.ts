import { isIP } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The only module that reads process.env. Values are read on each call, never at import,
 * so `next build` never needs runtime configuration.
 */

const DEFAULT_DATABASE_PATH = "./data/dermaplan.db";

/** Accepts a plain path or a `file:` URL (relative `file:./x.db` or absolute `file:///x.db`). */
export function resolveDatabasePath(value: string | undefined, cwd = process.cwd()): string {
  const raw = value?.trim() || DEFAULT_DATABASE_PATH;
  if (raw === ":memory:") return raw;
  if (raw.startsWith("file://")) return fileURLToPath(raw);
  const withoutScheme = raw.startsWith("file:") ? raw.slice("file:".length) : raw;
  if (!withoutScheme) throw new Error("DATABASE_URL is empty after 'file:'");
  return path.resolve(cwd, withoutScheme);
}

export function databasePath(): string {
  return resolveDatabasePath(process.env.DATABASE_URL);
}

export function authSecret(): string | undefined {
  return process.env.NEXTAUTH_SECRET || undefined;
}

export function port(): number {
  const value = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    throw new Error(`PORT must be an integer between 1 and 65535, got "${process.env.PORT}"`);
  }
  return value;
}

export function isProduction(): boolean {
  return process.env.NODE_ENV === "production";
}

export function isBuildPhase(): boolean {
  return process.env.NEXT_PHASE === "phase-production-build";
}

/** The clinics' time zone: "today", review dates and plan expiry are calendar days in it. */
export function clinicTimeZone(): string {
  const zone = process.env.CLINIC_TIME_ZONE?.trim() || "UTC";
  // Checked once per value: building an Intl formatter on every request is measurable.
  if (zone === checkedZone) return zone;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
  } catch {
    throw new Error(`CLINIC_TIME_ZONE must be an IANA time zone such as Europe/London, got "${zone}"`);
  }
  checkedZone = zone;
  return zone;
}
let checkedZone: string | undefined;

/**
 * The server's JavaScript heap ceiling in MB (SERVER_HEAP_MB, default 384). Without one, V8 sizes the
 * heap from the machine's memory and lets garbage pile up to gigabytes before collecting it; with one,
 * the server's footprint stays predictable beside the database's page cache (bench: RSS ~250 MB at load).
 */
export function serverHeapMb(): number {
  const value = Number(process.env.SERVER_HEAP_MB ?? 384);
  if (!Number.isInteger(value) || value < 128) {
    throw new Error(`SERVER_HEAP_MB must be a whole number of megabytes ≥ 128, got "${process.env.SERVER_HEAP_MB}"`);
  }
  return value;
}

/** Minutes without a request after which a staff session ends (STAFF_IDLE_MINUTES, default 30). */
export function staffIdleMinutes(): number {
  const raw = process.env.STAFF_IDLE_MINUTES?.trim();
  if (!raw) return 30;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 720) {
    throw new Error(`STAFF_IDLE_MINUTES must be a whole number of minutes from 1 to 720, got "${raw}"`);
  }
  return value;
}

/**
 * Interface the server listens on (HOST). Loopback unless told otherwise: in production the app sits
 * behind a reverse proxy on the same host, and nothing else should reach it directly.
 */
export function bindHost(): string {
  return process.env.HOST?.trim() || "127.0.0.1";
}

/**
 * Reverse proxies whose X-Forwarded-For entries are believed (TRUSTED_PROXIES: comma-separated
 * addresses or CIDR ranges, e.g. `127.0.0.1,10.0.0.0/8`; empty by default, so no client-sent
 * X-Forwarded-For is ever used). lib/http/client-ip.ts walks the header through them.
 */
export function trustedProxies(): string[] {
  const raw = process.env.TRUSTED_PROXIES ?? "";
  const entries = raw.split(",").map((entry) => entry.trim()).filter(Boolean);
  for (const entry of entries) {
    const [address = "", prefix, extra] = entry.split("/");
    const family = isIP(address);
    const bits = family === 6 ? 128 : 32;
    const prefixOk = prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= bits);
    if (!family || !prefixOk || extra !== undefined) {
      throw new Error(`TRUSTED_PROXIES must be comma-separated IP addresses or CIDR ranges, got "${entry}"`);
    }
  }
  return entries;
}

/** The public URL next-auth builds its redirects from. */
export function authUrl(): string | undefined {
  return process.env.NEXTAUTH_URL?.trim() || undefined;
}

/** The environment handed to child processes (the Next.js server) by our scripts. */
export function processEnv(): NodeJS.ProcessEnv {
  return { ...process.env };
}
