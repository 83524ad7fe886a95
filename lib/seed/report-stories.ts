import type { SymptomCode } from "@/lib/domain/reactions";
import type { reportWriter } from "./reports";

type Writer = ReturnType<typeof reportWriter>;
type Story = (w: Writer, clinicianId: string) => void;

const range = (from: number, to: number, step: number) => Array.from({ length: Math.floor((from - to) / step) + 1 }, (_, i) => from - i * step);
const mild = [{ symptom: "erythema" as const, grade: 1 }];
/** A follow-up report: these symptoms are gone. */
const settled = (...symptoms: SymptomCode[]) => symptoms.map((symptom) => ({ symptom, grade: 0 }));

/** 90 days of home care per demo patient (by MRN), told in days before the seed runs. */
export const REPORT_STORIES: Record<string, Story> = {
  // Jordan Lee: regular on-plan sessions, mild redness that fades in 2–3 days, one moderate episode.
  "NS-100001": (w) => {
    const faces = range(88, 4, 7);
    const necks = range(85, 15, 10);
    const face: Record<number, string> = {};
    faces.forEach((d, i) => (face[d] = w.session(d, "face", i < 3 ? 0.25 : 0.5, { patchTest: i === 0 ? true : undefined })));
    necks.forEach((d) => w.session(d, "neck", 0.25));
    // Each episode is followed by an all-clear, so her healing time reads about two days, four after the moderate one.
    w.reaction(face[88]!, 88, 5, mild);
    w.reaction(face[88]!, 88, 50, settled("erythema"));
    w.reaction(face[74]!, 74, 8, [...mild, { symptom: "dryness", grade: 1 }]);
    w.reaction(face[74]!, 74, 56, settled("erythema", "dryness"));
    w.reaction(face[53]!, 53, 6, mild);
    w.reaction(face[53]!, 53, 44, settled("erythema"));
    w.reaction(face[46]!, 46, 10, [{ symptom: "erythema", grade: 2 }, { symptom: "swelling", grade: 1 }, { symptom: "pain", grade: 2 }], { notes: "Stung more than usual, cheeks puffy this morning." });
    w.reaction(face[46]!, 46, 50, [...mild, ...settled("swelling", "pain")], { notes: "Much better, just a little pink." });
    w.reaction(face[46]!, 46, 98, settled("erythema", "swelling", "pain"));
    w.reaction(face[25]!, 25, 6, mild);
    w.reaction(face[25]!, 25, 46, settled("erythema"));
    w.reaction(face[4]!, 4, 6, [...mild, { symptom: "itching", grade: 1 }]);
  },
  "SB-200001": (w) => {
    const sessions = range(36, 4, 4).map((d) => [d, w.session(d, "face", 0.25, { patchTest: d === 36 ? true : undefined })] as const);
    w.reaction(sessions[0]![1], 36, 6, mild);
    w.reaction(sessions[4]![1], 20, 5, [{ symptom: "dryness", grade: 1 }]);
  },
};

/** Stories for the generated Northside patients, by position (matching GENERATED_HISTORIES). */
export const GENERATED_REPORT_STORIES: (Story | null)[] = [
  // Approved face 0.25 mm every 3 days: one session with a longer needle, one too soon.
  (w, clinician) => {
    for (const d of range(75, 23, 4)) w.session(d, "face", 0.25);
    w.session(20, "face", 0.5, { notes: "Borrowed my sister's roller.", followUp: { status: "acknowledged", by: clinician } });
    for (const d of [16, 12, 8, 5]) w.session(d, "face", 0.25);
    w.session(3, "face", 0.25);
  },
  // Approved neck and décolletage: a session on the face, which the plan does not include.
  (w) => {
    for (const d of range(60, 4, 7)) w.session(d, "neck", 0.25);
    w.session(8, "face", 0.25);
  },
  // Approved scalp: redness still there four days after a session.
  (w) => {
    const ids = range(56, 7, 7).map((d) => [d, w.session(d, "scalp", 0.5)] as const);
    const [lastDay, lastId] = ids.at(-1)!;
    w.reaction(lastId, lastDay, 96, mild, { notes: "Scalp still red and a bit tender." });
  },
  // Suspended after an infection: the alert was resolved with the suspension (plan version 2).
  (w, clinician) => {
    const ids = range(84, 14, 7).map((d) => [d, w.session(d, "face", 0.5)] as const);
    const [lastDay, lastId] = ids.at(-1)!;
    w.reaction(lastId, lastDay, 40, [{ symptom: "infection", grade: 2 }, { symptom: "erythema", grade: 2 }, { symptom: "swelling", grade: 1 }], {
      notes: "Yellow crust on the left cheek, warm to touch.",
      followUp: { status: "resolved", by: clinician, note: "Seen in clinic; impetigo treated. Home plan suspended until reviewed.", suspendedPlanVersion: 2 },
    });
  },
  null,
  // Plan expired nine days ago; the patient carried on.
  (w) => {
    for (const d of [40, 30, 20, 12]) w.session(d, "face", 0.25);
    w.session(3, "face", 0.25);
  },
  null,
  null,
  // Approved 0.75 mm every 14 days: a severe reaction yesterday.
  (w) => {
    const ids = [43, 29, 15, 1].map((d) => [d, w.session(d, "face", 0.75)] as const);
    const [lastDay, lastId] = ids.at(-1)!;
    w.reaction(lastId, lastDay, 6, [{ symptom: "pain", grade: 3 }, { symptom: "erythema", grade: 2 }, { symptom: "bleeding", grade: 1 }], {
      notes: "Very painful, could not wash my face.",
    });
  },
];
