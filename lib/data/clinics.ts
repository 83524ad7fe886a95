import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { clinics } from "@/db/schema";
import type { Actor } from "@/lib/auth/types";

export function getOwnClinicName(actor: Actor): string {
  return getDb().select({ name: clinics.name }).from(clinics).where(eq(clinics.id, actor.clinicId)).get()?.name ?? "";
}
