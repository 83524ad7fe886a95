import { parseArgs } from "node:util";
import { DEFAULT_SEED } from "@/lib/synth";

export const SIZES = {
  small: { patients: 300, days: 60 },
  large: { patients: 10_000, days: 730 },
} as const;
export type Size = keyof typeof SIZES;

export type BenchOptions = {
  size: Size;
  seed: number;
  /** Seconds each target is measured for, and warmed up for before that (0: no warm-up). */
  durationS: number;
  warmupS: number;
  connections: number;
  /** CI mode: short runs; the exit code says only whether the run itself worked. */
  smoke: boolean;
  /** Regenerate the cached dataset even when one exists. */
  fresh: boolean;
  /** Serve whatever build exists, even one older than the sources (it still builds when there is none). */
  skipBuild: boolean;
  /** Measure only the targets whose name contains one of these (the floor always runs): for profiling one path. */
  only: string[];
  /** Write the server's CPU profile to .bench/ when the run ends (open it in Chrome DevTools or speedscope). */
  cpuProf: boolean;
};

const USAGE = "npm run bench [-- --size small|large] [--duration S] [--warmup S] [--seed N] [--smoke] [--fresh] [--skip-build] [--only 'roster,page /portal'] [--cpu-prof]";

export function parseBenchOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      size: { type: "string", default: "large" },
      seed: { type: "string", default: String(DEFAULT_SEED) },
      duration: { type: "string" },
      warmup: { type: "string" },
      smoke: { type: "boolean", default: false },
      fresh: { type: "boolean", default: false },
      "skip-build": { type: "boolean", default: false },
      only: { type: "string" },
      "cpu-prof": { type: "boolean", default: false },
    },
  });
  const size = values.size;
  if (size !== "small" && size !== "large") throw new Error(`--size must be small or large. Usage: ${USAGE}`);
  const smoke = values.smoke;
  return {
    size,
    seed: whole("--seed", values.seed, 0),
    durationS: whole("--duration", values.duration ?? (smoke ? "1" : "10"), 1),
    warmupS: whole("--warmup", values.warmup ?? (smoke ? "0" : "3"), 0),
    connections: 16,
    smoke,
    fresh: values.fresh,
    skipBuild: values["skip-build"],
    only: (values.only ?? "").split(",").map((name) => name.trim()).filter(Boolean),
    cpuProf: values["cpu-prof"],
  };
}

function whole(flag: string, raw: string, min: number): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${flag} must be a whole number ≥ ${min}, got "${raw}". Usage: ${USAGE}`);
  return value;
}
