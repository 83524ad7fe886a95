import { addDays, startOfDayInZone } from "./dates";

export type DecidedVersion = {
  decision: "approved" | "denied" | "suspended";
  areas: { area: string; maxNeedleMm: number }[];
  reviewBy: string | null;
  decidedAt: string;
};

export type LimitPeriod = { area: string; from: string; to: string | null; maxNeedleMm: number };

type Segment = { from: string; to: string | null; limits: Map<string, number> };

/** Each version's time in force, split where an approval expired (the day after its review date). */
function segments(versions: DecidedVersion[], timeZone: string): Segment[] {
  const out: Segment[] = [];
  versions.forEach((v, i) => {
    const end = versions[i + 1]?.decidedAt ?? null;
    if (v.decision !== "approved") return out.push({ from: v.decidedAt, to: end, limits: new Map() });
    const expiry = v.reviewBy ? startOfDayInZone(addDays(v.reviewBy, 1), timeZone) : null;
    const limits = new Map(v.areas.map((a) => [a.area, a.maxNeedleMm]));
    if (expiry && (end === null || expiry < end) && expiry > v.decidedAt) {
      out.push({ from: v.decidedAt, to: expiry, limits }, { from: expiry, to: end, limits: new Map() });
    } else {
      out.push({ from: v.decidedAt, to: end, limits });
    }
  });
  return out;
}

/**
 * The approved maximum per area as steps over [from, to]: one row per area and period in which it
 * held, merged where consecutive periods allow the same; 0 while denied, suspended, expired or before
 * any decision. `to` is null for the period still in force.
 */
export function limitPeriods(versions: DecidedVersion[], range: { from: string | null; to: string }, extraAreas: string[] = [], timeZone = "UTC"): LimitPeriod[] {
  const all = segments(versions, timeZone);
  const first = versions[0]?.decidedAt;
  if (range.from && first && range.from < first) all.unshift({ from: range.from, to: first, limits: new Map() });
  const areas = [...new Set([...versions.flatMap((v) => v.areas.map((a) => a.area)), ...extraAreas])].sort();
  const rows: LimitPeriod[] = [];
  for (const area of areas) {
    for (const seg of all) {
      if ((seg.to !== null && range.from !== null && seg.to <= range.from) || seg.from > range.to) continue;
      const from = range.from && seg.from < range.from ? range.from : seg.from;
      const to = seg.to === null || seg.to > range.to ? null : seg.to;
      const maxNeedleMm = seg.limits.get(area) ?? 0;
      const previous = rows.at(-1);
      if (previous && previous.area === area && previous.maxNeedleMm === maxNeedleMm && previous.to === from) previous.to = to;
      else rows.push({ area, from, to, maxNeedleMm });
    }
  }
  return rows;
}
