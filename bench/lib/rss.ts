import fs from "node:fs";
import { treeOf } from "./process-tree";

const SAMPLE_MS = 250;
const MB = 1024 * 1024;

export type RssSummary = { startMb: number; maxMb: number; endMb: number; samples: number };

function rssBytes(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Samples the resident memory of the server and every process it started, until stopped. */
export function sampleRss(root: number): { stop: () => RssSummary } {
  const sample = () => treeOf(root).reduce((sum, pid) => sum + rssBytes(pid), 0);
  const start = sample();
  let max = start;
  let last = start;
  let samples = 1;
  const timer = setInterval(() => {
    last = sample();
    max = Math.max(max, last);
    samples += 1;
  }, SAMPLE_MS);
  // Never the reason the process stays alive when a run fails before stop() is called.
  timer.unref();
  return {
    stop: () => {
      clearInterval(timer);
      last = sample() || last;
      max = Math.max(max, last);
      const mb = (bytes: number) => Math.round((bytes / MB) * 10) / 10;
      return { startMb: mb(start), maxMb: mb(max), endMb: mb(last), samples: samples + 1 };
    },
  };
}
