import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { processEnv } from "@/lib/env";
import { buildNext, hasProductionBuild, needsBuild, serverCommand } from "@/scripts/runtime";
import { BENCH_DIR } from "./dataset";

const HOST = "127.0.0.1";
const READY_TIMEOUT_MS = 60_000;

export type BenchServer = {
  origin: string;
  pid: number;
  log: string;
  stop: () => Promise<void>;
  /** Synchronous last resort for exit and signal handlers. */
  kill: () => void;
};

/** Builds when there is no build, or (unless told to skip) when a source changed after the build. */
export function ensureBuild(skipIfStale: boolean): void {
  if (hasProductionBuild() && (skipIfStale || !needsBuild())) return;
  console.log(hasProductionBuild() ? "The build is older than the sources: running next build …" : "No production build: running next build …");
  buildNext(processEnv());
}

/** The kernel's choice of a free loopback port; closed again at once so the server can take it. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, HOST, () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(origin: string, child: ChildProcess, log: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const response = await fetch(`${origin}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const tail = fs.existsSync(log) ? fs.readFileSync(log, "utf8").split("\n").slice(-30).join("\n") : "";
  throw new Error(`The server did not answer /api/health within ${READY_TIMEOUT_MS / 1000} s. Last lines of ${log}:\n${tail}`);
}

/** The production server on a random free loopback port against the run's database, as `npm start` serves it (same entry, same heap ceiling). */
/** With `cpuProfileDir`, the server writes a CPU profile there when stopped (bench/lib/cpu-profile.mjs). */
export async function startServer(databaseFile: string, options: { cpuProfileDir?: string } = {}): Promise<BenchServer> {
  const port = await freePort();
  const origin = `http://${HOST}:${port}`;
  const log = path.join(BENCH_DIR, `server-${process.pid}.log`);
  const out = fs.openSync(log, "w");
  const child = spawn(process.execPath, serverCommand(port, HOST), {
    // Its own process group, so stopping it also stops any worker it forks.
    detached: true,
    stdio: ["ignore", out, out],
    env: {
      ...processEnv(),
      NODE_ENV: "production",
      NEXTAUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
      NEXTAUTH_URL: origin,
      DATABASE_URL: databaseFile,
      ...(options.cpuProfileDir && {
        NODE_OPTIONS: `--import ${pathToFileURL(path.resolve("bench/lib/cpu-profile.mjs")).href}`,
        DERMAPLAN_CPU_PROFILE_DIR: options.cpuProfileDir,
      }),
    },
  });
  fs.closeSync(out);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    signalGroup(child.pid!, "SIGTERM");
    const killed = await Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 5000))]);
    if (!killed) signalGroup(child.pid!, "SIGKILL");
  };
  try {
    await waitUntilReady(origin, child, log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { origin, pid: child.pid!, log, stop, kill: () => signalGroup(child.pid!, "SIGKILL") };
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}
