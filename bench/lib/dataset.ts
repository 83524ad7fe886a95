import fs from "node:fs";
import path from "node:path";
import { openDatabase, SCRIPT_BUSY_TIMEOUT_MS, type Db } from "@/db/connection";
import { runMigrations } from "@/db/migrate";
import { synthesize } from "@/lib/synth";
import { SIZES, type BenchOptions } from "./options";

export const BENCH_DIR = path.resolve(".bench");
const SIDE_FILES = ["-wal", "-shm", "-journal"];

export type DatasetFiles = { cache: string; run: string; generatedS: number | null };

function removeDatabase(file: string): void {
  for (const suffix of ["", ...SIDE_FILES]) fs.rmSync(`${file}${suffix}`, { force: true });
}

/** Migrated with the project's own migrations, exactly as `npm start` would. */
function openMigrated(file: string): Db {
  const db = openDatabase(file, { busyTimeoutMs: SCRIPT_BUSY_TIMEOUT_MS });
  runMigrations(db);
  return db;
}

async function generate(file: string, options: BenchOptions): Promise<void> {
  const { patients, days } = SIZES[options.size];
  const partial = `${file}.partial`;
  removeDatabase(partial);
  const db = openMigrated(partial);
  try {
    let lastPrint = 0;
    const counts = await synthesize(db, {
      patients,
      days,
      seed: options.seed,
      onProgress: ({ phase, done, total, rows }) => {
        if (Date.now() - lastPrint < 2000 && done < total) return;
        lastPrint = Date.now();
        console.log(`  ${phase}: ${done}/${total}, ${rows.toLocaleString("en")} rows`);
      },
    });
    console.log(`  ${counts.rows.toLocaleString("en")} rows at ${counts.rowsPerSecond.toLocaleString("en")} rows/s`);
    // Fold the WAL into the main file so the cache is one self-contained file.
    db.$client.pragma("wal_checkpoint(TRUNCATE)");
  } catch (error) {
    db.$client.close();
    removeDatabase(partial);
    throw error;
  }
  db.$client.close();
  removeDatabase(file);
  fs.renameSync(partial, file);
  removeDatabase(partial);
}

/**
 * The pristine dataset is cached at `.bench/<size>-<seed>.db` (generating 10,000 patients takes
 * a minute or more); each run works on a copy, because the run writes and the cache must stay as generated.
 */
export async function prepareDataset(options: BenchOptions): Promise<DatasetFiles> {
  fs.mkdirSync(BENCH_DIR, { recursive: true });
  const cache = path.join(BENCH_DIR, `${options.size}-${options.seed}.db`);
  let generatedS: number | null = null;
  if (options.fresh || !fs.existsSync(cache)) {
    const started = Date.now();
    console.log(`Generating the ${options.size} dataset into ${path.relative(process.cwd(), cache)} …`);
    await generate(cache, options);
    generatedS = (Date.now() - started) / 1000;
    console.log(`Dataset generated in ${generatedS.toFixed(1)} s.`);
  } else {
    const ageDays = (Date.now() - fs.statSync(cache).mtimeMs) / 86_400_000;
    console.log(`Reusing the cached dataset ${path.relative(process.cwd(), cache)}, ${ageDays.toFixed(1)} days old (--fresh regenerates it).`);
    // Its history ends on the day it was made: weeks later, review dates have passed and charts thin out.
    if (ageDays > 7) console.warn("The cached dataset is over a week old; regenerate it with --fresh before comparing figures.");
  }
  // Named by process, so two runs at once (a person and CI) never delete each other's copy.
  const run = path.join(BENCH_DIR, `run-${options.size}-${options.seed}-${process.pid}.db`);
  removeDatabase(run);
  fs.copyFileSync(cache, run);
  // A cache made before a newer migration is brought up to date on the copy only.
  openMigrated(run).$client.close();
  return { cache, run, generatedS };
}

export function removeRunCopy(files: DatasetFiles): void {
  removeDatabase(files.run);
}
