import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { clinics, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { ConflictError } from "@/lib/errors";
import type { UserCreateInput } from "@/lib/validation/auth";
import { recordAudit } from "./audit";

/**
 * Creates a staff account from the command line (`npm run user:create`): the way a new deployment
 * gets its first admin. Runs with machine access, so there is no signed-in actor to authorize;
 * the audit trail records it as done through the CLI.
 */
export async function provisionStaffAccount(
  db: Db,
  input: UserCreateInput,
): Promise<{ userId: string; clinicId: string; clinicCreated: boolean }> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(
    (tx) => {
      if (tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).get()) {
        throw new ConflictError(`An account with the email ${input.email} already exists.`);
      }
      let clinic = tx.select({ id: clinics.id }).from(clinics).where(eq(clinics.name, input.clinic)).get();
      const clinicCreated = !clinic;
      clinic ??= tx.insert(clinics).values({ name: input.clinic }).returning({ id: clinics.id }).get();
      const user = tx
        .insert(users)
        .values({ email: input.email, name: input.name, role: input.role, clinicId: clinic.id, passwordHash })
        .returning({ id: users.id })
        .get();
      recordAudit(tx, {
        action: "user.create",
        outcome: "success",
        clinicId: clinic.id,
        detail: { via: "cli", userId: user.id, email: input.email, role: input.role, clinicCreated },
      });
      return { userId: user.id, clinicId: clinic.id, clinicCreated };
    },
    { behavior: "immediate" },
  );
}
