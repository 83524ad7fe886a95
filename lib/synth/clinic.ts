import type { Db } from "@/db/connection";
import { defaultClinicSettings } from "@/lib/domain/clinic-settings";
import { NORTHSIDE } from "@/lib/seed/demo-data";
import type { ClinicContext, Staff } from "./context";
import type { Rng } from "./random";
import type { RowWriter } from "./statements";
import { DAY, iso } from "./time";
import { SYNTHETIC_CLINICIANS } from "./vocabulary";

type UserRow = { id: string; email: string; name: string; role: string; password_hash: string | null };

const staffIp = (index: number) => `10.20.0.${11 + index}`;

/** Northside's id and accounts as the demo seed left them; null while the demo is not seeded. */
export function findNorthside(db: Db): { clinicId: string; users: UserRow[] } | null {
  const clinic = db.$client.prepare("select id from clinics where name = ?").get(NORTHSIDE) as { id: string } | undefined;
  if (!clinic) return null;
  const users = db.$client
    .prepare("select id, email, name, role, password_hash from users where clinic_id = ? and role in ('clinician', 'admin') order by email")
    .all(clinic.id) as UserRow[];
  return { clinicId: clinic.id, users };
}

/**
 * A database is synthesized once: the generated accounts are unique, and mixing two runs would make
 * neither reproducible.
 */
export function assertNotSynthesized(db: Db): void {
  const found = db.$client.prepare("select 1 from users where email = ?").get(SYNTHETIC_CLINICIANS[0].email);
  if (found) throw new Error("This database already holds synthetic data; point DATABASE_URL at a fresh file.");
}

/**
 * Adds the synthetic clinicians to Northside (same password as the demo accounts) and returns the
 * context every patient shares. The clinic's rules are DOMAIN.md's defaults, as the demo clinic
 * has them (it has no clinic_settings row).
 */
export function growNorthside(db: Db, rng: Rng, writer: RowWriter, history: { start: number; now: number }): ClinicContext {
  const northside = findNorthside(db);
  if (!northside) throw new Error(`${NORTHSIDE} is missing: seed the demo clinic first.`);
  const byEmail = new Map(northside.users.map((u) => [u.email, u]));
  const rivera = byEmail.get("rivera@northside.test");
  const okafor = byEmail.get("okafor@northside.test");
  const admin = byEmail.get("admin@northside.test");
  if (!rivera?.password_hash || !okafor || !admin) throw new Error("The demo accounts of Northside are incomplete.");

  // They joined before the history begins: every report in it has a clinician who was there.
  const joined = iso(history.start - 30 * DAY);
  const added: Staff[] = SYNTHETIC_CLINICIANS.map((c, i) => {
    const id = rng.uuid();
    writer.add("user", [id, northside.clinicId, c.email, c.name, "clinician", rivera.password_hash, joined, joined]);
    return { id, name: c.name, role: "clinician", ip: staffIp(i + 2) };
  });
  const settings = defaultClinicSettings();
  return {
    clinicId: northside.clinicId,
    clinicians: [{ id: rivera.id, name: rivera.name, role: "clinician", ip: staffIp(0) }, { id: okafor.id, name: okafor.name, role: "clinician", ip: staffIp(1) }, ...added],
    admin: { id: admin.id, name: admin.name, role: "admin", ip: staffIp(9) },
    settings,
    rules: { intervalFloors: settings.intervalFloors, rednessExtraSpacingDays: settings.rednessExtraSpacingDays },
    now: history.now,
    passwordHash: rivera.password_hash,
    writer,
  };
}
