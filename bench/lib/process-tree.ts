import { execFileSync } from "node:child_process";
import fs from "node:fs";

/** The fields of /proc/<pid>/stat after the parenthesised command name (which may hold spaces). */
function statFields(pid: number): string[] | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}

/** A process and every process below it (Next may fork workers). */
export function treeOf(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const parent = Number(statFields(Number(entry))?.[1]);
    if (parent) children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i += 1) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

let ticksPerSecond: number | undefined;
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/**
 * CPU seconds (user + system) the tree has used so far. Per request, this barely moves when other
 * work shares the cores, unlike req/s and latency, so it is the figure to compare between runs.
 */
export function cpuSeconds(root: number): number {
  const ticks = treeOf(root).reduce((sum, pid) => {
    const fields = statFields(pid);
    return fields ? sum + Number(fields[11]) + Number(fields[12]) : sum;
  }, 0);
  return ticks / clockTicks();
}
