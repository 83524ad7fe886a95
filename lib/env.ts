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

/** Interface the server listens on; unset means the script's default. */
export function bindHost(): string | undefined {
  return process.env.HOST?.trim() || undefined;
}

/** The public URL next-auth builds its redirects from. */
export function authUrl(): string | undefined {
  return process.env.NEXTAUTH_URL?.trim() || undefined;
}

/** The environment handed to child processes (the Next.js server) by our scripts. */
export function processEnv(): NodeJS.ProcessEnv {
  return { ...process.env };
}
