import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";

/** A real round trip: the schema must be migrated and readable, not just the file openable. */
export function checkDatabase(): void {
  getDb().get(sql`select count(*) from clinics`);
}
