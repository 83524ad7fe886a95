import { openDatabase } from "@/db/connection";
import { BENCH_ACCOUNTS } from "./sign-in";

export type DataSize = { patients: number; sessions: number; reactions: number; alerts: number; openAlerts: number; planVersions: number };

export type DatasetFacts = {
  size: DataSize;
  /** The staff account's clinic patient with the most sessions: the heaviest detail, chart and list reads. */
  longest: { id: string; name: string; sessions: number };
  /** The portal account's own patient record. */
  portalPatientId: string;
  /** Patients the session writes rotate over, so no single patient's rows are the only hot spot. */
  writePatientIds: string[];
  /** A roster search that matches many names, and the page count of the roster. */
  searchTerm: string;
  rosterPages: number;
};

const WRITE_SPREAD = 1000;
const ROSTER_PAGE_SIZE = 20;

/** Read straight from the run copy before the server starts, so targets name real, heavy records. */
export function readDatasetFacts(file: string): DatasetFacts {
  const db = openDatabase(file).$client;
  try {
    const n = (table: string, where = "", ...params: string[]) => (db.prepare(`select count(*) as n from ${table} ${where}`).get(...params) as { n: number }).n;
    const clinicId = (db.prepare("select clinic_id as id from users where email = ?").get(BENCH_ACCOUNTS.staff.email) as { id: string } | undefined)?.id;
    if (!clinicId) throw new Error(`The dataset has no ${BENCH_ACCOUNTS.staff.email}; regenerate it with --fresh.`);
    const longest = db
      .prepare(
        `select p.id, p.name, count(s.id) as sessions from patients p left join home_sessions s on s.patient_id = p.id
         where p.clinic_id = ? group by p.id order by sessions desc, p.id limit 1`,
      )
      .get(clinicId) as DatasetFacts["longest"] | undefined;
    const portal = db
      .prepare("select p.id from patients p join users u on u.id = p.user_id where u.email = ?")
      .get(BENCH_ACCOUNTS.patient.email) as { id: string } | undefined;
    if (!longest || !portal) throw new Error("The dataset lacks the demo patients; regenerate it with --fresh.");
    const writePatientIds = (db.prepare("select id from patients where clinic_id = ? order by id limit ?").all(clinicId, WRITE_SPREAD) as { id: string }[]).map(
      (r) => r.id,
    );
    const clinicPatients = n("patients", "where clinic_id = ?", clinicId);
    return {
      size: {
        patients: n("patients"),
        sessions: n("home_sessions"),
        reactions: n("reactions"),
        alerts: n("alerts"),
        openAlerts: n("alerts", "where status = 'open'"),
        planVersions: n("plan_versions"),
      },
      longest,
      portalPatientId: portal.id,
      writePatientIds,
      searchTerm: pickSearchTerm(db, clinicId),
      rosterPages: Math.max(1, Math.ceil(clinicPatients / ROSTER_PAGE_SIZE)),
    };
  } finally {
    db.close();
  }
}

/** The clinic's most common family name: a realistic search (a name fragment) that matches many rows. */
function pickSearchTerm(db: ReturnType<typeof openDatabase>["$client"], clinicId: string): string {
  const row = db
    .prepare(
      `select substr(name, instr(name, ' ') + 1) as family, count(*) as n from patients
       where clinic_id = ? and instr(name, ' ') > 0 group by family order by n desc, family limit 1`,
    )
    .get(clinicId) as { family: string } | undefined;
  return row?.family ?? "a";
}
