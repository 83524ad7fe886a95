import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const ROLES = ["admin", "clinician", "patient"] as const;
export type Role = (typeof ROLES)[number];

export const AUDIT_OUTCOMES = ["success", "failure", "denied"] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

const id = () =>
  text("id")
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID());
/** Timestamps are ISO-8601 UTC strings: readable in the file and sortable as text. */
const timestamp = (name: string) =>
  text(name)
    .notNull()
    .$defaultFn(() => new Date().toISOString());

export const clinics = sqliteTable("clinics", {
  id: id(),
  name: text("name").notNull().unique(),
  createdAt: timestamp("created_at"),
});

export const users = sqliteTable(
  "users",
  {
    id: id(),
    clinicId: text("clinic_id")
      .notNull()
      .references(() => clinics.id),
    email: text("email").notNull().unique(),
    name: text("name").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    /** Null until an invited patient sets a password. */
    passwordHash: text("password_hash"),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    /** Bumped to revoke every session the user holds. */
    sessionVersion: integer("session_version").notNull().default(1),
    failedLoginCount: integer("failed_login_count").notNull().default(0),
    lockedUntil: text("locked_until"),
    lastLoginAt: text("last_login_at"),
    createdAt: timestamp("created_at"),
    updatedAt: timestamp("updated_at"),
  },
  (t) => [
    index("users_clinic_idx").on(t.clinicId),
    check("users_role_check", sql`${t.role} in ('admin', 'clinician', 'patient')`),
    check("users_email_lowercase", sql`${t.email} = lower(${t.email})`),
  ],
);

export const patients = sqliteTable(
  "patients",
  {
    id: id(),
    clinicId: text("clinic_id")
      .notNull()
      .references(() => clinics.id),
    responsibleClinicianId: text("responsible_clinician_id")
      .notNull()
      .references(() => users.id),
    /** The patient's portal account, once invited. */
    userId: text("user_id").references(() => users.id),
    mrn: text("mrn").notNull(),
    name: text("name").notNull(),
    /** Calendar date, YYYY-MM-DD. */
    dateOfBirth: text("date_of_birth").notNull(),
    /** Fitzpatrick skin type, 1 (I) to 6 (VI). */
    skinType: integer("skin_type").notNull(),
    createdAt: timestamp("created_at"),
    updatedAt: timestamp("updated_at"),
  },
  (t) => [
    uniqueIndex("patients_clinic_mrn_unique").on(t.clinicId, t.mrn),
    uniqueIndex("patients_user_unique").on(t.userId),
    index("patients_clinic_name_idx").on(t.clinicId, t.name),
    index("patients_clinician_idx").on(t.responsibleClinicianId),
    check("patients_skin_type_check", sql`${t.skinType} between 1 and 6`),
  ],
);

/**
 * Append-only: triggers in the migrations reject UPDATE and DELETE. No foreign keys, so the
 * trail never blocks, and never loses, a record of what happened.
 */
export const auditEvents = sqliteTable(
  "audit_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    occurredAt: timestamp("occurred_at"),
    actorId: text("actor_id"),
    actorRole: text("actor_role"),
    clinicId: text("clinic_id"),
    action: text("action").notNull(),
    patientId: text("patient_id"),
    outcome: text("outcome", { enum: AUDIT_OUTCOMES }).notNull(),
    ip: text("ip"),
    /** JSON: the before/after summary or the reason for a failure. */
    detail: text("detail"),
  },
  (t) => [
    index("audit_occurred_idx").on(t.occurredAt),
    index("audit_patient_idx").on(t.patientId, t.occurredAt),
    index("audit_actor_idx").on(t.actorId, t.occurredAt),
    index("audit_clinic_idx").on(t.clinicId, t.occurredAt),
  ],
);

export type UserRow = typeof users.$inferSelect;
export type PatientRow = typeof patients.$inferSelect;
export type AuditEventRow = typeof auditEvents.$inferSelect;
