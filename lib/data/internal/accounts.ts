import "server-only";
// Internal to lib/data: no access checks here; callers must have authorized the actor first.
import { eq } from "drizzle-orm";
import type { Reader, Tx } from "@/db";
import { users } from "@/db/schema";
import type { STAFF_ROLES } from "@/lib/auth/types";

/** Whether any account, of any clinic and role, already signs in with this (normalized) email. */
export function emailInUse(db: Reader, email: string): boolean {
  return db.select({ id: users.id }).from(users).where(eq(users.email, email)).get() !== undefined;
}

export type NewStaffAccount = {
  email: string;
  name: string;
  role: (typeof STAFF_ROLES)[number];
  clinicId: string;
  /** Null for an invited account: it cannot sign in until its owner sets a password from a link. */
  passwordHash: string | null;
};

/** Adds a staff account (the CLI's first admin, an admin's invitation); the caller checked the email. */
export function insertStaffAccount(tx: Tx, account: NewStaffAccount): string {
  return tx.insert(users).values(account).returning({ id: users.id }).get().id;
}
