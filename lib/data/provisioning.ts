import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { clinics } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { ConflictError } from "@/lib/errors";
import type { UserCreateInput } from "@/lib/validation/auth";
import { recordAudit } from "./audit";
import { emailInUse, insertStaffAccount } from "./internal/accounts";

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
      if (emailInUse(tx, input.email)) {
        throw new ConflictError(`An account with the email ${input.email} already exists.`);
      }
      let clinic = tx.select({ id: clinics.id }).from(clinics).where(eq(clinics.name, input.clinic)).get();
      const clinicCreated = !clinic;
      clinic ??= tx.insert(clinics).values({ name: input.clinic }).returning({ id: clinics.id }).get();
      const userId = insertStaffAccount(tx, { email: input.email, name: input.name, role: input.role, clinicId: clinic.id, passwordHash });
      recordAudit(tx, {
        action: "user.create",
        outcome: "success",
        clinicId: clinic.id,
        detail: { via: "cli", userId, email: input.email, role: input.role, clinicCreated },
      });
      return { userId, clinicId: clinic.id, clinicCreated };
    },
    { behavior: "immediate" },
  );
}
