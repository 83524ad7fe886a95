/**
 * `npm run bench [-- --size small|large] [--duration S] [--smoke]`: the production server measured
 * through HTTP on a generated clinic. Everything lives in bench/lib; see the README's Benchmark section.
 * Exits non-zero only when the run is broken (server, sign-in, a non-2xx answer, the result file), never
 * for a missed target.
 */
import { parseBenchOptions } from "@/bench/lib/options";
import { runBench } from "@/bench/lib/run";

try {
  const { broken } = await runBench(parseBenchOptions(process.argv.slice(2)));
  if (broken.length) {
    console.error(`\nThe run is broken:\n${broken.map((b) => `  - ${b}`).join("\n")}`);
    process.exitCode = 1;
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
