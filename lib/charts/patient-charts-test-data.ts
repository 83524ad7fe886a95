import type { ChartSession } from "./timeline";
import type { PatientCharts } from "./types";

/** Crafted chart payloads for the unit tests: days are counted back from a fixed "now". */
export const NOW = "2025-06-30T12:00:00.000Z";
export const daysAgo = (days: number, hours = 0) => new Date(Date.parse(NOW) - days * 86_400_000 + hours * 3_600_000).toISOString();

export function session(days: number, overrides: Partial<ChartSession> = {}): ChartSession {
  return { id: `s${days}`, performedAt: daysAgo(days), area: "face", needleMm: 0.5, flags: [], ...overrides };
}

export function charts(overrides: Partial<PatientCharts> = {}): PatientCharts {
  return { range: "90d", from: daysAgo(90), to: NOW, sessions: [], reactions: [], limits: [], healing: [], pauses: [], ...overrides };
}
