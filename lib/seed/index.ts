import { count } from "drizzle-orm";
import { hashPassword } from "@/lib/auth/password";
import type { Db } from "@/db/connection";
import { clinics, patients, users } from "@/db/schema";
import { recordAudit } from "@/lib/data/audit";
import { todayIso } from "@/lib/domain/dates";
import { GENERATED_HISTORIES, NAMED_HISTORIES } from "./clinical-data";
import { patientIdByMrn, seedHistory, seedTemplates } from "./clinical";
import { ensurePortalAccount, hasSessions, hasStory } from "./portal-accounts";
import { GENERATED_REPORT_STORIES, REPORT_STORIES } from "./report-stories";
import { reportWriter } from "./reports";
import { CLINIC_PHONES, DEMO_ACCOUNTS, DEMO_PASSWORD, NAMED_PATIENTS, NORTHSIDE, generatedPatients } from "./demo-data";

export function isDatabaseEmpty(db: Db): boolean {
  return (db.select({ n: count() }).from(clinics).get()?.n ?? 0) === 0;
}

/**
 * Inserts the demo clinics, accounts and patients that are missing; rows that already exist are
 * left as they are, so running it twice changes nothing.
 */
export async function seedDemo(db: Db): Promise<{ users: number; patients: number }> {
  const existing = new Set(db.select({ email: users.email }).from(users).all().map((u) => u.email));
  // Generated patients with a home-care story get portal accounts too (same demo password).
  const storyHashes = new Map<string, string>();
  for (const p of generatedPatients()) if (hasStory(p.mrn)) storyHashes.set(p.mrn, await hashPassword(DEMO_PASSWORD));
  const hashes = new Map<string, string>();
  for (const account of DEMO_ACCOUNTS) {
    if (!existing.has(account.email)) hashes.set(account.email, await hashPassword(DEMO_PASSWORD));
  }

  return db.transaction(
    (tx) => {
      const clinicNames = [...new Set(DEMO_ACCOUNTS.map((a) => a.clinic))];
      tx.insert(clinics).values(clinicNames.map((name) => ({ name, phone: CLINIC_PHONES[name] ?? null }))).onConflictDoNothing().run();
      const clinicId = new Map(tx.select().from(clinics).all().map((c) => [c.name, c.id]));
      const idOf = (name: string) => clinicId.get(name) ?? fail(`clinic ${name}`);

      let addedUsers = 0;
      for (const account of DEMO_ACCOUNTS) {
        const passwordHash = hashes.get(account.email);
        if (!passwordHash) continue;
        tx.insert(users)
          .values({ email: account.email, name: account.name, role: account.role, clinicId: idOf(account.clinic), passwordHash })
          .onConflictDoNothing()
          .run();
        addedUsers += 1;
      }
      const userId = new Map(tx.select({ id: users.id, email: users.email }).from(users).all().map((u) => [u.email, u.id]));
      const userOf = (email: string) => userId.get(email) ?? fail(`user ${email}`);

      let addedPatients = 0;
      const everyone = [...NAMED_PATIENTS, ...generatedPatients()];
      for (const p of everyone) {
        const result = tx
          .insert(patients)
          .values({
            clinicId: idOf(p.clinic),
            responsibleClinicianId: userOf(p.clinicianEmail),
            userId: p.portalEmail ? userOf(p.portalEmail) : null,
            mrn: p.mrn,
            name: p.name,
            dateOfBirth: p.dateOfBirth,
            skinType: p.skinType,
            phone: p.phone ?? null,
          })
          .onConflictDoNothing()
          .run();
        addedPatients += result.changes;
      }
      const today = todayIso();
      let histories = 0;
      for (const clinicIdValue of clinicId.values()) seedTemplates(tx, clinicIdValue);
      const generated = everyone.slice(NAMED_PATIENTS.length).filter((p) => p.clinic === NORTHSIDE);
      const stories = [
        ...NAMED_PATIENTS.map((p) => [p, NAMED_HISTORIES[p.mrn] ?? null] as const),
        ...generated.map((p, i) => [p, GENERATED_HISTORIES[i] ?? null] as const),
      ];
      for (const [p, history] of stories) {
        const patientId = history && patientIdByMrn(tx, idOf(p.clinic), p.mrn);
        if (patientId && seedHistory(tx, patientId, userOf(p.clinicianEmail), history, today)) histories += 1;
      }
      let reportStories = 0;
      const storyOf = new Map<string, (typeof GENERATED_REPORT_STORIES)[number]>([
        ...Object.entries(REPORT_STORIES),
        ...generated.map((p, i) => [p.mrn, GENERATED_REPORT_STORIES[i] ?? null] as const),
      ]);
      for (const p of everyone) {
        const story = storyOf.get(p.mrn);
        const patientId = story && patientIdByMrn(tx, idOf(p.clinic), p.mrn);
        if (!story || !patientId || hasSessions(tx, patientId)) continue;
        const reporterId = ensurePortalAccount(tx, patientId, storyHashes.get(p.mrn));
        story(reportWriter({ tx, patientId, clinicId: idOf(p.clinic), reporterId, reviewerId: userOf(p.clinicianEmail), now: Date.now() }), userOf(p.clinicianEmail));
        reportStories += 1;
      }
      recordAudit(tx, { action: "system.seed_demo", outcome: "success", detail: { addedUsers, addedPatients, histories, reportStories } });
      return { users: addedUsers, patients: addedPatients };
    },
    { behavior: "immediate" },
  );
}

function fail(what: string): never {
  throw new Error(`Demo seed is inconsistent: missing ${what}`);
}

