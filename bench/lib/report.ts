import fs from "node:fs";
import path from "node:path";
import { benchResultSchema, type BenchResult } from "./result-schema";

/** Committed results; smoke runs (CI) write next to the cached datasets instead, so they never dirty the tree. */
export const RESULTS_DIR = path.resolve("bench/results");

function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  // The first column is a name (left-aligned); the rest are figures (right-aligned).
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...cells.slice(1).map(line)].join("\n");
}

const kb = (bytes: number) => (bytes / 1000).toFixed(1);
const ms = (value: number | null) => (value === null ? "—" : value.toFixed(2));

export function formatReport(result: BenchResult): string {
  const d = result.data;
  const s = result.settings;
  const endpoints = table(
    ["target", "req/s", "p50 ms", "p95 ms", "p99 ms", "cpu ms/req", "bytes", "× floor", "errors"],
    result.endpoints.map((e) => [e.name, e.reqPerSec.toFixed(1), ms(e.p50Ms), ms(e.p95Ms), ms(e.p99Ms), e.cpuMsPerReq.toFixed(2), e.bytes, e.ratioToFloor.toFixed(2), e.timeouts ? `${e.errors} (${e.timeouts} timed out)` : e.errors]),
  );
  const firstLoad = table(
    ["page (first-load JS)", "as", "scripts", "kB gzip"],
    result.firstLoadJs.map((p) => [p.page, p.as, p.scripts, kb(p.gzipBytes)]),
  );
  const goals = result.goals.flatMap((g) => [
    `${g.pass ? "PASS" : "MISS"}  ${g.goal}${g.pass ? "" : `: ${g.misses.length} of ${g.checked}`}`,
    ...g.misses.map((m) => `        ${m.subject}: ${m.value}`),
  ]);
  return [
    `Dermaplan HTTP benchmark, ${result.size} dataset (seed ${result.seed})${result.smoke ? ", smoke run" : ""}, ${result.date}`,
    `data: ${d.patients} patients, ${d.sessions} sessions, ${d.reactions} reactions, ${d.alerts} alerts (${d.openAlerts} open), ${d.planVersions} plan versions; heaviest patient ${d.heavyPatientSessions} sessions`,
    `load: ${s.connections} connections, ${s.durationS} s per target after ${s.warmupS} s warm-up; ${result.machine.cores} cores (${result.machine.cpu}), Node ${result.machine.node}, load ${result.machine.loadAverage} at start`,
    "",
    endpoints,
    "",
    `server RSS: start ${result.rss.startMb} MB, max ${result.rss.maxMb} MB, end ${result.rss.endMb} MB (${result.rss.samples} samples, every 250 ms)`,
    "",
    firstLoad,
    "",
    "targets",
    ...goals,
    "",
    `took ${result.elapsedS.toFixed(0)} s`,
  ].join("\n");
}

/**
 * Writes `bench/results/<date>-<size>.json` and reads it back through the schema: a file that does not
 * parse means the run is broken, whatever the figures say.
 */
export function writeResult(result: BenchResult, dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${result.date}-${result.size}${result.smoke ? "-smoke" : ""}.json`);
  fs.writeFileSync(file, `${JSON.stringify(benchResultSchema.parse(result), null, 2)}\n`);
  const reread = benchResultSchema.safeParse(JSON.parse(fs.readFileSync(file, "utf8")));
  if (!reread.success) throw new Error(`${file} does not match the result shape: ${reread.error.message}`);
  return file;
}
