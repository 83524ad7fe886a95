import type { SymptomCode, SymptomGrade } from "@/lib/domain/reactions";
import type { Rng } from "./random";
import { CONCERNING_NOTES } from "./vocabulary";

/** One report of an episode: hours after the session, the grades, an optional note. */
export type PlannedReport = { hours: number; symptoms: SymptomGrade[]; note?: string };

const g = (symptom: SymptomCode, grade: number): SymptomGrade => ({ symptom, grade });
const clear = (...codes: SymptomCode[]) => codes.map((c) => g(c, 0));

/**
 * What follows a session, as patients report it (DOMAIN.md): expected redness and its companions
 * fading over two or three days, and now and then a warning sign. Grades fall report by report;
 * the last report says "all gone" unless the patient stops reporting first.
 */
const EPISODES: { weight: number; kind: string; reports: (rng: Rng, skinType: number) => PlannedReport[] }[] = [
  {
    weight: 660,
    kind: "mild",
    reports: (rng) => {
      const extra = rng.pick<SymptomCode>(["dryness", "itching", "pain", "bleeding", "dryness"]);
      const withExtra = rng.chance(0.6);
      const first = [g("erythema", 1), ...(withExtra ? [g(extra, 1)] : [])];
      const codes: SymptomCode[] = withExtra ? ["erythema", extra] : ["erythema"];
      const middle = rng.chance(0.65) ? [{ hours: rng.between(20, 30), symptoms: [g("erythema", rng.chance(0.5) ? 1 : 0), ...(withExtra ? [g(extra, rng.chance(0.4) ? 1 : 0)] : [])] }] : [];
      return [{ hours: rng.between(2, 12), symptoms: first }, ...middle, { hours: rng.between(36, 47), symptoms: clear(...codes) }];
    },
  },
  {
    weight: 230,
    kind: "moderate",
    reports: (rng) => {
      const pain = rng.chance(0.6);
      const codes: SymptomCode[] = pain ? ["erythema", "swelling", "pain"] : ["erythema", "swelling"];
      const lingering = rng.chance(0.5);
      return [
        { hours: rng.between(3, 10), symptoms: [g("erythema", 2), g("swelling", 1), ...(pain ? [g("pain", 2)] : []), ...(rng.chance(0.3) ? [g("bleeding", 1)] : [])] },
        { hours: rng.between(22, 30), symptoms: [g("erythema", rng.chance(0.5) ? 2 : 1), g("swelling", rng.chance(0.3) ? 1 : 0), ...(pain ? [g("pain", 1)] : [])] },
        // Redness still there past 48 hours spaces the next session further (lib/domain/reactions.ts).
        ...(lingering ? [{ hours: rng.between(49, 60), symptoms: [g("erythema", 1), ...clear(...codes.slice(1))] }] : []),
        { hours: lingering ? rng.between(64, 71) : rng.between(44, 60), symptoms: clear(...codes) },
      ];
    },
  },
  {
    weight: 18,
    kind: "persistent",
    reports: (rng) => [
      { hours: rng.between(4, 10), symptoms: [g("erythema", 2), g("swelling", 1)] },
      { hours: rng.between(24, 30), symptoms: [g("erythema", 2), g("swelling", 1)] },
      { hours: rng.between(50, 60), symptoms: [g("erythema", 1), g("swelling", 0)] },
      { hours: rng.between(76, 100), symptoms: [g("erythema", 1), g("swelling", 0)], note: CONCERNING_NOTES.persistent },
      { hours: rng.between(120, 160), symptoms: clear("erythema", "swelling") },
    ],
  },
  {
    weight: 10,
    kind: "worsening",
    reports: (rng) => [
      { hours: rng.between(4, 10), symptoms: [g("erythema", 1)] },
      { hours: rng.between(24, 30), symptoms: [g("erythema", 1)] },
      { hours: rng.between(52, 64), symptoms: [g("erythema", 2), g("swelling", 1)], note: CONCERNING_NOTES.worsening },
      { hours: rng.between(100, 130), symptoms: [g("erythema", 1), g("swelling", 0)] },
      { hours: rng.between(150, 190), symptoms: clear("erythema", "swelling") },
    ],
  },
  {
    weight: 20,
    kind: "lasting",
    reports: (rng, skinType) => {
      // Darker skin (Fitzpatrick IV–VI) marks more easily; others flare with spots.
      const code: SymptomCode = skinType >= 4 ? "hyperpigmentation" : "breakout";
      return [
        { hours: rng.between(4, 10), symptoms: [g("erythema", 1)] },
        { hours: rng.between(30, 44), symptoms: [g("erythema", 0), g(code, 2)] },
        { hours: rng.between(80, 120), symptoms: [g("erythema", 0), g(code, 2)], note: code === "hyperpigmentation" ? CONCERNING_NOTES.lasting : undefined },
        { hours: rng.between(240, 330), symptoms: clear("erythema", code) },
      ];
    },
  },
  {
    weight: 10,
    kind: "severe",
    reports: (rng) => {
      const worst = rng.pick<SymptomCode>(["pain", "swelling", "erythema"]);
      const others = (["erythema", "swelling", "pain"] as SymptomCode[]).filter((c) => c !== worst);
      return [
        { hours: rng.between(2, 8), symptoms: [g(worst, 3), g(others[0]!, 2), g("bleeding", 1)], note: CONCERNING_NOTES.severe },
        { hours: rng.between(22, 30), symptoms: [g(worst, 2), g(others[0]!, 1), g("bleeding", 0)] },
        { hours: rng.between(40, 47), symptoms: [g(worst, 1), g(others[0]!, 0)] },
        { hours: rng.between(60, 71), symptoms: clear(worst, others[0]!) },
      ];
    },
  },
  {
    weight: 4,
    kind: "infection",
    reports: (rng) => [
      { hours: rng.between(4, 12), symptoms: [g("erythema", 1)] },
      { hours: rng.between(36, 60), symptoms: [g("infection", rng.chance(0.6) ? 1 : 2), g("erythema", 2), g("swelling", 1)], note: CONCERNING_NOTES.infection },
      { hours: rng.between(130, 170), symptoms: [g("infection", 0), g("erythema", 1), g("swelling", 0)] },
      { hours: rng.between(220, 260), symptoms: clear("infection", "erythema", "swelling") },
    ],
  },
  {
    weight: 3,
    kind: "blistering",
    reports: (rng) => [
      { hours: rng.between(30, 60), symptoms: [g("blistering", 1), g("erythema", 1)], note: CONCERNING_NOTES.blistering },
      { hours: rng.between(110, 140), symptoms: clear("blistering", "erythema") },
    ],
  },
  {
    weight: 2,
    kind: "nodules",
    reports: (rng) => [
      { hours: rng.between(4, 10), symptoms: [g("erythema", 1)] },
      { hours: rng.between(30, 44), symptoms: clear("erythema") },
      { hours: rng.between(170, 330), symptoms: [g("nodules", 1)], note: CONCERNING_NOTES.nodules },
      { hours: rng.between(500, 700), symptoms: clear("nodules") },
    ],
  },
];

/** A patient who stops reporting leaves the episode without its all-clear: it never reads as healed. */
const STOPS_REPORTING = 0.15;

export function planEpisode(rng: Rng, skinType: number): PlannedReport[] {
  const reports = rng.weighted(EPISODES).reports(rng, skinType);
  return reports.length > 1 && rng.chance(STOPS_REPORTING) ? reports.slice(0, -1) : reports;
}

/** Longer needles (and clinic depths used at home) bring more reactions. */
export function episodeChance(needleMm: number): number {
  if (needleMm > 1.0 + 1e-9) return 0.6;
  if (needleMm > 0.75 + 1e-9) return 0.33;
  if (needleMm > 0.5 + 1e-9) return 0.25;
  if (needleMm > 0.3 + 1e-9) return 0.16;
  return 0.105;
}
