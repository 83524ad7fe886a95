import { eq } from "drizzle-orm";
import type { Db } from "@/db/connection";
import { patients, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/types";

/** The signed-in identity of a seeded account, as the guards would build it. */
export function actorFor(db: Db, email: string): Actor {
  const row = db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, clinicId: users.clinicId, patientId: patients.id })
    .from(users)
    .leftJoin(patients, eq(patients.userId, users.id))
    .where(eq(users.email, email))
    .get();
  if (!row) throw new Error(`No seeded account ${email}`);
  return { ...row, ip: "127.0.0.1" };
}

export function patientIdByName(db: Db, name: string): string {
  const row = db.select({ id: patients.id }).from(patients).where(eq(patients.name, name)).get();
  if (!row) throw new Error(`No seeded patient ${name}`);
  return row.id;
}
