import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { openDatabase, SCRIPT_BUSY_TIMEOUT_MS, type Db } from "@/db/connection";
import { runMigrations } from "@/db/migrate";
import { databasePath, serverHeapMb } from "@/lib/env";

const NEXT_BIN = path.resolve("node_modules/next/dist/bin/next");
const SERVER_ENTRY = path.resolve("scripts/server.mjs");
const BUILD_ID = path.resolve(".next/BUILD_ID");
const BUILD_INPUTS = ["app", "lib", "db", "proxy.ts", "next.config.mjs", "package-lock.json", "postcss.config.mjs"];

/** Opens the configured database with every migration applied, for a command that may wait on the server's lock. */
export function openMigratedDatabase(): { db: Db; file: string } {
  const file = databasePath();
  const db = openDatabase(file, { busyTimeoutMs: SCRIPT_BUSY_TIMEOUT_MS });
  runMigrations(db);
  return { db, file };
}

/** The demo's secret: generated once, kept in the data folder, readable by the owner only. */
export function loadOrCreateSecret(file: string): string {
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = crypto.randomBytes(32).toString("base64url");
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
  return secret;
}

function newestMtime(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(entry, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .reduce((max, d) => Math.max(max, fs.statSync(path.join(d.parentPath, d.name)).mtimeMs), 0);
}

export function hasProductionBuild(): boolean {
  return fs.existsSync(BUILD_ID);
}

/** A build is needed when there is none, or when a source file changed after it was made. */
export function needsBuild(): boolean {
  if (!hasProductionBuild()) return true;
  const builtAt = fs.statSync(BUILD_ID).mtimeMs;
  return BUILD_INPUTS.some((entry) => newestMtime(entry) > builtAt);
}

export function buildNext(env: NodeJS.ProcessEnv): void {
  const result = spawnSync(process.execPath, [NEXT_BIN, "build"], { stdio: "inherit", env });
  if (result.status !== 0) {
    console.error("The production build failed; see the output above.");
    process.exit(result.status ?? 1);
  }
}

/** Node's own flags for the server process: a bounded heap (lib/env.ts serverHeapMb). */
export function serverNodeArgs(): string[] {
  return [`--max-old-space-size=${serverHeapMb()}`];
}

/**
 * Node arguments that serve the production build on `port` and `hostname`: our server entry
 * (scripts/server.mjs, Next.js plus the socket's address for lib/http/client-ip.ts) rather than
 * `next start`, with the bounded heap.
 */
export function serverCommand(port: number, hostname: string): string[] {
  return [...serverNodeArgs(), SERVER_ENTRY, "--port", String(port), "--hostname", hostname];
}

/** Serves the production build in the foreground, forwarding stop signals and the exit code. */
export function startNext(port: number, hostname: string, env: NodeJS.ProcessEnv): void {
  const child = spawn(process.execPath, serverCommand(port, hostname), { stdio: "inherit", env });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => child.kill(signal));
  }
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
