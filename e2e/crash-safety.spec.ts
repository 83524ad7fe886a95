import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { serverCommand } from "../scripts/runtime";
import { DEMO } from "./accounts";
import { expect, newApiContext, sessionReport, signInViaApi, test } from "./fixtures";

/**
 * Crash safety (issue #13): the server is killed with SIGKILL in the middle of a burst of session
 * reports. Every report it acknowledged (201) must be in the database after a restart, and the file
 * must pass integrity_check. Its own server and database, so the suite's are never killed.
 */

const BURST = 300;
const CONCURRENCY = 8;
const KILL_AFTER_ACKNOWLEDGED = 100;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dermaplan-crash-"));
const databaseFile = path.join(dir, "crash.db");
let port = 0;
let server: ChildProcess | null = null;
let serverErrors = "";
const secret = crypto.randomBytes(32).toString("base64url");
const origin = () => `http://localhost:${port}`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port: free } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(free));
    });
    probe.on("error", reject);
  });
}

async function startServer() {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", DATABASE_URL: databaseFile, NEXTAUTH_SECRET: secret, NEXTAUTH_URL: origin(), PORT: String(port), NEXT_TELEMETRY_DISABLED: "1" };
  const child = spawn(process.execPath, serverCommand(port, "localhost"), { env, stdio: ["ignore", "ignore", "pipe"] });
  child.stderr!.on("data", (chunk) => (serverErrors += chunk));
  server = child;
  for (let tries = 0; tries < 200; tries += 1) {
    if (child.exitCode !== null) throw new Error(`The server exited at start: ${serverErrors}`);
    const healthy = await fetch(`${origin()}/api/health`).then((r) => r.ok, () => false);
    if (healthy) return child;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`The server did not answer /api/health: ${serverErrors}`);
}

async function stopServer(signal: NodeJS.Signals) {
  const child = server;
  server = null;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill(signal);
  await exited;
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(90_000);
  port = await freePort();
  // Migrated and seeded as e2e/server.ts does, by the project's own script.
  const seeded = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/seed.ts"], {
    env: { ...process.env, DATABASE_URL: databaseFile },
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(seeded.status, seeded.stderr).toBe(0);
});

test.afterAll(async () => {
  await stopServer("SIGKILL");
  fs.rmSync(dir, { recursive: true, force: true });
});

test("every acknowledged session report survives a SIGKILL mid-burst, and the file passes integrity_check", async () => {
  test.setTimeout(90_000);
  await startServer();
  const api = await newApiContext(origin());
  const me = await signInViaApi(api, DEMO.lee);
  const patientId = me.patientId!;

  const acknowledged: string[] = [];
  let sent = 0;
  let failed = 0;
  let killed: Promise<void> | null = null;
  let inFlightAtKill = 0;
  let inFlight = 0;
  const worker = async () => {
    while (sent < BURST && !killed) {
      sent += 1;
      inFlight += 1;
      try {
        const response = await api.post(`/api/patients/${patientId}/sessions`, { data: sessionReport({ notes: `burst ${sent}` }) });
        if (response.status() === 201) acknowledged.push(((await response.json()) as { id: string }).id);
        else failed += 1;
      } catch {
        failed += 1; // the connection died with the server: never acknowledged
      } finally {
        inFlight -= 1;
      }
      if (acknowledged.length >= KILL_AFTER_ACKNOWLEDGED && !killed) {
        inFlightAtKill = inFlight;
        killed = stopServer("SIGKILL");
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  await killed;
  expect(killed, "the server was killed mid-burst").not.toBeNull();
  expect(inFlightAtKill, "requests were still in flight when the server died").toBeGreaterThan(0);

  // Restarted on the same file, the app recovers the WAL and serves the reports.
  await startServer();
  const afterRestart = await newApiContext(origin());
  await signInViaApi(afterRestart, DEMO.lee);
  const list = await afterRestart.get(`/api/patients/${patientId}/sessions?pageSize=1`);
  expect(list.status()).toBe(200);
  const servedTotal = ((await list.json()) as { total: number }).total;
  await Promise.all([api.dispose(), afterRestart.dispose()]);
  await stopServer("SIGTERM");

  const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    const found = new Set(
      db.prepare("select id from home_sessions where id in (select value from json_each(?))").pluck().all(JSON.stringify(acknowledged)) as string[],
    );
    const missing = acknowledged.filter((id) => !found.has(id));
    const stored = db.prepare("select count(*) from home_sessions where patient_id = ?").pluck().get(patientId);
    const integrity = db.prepare("pragma integrity_check").pluck().all();
    const summary = `${sent} sent, ${acknowledged.length} acknowledged, ${found.size} found after restart, ${failed} unacknowledged, ${inFlightAtKill} in flight at SIGKILL`;
    console.log(`crash safety: ${summary}`);
    test.info().annotations.push({ type: "crash safety", description: summary });
    expect(missing).toEqual([]);
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKNOWLEDGED);
    expect(servedTotal).toBe(stored);
    expect(integrity).toEqual(["ok"]);
  } finally {
    db.close();
  }
});
