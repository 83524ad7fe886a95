import type { ChartPause, ChartPauseReason, PatientCharts } from "./types";

type LimitPeriod = PatientCharts["limits"][number];

/** Why the clinic paused home microneedling, for the clinic's charts and tables. */
export const PAUSE_REASON_LABELS: Record<ChartPauseReason, string> = {
  warning_sign: "warning sign",
  contraindication: "new contraindication",
  health_change: "health change reported",
};

export const pauseLabel = (reason: ChartPauseReason) => `Paused: ${PAUSE_REASON_LABELS[reason]}`;

/**
 * The limit steps with every paused stretch cut out and set to no allowed length (0): a pause stops
 * home microneedling in every area, whatever the plan in force said. Pauses come oldest first and may
 * overlap; one still open (or cleared after `rangeTo`) runs to the end of the range, where a step's
 * `to` is null. Neighbouring steps that end up allowing the same are merged, as plan steps are.
 */
export function splitAtPauses(limits: readonly LimitPeriod[], pauses: readonly ChartPause[], rangeTo: string): LimitPeriod[] {
  const rows: LimitPeriod[] = [];
  const push = (row: LimitPeriod) => {
    if (row.to !== null && row.to <= row.from) return;
    const previous = rows.at(-1);
    if (previous && previous.area === row.area && previous.maxNeedleMm === row.maxNeedleMm && previous.to === row.from) previous.to = row.to;
    else rows.push({ ...row });
  };
  for (const limit of limits) {
    // Where the part of this step not yet written starts; null once a pause has run it to its end.
    let cursor: string | null = limit.from;
    for (const pause of pauses) {
      if (cursor === null || pause.since >= rangeTo || (limit.to !== null && pause.since >= limit.to)) break;
      const open = pause.until === null || pause.until >= rangeTo;
      if (!open && pause.until! <= cursor) continue;
      const start = pause.since > cursor ? pause.since : cursor;
      push({ ...limit, from: cursor, to: start });
      const stop = open || (limit.to !== null && pause.until! >= limit.to) ? limit.to : pause.until!;
      push({ ...limit, from: start, to: stop, maxNeedleMm: 0 });
      cursor = stop;
    }
    if (cursor !== null && (limit.to === null || cursor < limit.to)) push({ ...limit, from: cursor });
  }
  return rows;
}

/** The pause in force at an instant (epoch ms), if any. */
export function pauseAt(pauses: readonly ChartPause[], t: number): ChartPause | null {
  return pauses.find((p) => Date.parse(p.since) <= t && (p.until === null || t < Date.parse(p.until))) ?? null;
}

/** A paused stretch on a time axis (epoch ms), clamped to it, for shading. */
export type PauseSpan = { x1: number; x2: number; reason: ChartPauseReason };

export function pauseSpans(pauses: readonly ChartPause[], [start, end]: [number, number]): PauseSpan[] {
  return pauses
    .map((p) => ({ x1: Math.max(Date.parse(p.since), start), x2: Math.min(p.until === null ? end : Date.parse(p.until), end), reason: p.reason }))
    .filter((span) => span.x2 > span.x1);
}

/** [x1, x2] minus every span in `cuts`: what is left, in order (empty when the cuts cover it). */
export function subtractSpans(x1: number, x2: number, cuts: readonly { x1: number; x2: number }[]): [number, number][] {
  let left: [number, number][] = [[x1, x2]];
  for (const cut of cuts) {
    left = left.flatMap(([a, b]): [number, number][] =>
      cut.x2 <= a || cut.x1 >= b ? [[a, b]] : ([[a, cut.x1], [cut.x2, b]] as [number, number][]).filter(([p, q]) => q > p),
    );
  }
  return left;
}
