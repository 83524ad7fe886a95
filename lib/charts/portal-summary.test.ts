import { describe, expect, it } from "vitest";
import type { PatientCharts } from "./types";
import { describeRecovery } from "./portal-summary";

const TO = "2026-03-31T12:00:00.000Z";
const daysBefore = (d: number) => new Date(Date.parse(TO) - d * 86_400_000).toISOString();
type Symptoms = PatientCharts["reactions"][number]["symptoms"];

/** A course built from sessions (days before TO), each with its reported symptoms and healing days. */
function course(entries: { ago: number; symptoms?: Symptoms; days?: number | null }[], extra: Partial<PatientCharts> = {}) {
  const sessions = entries.map((e, i) => ({ id: `s${i}`, performedAt: daysBefore(e.ago), area: "face", needleMm: 0.5, flags: [] }));
  const withReaction = entries.map((e, i) => ({ ...e, id: `s${i}` })).filter((e) => e.symptoms);
  return {
    to: TO,
    sessions,
    reactions: withReaction.map((e) => ({ id: `r-${e.id}`, reportedAt: daysBefore(e.ago - 0.25), sessionId: e.id, symptoms: e.symptoms! })),
    healing: withReaction.map((e) => ({ sessionId: e.id, performedAt: daysBefore(e.ago), area: "face", days: e.days ?? null })),
    ...extra,
  };
}

const redness = (grade = 1): Symptoms => [{ symptom: "erythema", grade }];

describe("describeRecovery", () => {
  it("says redness settled within the slowest healing time after each of the last sessions", () => {
    const c = course([30, 23, 16, 9].map((ago, i) => ({ ago, symptoms: redness(), days: [1.5, 2, 1.2, 0.8][i] })));
    expect(describeRecovery(c)).toBe("Redness has settled within 2 days after each of your last 4 sessions.");
  });

  it("counts only the sessions since the last unknown one, and rounds part days up", () => {
    const c = course([
      { ago: 40, symptoms: redness(), days: null },
      { ago: 30, symptoms: redness(), days: 2.1 },
      { ago: 20, symptoms: redness(), days: 1 },
    ]);
    expect(describeRecovery(c)).toBe(
      "Redness has settled within 3 days after each of your last 2 sessions. You have not yet reported that your skin settled after 1 earlier session.",
    );
  });

  it("does not claim 'each of your last sessions' when some sessions had no report", () => {
    const c = course([{ ago: 30, symptoms: redness(), days: 1 }, { ago: 20 }, { ago: 10, symptoms: redness(), days: 0.5 }]);
    expect(describeRecovery(c)).toBe("Redness has settled within a day after each of the last 2 sessions you reported a reaction for.");
  });

  it("names two symptoms, or 'your reactions' for more", () => {
    const two = course([{ ago: 9, symptoms: [...redness(), { symptom: "dryness", grade: 1 }], days: 3 }]);
    expect(describeRecovery(two)).toBe("Redness and dryness or flaking have settled within 3 days after your last session.");
    const three = course([{ ago: 9, symptoms: [...redness(), { symptom: "swelling", grade: 1 }, { symptom: "itching", grade: 1 }], days: 2 }]);
    expect(describeRecovery(three)).toBe("Your reactions have settled within 2 days after your last session.");
  });

  it("says a report that graded nothing above none settled the same day", () => {
    const c = course([{ ago: 5, symptoms: [{ symptom: "erythema", grade: 0 }], days: 0 }]);
    expect(describeRecovery(c)).toBe("Your skin has settled on the same day after your last session.");
  });

  it("says a recent session is still settling, naming what its latest report still shows", () => {
    const c = course([{ ago: 2, symptoms: [{ symptom: "swelling", grade: 1 }], days: null }]);
    expect(describeRecovery(c)).toBe("Swelling is still settling after your session 2 days ago. Keep reporting how it feels, and contact your clinic if it gets worse.");
  });

  it("adds how the sessions before a still-healing one went", () => {
    const c = course([
      { ago: 15, symptoms: redness(), days: 2 },
      { ago: 8, symptoms: redness(), days: 1.5 },
      { ago: 1, symptoms: redness(2), days: null },
    ]);
    expect(describeRecovery(c)).toBe("Redness is still settling after your session yesterday; before that, redness has settled within 2 days after each of the 2 sessions before it.");
  });

  it("counts 'yesterday' in clinic days: a session at 23:30 is yesterday by the next morning", () => {
    const late = { ...course([{ ago: 0, symptoms: redness(), days: null }]), to: "2026-07-08T07:00:00.000Z" };
    late.sessions[0]!.performedAt = late.healing[0]!.performedAt = "2026-07-07T22:30:00.000Z";
    // 23:30 BST on 7 Jul to 08:00 BST on 8 Jul: under 24 hours, yet yesterday on the clinic's calendar.
    expect(describeRecovery(late, undefined, "Europe/London")).toMatch(/after your session yesterday\./);
    // In Tokyo both moments fall on 8 Jul (07:30 and 16:00).
    expect(describeRecovery(late, undefined, "Asia/Tokyo")).toMatch(/after your session today\./);
  });

  it("does not guess that an old unresolved reaction is still there", () => {
    const c = course([{ ago: 20, symptoms: redness(), days: null }]);
    expect(describeRecovery(c)).toMatch(/^You have not yet reported that your skin settled after your session 20 days ago\./);
  });

  it("handles no reactions, no sessions and nothing at all", () => {
    expect(describeRecovery(course([{ ago: 10 }, { ago: 3 }]))).toBe("You logged 2 sessions in the last 90 days and reported no reactions after them.");
    expect(describeRecovery(course([]))).toBe("You have not logged any sessions or reactions in the last 90 days.");
    const reactionOnly = course([], { reactions: [{ id: "r", reportedAt: daysBefore(3), sessionId: null, symptoms: redness() }] });
    expect(describeRecovery(reactionOnly, "the last 30 days")).toBe("You have not logged any sessions in the last 30 days; the chart shows the reactions you reported.");
  });

  it("names warning signs first with what to do, never as 'still settling'", () => {
    const c = course([{ ago: 2, symptoms: [{ symptom: "infection", grade: 3 }, { symptom: "fever", grade: 2 }, { symptom: "blistering", grade: 2 }], days: null }]);
    expect(describeRecovery(c)).toBe(
      "You reported warning signs: signs of infection, fever or feeling unwell and grouped blisters on 29 Mar 2026. " +
        "These are not part of normal healing: stop microneedling and contact your clinic; if they get worse, seek urgent care.",
    );
    expect(describeRecovery(c)).not.toMatch(/settling/);
  });

  it("keeps the other symptoms of a warning report as still settling, after the warning", () => {
    const c = course([{ ago: 1, symptoms: [{ symptom: "nodules", grade: 1 }, ...redness(2)], days: null }]);
    expect(describeRecovery(c)).toBe(
      "You reported a warning sign: new bumps or lumps days later on 30 Mar 2026. This is not part of normal healing: stop microneedling and contact your clinic; " +
        "if it gets worse, seek urgent care. Redness is still settling after your session yesterday. Keep reporting how it feels, and contact your clinic if it gets worse.",
    );
  });

  it("calls any grade 3 a warning sign ('severe …')", () => {
    const c = course([{ ago: 3, symptoms: [{ symptom: "pain", grade: 3 }], days: null }]);
    expect(describeRecovery(c)).toMatch(/^You reported a warning sign: severe pain or burning on 28 Mar 2026\. This is not part of normal healing/);
  });

  it("includes a newer report linked to an older session (Lee's neck infection)", () => {
    const c = course([
      { ago: 10, symptoms: redness(), days: null },
      { ago: 1, symptoms: redness(), days: null },
    ]);
    c.sessions[0]!.area = c.healing[0]!.area = "neck";
    // The neck infection was reported yesterday, linked to the neck session ten days ago.
    c.reactions.push({ id: "r-neck", reportedAt: daysBefore(1), sessionId: "s0", symptoms: [...redness(), { symptom: "infection", grade: 2 }] });
    expect(describeRecovery(c)).toBe(
      "You reported a warning sign: signs of infection on 30 Mar 2026. This is not part of normal healing: stop microneedling and contact your clinic; " +
        "if it gets worse, seek urgent care. Redness is still settling after your face session yesterday. Redness is still settling after your neck session 10 days ago. " +
        "Keep reporting how it feels, and contact your clinic if it gets worse.",
    );
  });

  it("drops a warning sign a later report on the same session shows gone, and keeps one on another session", () => {
    const c = course([{ ago: 9, symptoms: [{ symptom: "infection", grade: 1 }], days: 4 }]);
    c.reactions.push({ id: "r-later", reportedAt: daysBefore(5), sessionId: "s0", symptoms: [{ symptom: "infection", grade: 0 }] });
    expect(describeRecovery(c)).toBe("Signs of infection has settled within 4 days after your last session.");
    c.reactions.push({ id: "r-other", reportedAt: daysBefore(4), sessionId: null, symptoms: [{ symptom: "fever", grade: 1 }] });
    expect(describeRecovery(c)).toMatch(/^You reported a warning sign: fever or feeling unwell on 27 Mar 2026\./);
  });

  it("names the three newest warning reports and counts the rest", () => {
    const reactions = [20, 15, 10, 5].map((ago, i) => ({ id: `w${i}`, reportedAt: daysBefore(ago), sessionId: null, symptoms: [{ symptom: "scarring" as const, grade: 1 }] }));
    const c = course([{ ago: 30 }], { reactions });
    expect(describeRecovery(c)).toMatch(
      /^You reported warning signs: lines or scratch marks in the skin on 26 Mar 2026; lines or scratch marks in the skin on 21 Mar 2026; lines or scratch marks in the skin on 16 Mar 2026; and 1 earlier report\. These are/,
    );
    expect(describeRecovery(c)).toMatch(/seek urgent care\. You logged 1 session in the last 90 days; the chart shows the reactions you reported\.$/);
  });
});
