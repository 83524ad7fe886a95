/**
 * `npm run db:synth -- --patients 10000 --days 730 [--seed 42]`: grows the demo clinic in the database
 * at DATABASE_URL with a deterministic synthetic history (lib/synth), printing progress and the
 * measured write rate. Use a fresh database file: a synthesized one is refused.
 */
import os from "node:os";
import { parseArgs } from "node:util";
import { DEFAULT_SEED, synthesize } from "@/lib/synth";
import { openMigratedDatabase } from "./runtime";

function wholeNumber(name: string, value: string | undefined, fallback?: number): number {
  if (value === undefined && fallback !== undefined) return fallback;
  const parsed = Number(value);
  if (value === undefined || !Number.isInteger(parsed) || parsed < 0) {
    console.error(`--${name} must be a whole number (usage: npm run db:synth -- --patients 10000 --days 730 [--seed 42])`);
    process.exit(2);
  }
  return parsed;
}

const { values } = parseArgs({ options: { patients: { type: "string" }, days: { type: "string" }, seed: { type: "string" } } });
const patients = wholeNumber("patients", values.patients);
const days = wholeNumber("days", values.days);
const seed = wholeNumber("seed", values.seed, DEFAULT_SEED);

const { db, file } = openMigratedDatabase();
console.log(`Synthesizing ${patients} patients over ${days} days (seed ${seed}) into ${file}`);
const started = Date.now();
const cpuBefore = process.cpuUsage();
const counts = await synthesize(db, {
  patients,
  days,
  seed,
  onProgress: ({ phase, done, total, rows }) => {
    const elapsed = (Date.now() - started) / 1000;
    const progress = phase === "patients" ? ` ${done}/${total} patients,` : "";
    console.log(`[${elapsed.toFixed(1)}s] ${phase}:${progress} ${rows.toLocaleString("en")} rows`);
  },
}).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
db.$client.close();
const { rows, seconds, rowsPerSecond, ...tables } = counts;
console.log(Object.entries(tables).map(([name, n]) => `${name} ${n.toLocaleString("en")}`).join(", "));
const cpu = process.cpuUsage(cpuBefore);
// The CPU time and load average say how much of the wall time the machine actually gave this run.
const context = `CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s, load average ${os.loadavg()[0]!.toFixed(1)} on ${os.availableParallelism()} cores`;
console.log(`${rows.toLocaleString("en")} rows in ${seconds.toFixed(1)} s: ${rowsPerSecond.toLocaleString("en")} rows/s (${context})`);
