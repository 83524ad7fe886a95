import fs from "node:fs";
import os from "node:os";
import { BENCH_DIR, prepareDataset, removeRunCopy, type DatasetFiles } from "./dataset";
import { readDatasetFacts } from "./dataset-facts";
import { drive, probe } from "./drive";
import { benchEndpoints, selectEndpoints } from "./endpoints";
import { measureFirstLoadJs } from "./first-load-js";
import { checkGoals, withFloorRatios } from "./goals";
import type { BenchOptions } from "./options";
import { cpuSeconds } from "./process-tree";
import { formatReport, RESULTS_DIR, writeResult } from "./report";
import type { BenchResult, EndpointResult } from "./result-schema";
import { sampleRss } from "./rss";
import { ensureBuild, startServer, type BenchServer } from "./server";
import { signIn, type Who } from "./sign-in";

/** Problems that make the run itself broken (as opposed to a target missed): they set the exit code. */
export type BenchOutcome = { broken: string[]; resultFile: string | null };

/** Stops the server however the process ends: Ctrl-C, an exception, or a normal exit. */
function stopOnExit(server: BenchServer, files: DatasetFiles): () => void {
  const onSignal = (signal: NodeJS.Signals) => {
    server.kill();
    removeRunCopy(files);
    console.error(`\nStopped by ${signal}; the server is stopped too.`);
    process.exit(130);
  };
  const onExit = () => server.kill();
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  process.once("exit", onExit);
  return () => {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    process.off("exit", onExit);
  };
}

export async function runBench(options: BenchOptions): Promise<BenchOutcome> {
  const started = Date.now();
  const broken: string[] = [];
  ensureBuild(options.skipBuild);
  const files = await prepareDataset(options);
  const facts = readDatasetFacts(files.run);
  const serverStarted = Date.now();
  const server = await startServer(files.run, options.cpuProf ? { cpuProfileDir: BENCH_DIR } : {});
  const release = stopOnExit(server, files);
  const rss = sampleRss(server.pid);
  let keepLog = true;
  try {
    console.log(`Server ${server.origin} ready in ${((Date.now() - serverStarted) / 1000).toFixed(1)} s (pid ${server.pid}, log ${server.log}).`);
    const loadAverage = Math.round(os.loadavg()[0]! * 100) / 100;
    if (loadAverage > os.cpus().length / 2) console.warn(`The machine is busy (load ${loadAverage} on ${os.cpus().length} cores): expect low, noisy figures.`);
    const sessions = { staff: await signIn(server.origin, "staff"), patient: await signIn(server.origin, "patient") };
    const cookieFor = (who: Who) => (who === "anonymous" ? "" : sessions[who].cookie);
    const settings = { ...options, origin: server.origin, serverCpu: () => cpuSeconds(server.pid) };

    const measured: Omit<EndpointResult, "ratioToFloor">[] = [];
    for (const endpoint of selectEndpoints(benchEndpoints(facts), options.only)) {
      const answer = await probe(server.origin, endpoint, cookieFor(endpoint.as));
      if (answer.status < 200 || answer.status > 299) broken.push(`${endpoint.name} (${endpoint.shownPath}) answered ${answer.status}: ${answer.body.slice(0, 200)}`);
      const m = await drive(endpoint, cookieFor(endpoint.as), settings, answer.bytes);
      // A timeout is a slow answer (reported in the errors column); a non-2xx or a refused connection is a broken run.
      if (m.errors > m.timeouts) broken.push(`${endpoint.name}: ${m.errors - m.timeouts} failed requests under load (status codes ${JSON.stringify(m.statusCodes)}).`);
      const { name, kind, as, method, shownPath: path } = endpoint;
      measured.push({ name, kind, as, method, path, ...m });
      const p95 = m.p95Ms === null ? "—" : m.p95Ms.toFixed(2);
      console.log(`  ${name.padEnd(36)} ${m.reqPerSec.toFixed(1).padStart(8)} req/s  p95 ${p95.padStart(8)} ms  cpu ${m.cpuMsPerReq.toFixed(2).padStart(6)} ms/req  ${m.errors ? `${m.errors} errors (${m.timeouts} timeouts)` : ""}`);
    }
    const endpoints = withFloorRatios(measured);
    const firstLoadJs = await measureFirstLoadJs(server.origin, cookieFor, facts.longest.id);
    const rssSummary = rss.stop();

    const result: BenchResult = {
      date: new Date().toISOString().slice(0, 10),
      size: options.size,
      seed: options.seed,
      smoke: options.smoke,
      settings: { connections: options.connections, durationS: options.durationS, warmupS: options.warmupS },
      machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model.trim() ?? "unknown", node: process.versions.node, loadAverage },
      data: { ...facts.size, heavyPatientSessions: facts.longest.sessions },
      endpoints,
      rss: rssSummary,
      firstLoadJs,
      goals: checkGoals(endpoints, rssSummary, firstLoadJs),
      elapsedS: Math.round((Date.now() - started) / 100) / 10,
    };
    console.log(`\n${formatReport(result)}`);
    const resultFile = writeResult(result, options.smoke ? BENCH_DIR : RESULTS_DIR);
    console.log(`Results: ${resultFile}`);
    keepLog = broken.length > 0;
    return { broken, resultFile };
  } finally {
    rss.stop();
    await server.stop();
    release();
    removeRunCopy(files);
    // The server's log only matters when something went wrong.
    if (options.cpuProf) console.log(`CPU profile of the server: ${BENCH_DIR}/server-${server.pid}.cpuprofile`);
    if (keepLog) console.error(`Server log: ${server.log}`);
    else fs.rmSync(server.log, { force: true });
  }
}
