import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { DEVICES, PLAN_DECISIONS } from "../lib/domain/clinical";
import { ROLES } from "../lib/domain/roles";

export { ROLES, type Role } from "../lib/domain/roles";

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
  /** The number a patient told to stop is asked to call (the portal's stop banner). */
  phone: text("phone"),
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
    /** TOTP secret, encrypted at rest (lib/auth/secret-box.ts); set once enrolment is confirmed. */
    mfaSecret: text("mfa_secret"),
    /** A secret offered at enrolment, not yet confirmed with a code. */
    mfaPendingSecret: text("mfa_pending_secret"),
    mfaEnabledAt: text("mfa_enabled_at"),
    /** The TOTP time step last accepted, so a code is never accepted twice (RFC 6238 §5.2). */
    mfaLastStep: integer("mfa_last_step"),
    passwordChangedAt: text("password_changed_at"),
    createdAt: timestamp("created_at"),
    updatedAt: timestamp("updated_at"),
  },
  (t) => [
    index("users_clinic_idx").on(t.clinicId),
    /** The staff list: a clinic's admins and clinicians by name, without walking its patients' portal accounts. */
    index("users_clinic_role_name_idx").on(t.clinicId, t.role, t.name),
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
    /** How staff reach a patient without portal access who must be told to stop. */
    phone: text("phone"),
    /**
     * The latest plan decision, copied by a trigger when a plan version is inserted (migration 0008),
     * so the roster finds, filters and sorts on it through an index instead of a max(version) per row.
     */
    currentPlanVersion: integer("current_plan_version"),
    currentDecision: text("current_decision", { enum: PLAN_DECISIONS }),
    currentReviewBy: text("current_review_by"),
    createdAt: timestamp("created_at"),
    updatedAt: timestamp("updated_at"),
  },
  (t) => [
    uniqueIndex("patients_clinic_mrn_unique").on(t.clinicId, t.mrn),
    uniqueIndex("patients_user_unique").on(t.userId),
    // The roster's order: case-insensitive name, then MRN, within the clinic.
    index("patients_clinic_name_nocase_idx").on(t.clinicId, sql`${t.name} collate nocase`, t.mrn),
    index("patients_clinic_decision_idx").on(t.clinicId, t.currentDecision, t.currentReviewBy),
    index("patients_clinic_review_by_idx").on(t.clinicId, t.currentReviewBy, sql`${t.name} collate nocase`, t.mrn),
    index("patients_clinician_idx").on(t.responsibleClinicianId),
    check("patients_skin_type_check", sql`${t.skinType} between 1 and 6`),
  ],
);

/**
 * Append-only: triggers in the migrations reject UPDATE and DELETE. No foreign keys, so the
 * trail never blocks, and never loses, a record of what happened. Tamper-evident too: each row's
 * `hash` covers its fields and the previous row of the same clinic (lib/domain/audit-chain.ts).
 */
export const auditEvents = sqliteTable(
  "audit_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** recordAudit sets it itself, before hashing, so the hash covers exactly what is stored. */
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
    /** The hash of the clinic's previous row; null on the first row of a chain. */
    prevHash: text("prev_hash"),
    /** SHA-256 of prev_hash and every field above. Nullable only because SQLite cannot add a NOT NULL column; a null is a row written around the chain, and verification says so. */
    hash: text("hash"),
  },
  (t) => [
    // recordAudit's lookup of the clinic's newest row (the rowid, hence id, ends every index anyway).
    index("audit_chain_idx").on(t.clinicId, t.id),
    index("audit_occurred_idx").on(t.occurredAt),
    index("audit_patient_idx").on(t.patientId, t.occurredAt),
    index("audit_actor_idx").on(t.actorId, t.occurredAt),
    index("audit_clinic_idx").on(t.clinicId, t.occurredAt),
  ],
);

const patientRef = () =>
  text("patient_id")
    .notNull()
    .references(() => patients.id);

/** Who reported a session or reaction, and the clinician sign-off of the review queue. */
const reportTrail = () => ({
  reportedBy: text("reported_by")
    .notNull()
    .references(() => users.id),
  /** Recorded by staff for the patient (a phone call). */
  onBehalf: integer("on_behalf", { mode: "boolean" }).notNull().default(false),
  createdAt: timestamp("created_at"),
  reviewedBy: text("reviewed_by").references(() => users.id),
  reviewedAt: text("reviewed_at"),
});

/** Single-use MFA recovery codes, stored as hashes; `usedAt` set when spent. */
export const mfaRecoveryCodes = sqliteTable(
  "mfa_recovery_codes",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    codeHash: text("code_hash").notNull(),
    usedAt: text("used_at"),
    createdAt: timestamp("created_at"),
  },
  (t) => [index("mfa_recovery_codes_user_idx").on(t.userId)],
);

/**
 * One row per sign-in: the session cookie names it, so signing out (or an admin's action) ends that
 * session on the server, a copied cookie included. Absolute and idle limits are checked against it.
 */
export const signInSessions = sqliteTable(
  "sign_in_sessions",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at"),
    lastSeenAt: text("last_seen_at").notNull(),
    /** Absolute end, fixed at sign-in (never extended by activity). */
    expiresAt: text("expires_at").notNull(),
    revokedAt: text("revoked_at"),
    revokedReason: text("revoked_reason"),
    ip: text("ip"),
  },
  (t) => [index("sign_in_sessions_user_idx").on(t.userId, t.revokedAt)],
);

/**
 * Failed sign-in counters: one per address (`ip:<address>`) and one per account and address
 * (`acct:<email>|<address>`), so an attacker elsewhere cannot lock out an account's owner.
 */
export const signInThrottle = sqliteTable("sign_in_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStartedAt: text("window_started_at").notNull(),
  blockedUntil: text("blocked_until"),
  updatedAt: text("updated_at").notNull(),
});

/**
 * One-time set-password links for every account: a patient's portal invite, a staff invite, a password
 * reset. Only a hash of the token is stored.
 */
export const passwordLinks = sqliteTable(
  "password_links",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    /** The patient a portal invite is for; null for staff links. */
    patientId: text("patient_id").references(() => patients.id),
    purpose: text("purpose", { enum: ["portal_invite", "staff_invite", "password_reset"] }).notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: text("expires_at").notNull(),
    usedAt: text("used_at"),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at"),
  },
  (t) => [index("password_links_user_idx").on(t.userId), index("password_links_patient_idx").on(t.patientId)],
);

/** Clinic-editable clinical defaults (DOMAIN.md); a clinic without a row uses the defaults. */
export const clinicSettings = sqliteTable("clinic_settings", {
  clinicId: text("clinic_id")
    .primaryKey()
    .references(() => clinics.id),
  screeningClasses: text("screening_classes", { mode: "json" }).$type<Record<string, "block" | "review">>().notNull(),
  intervalFloors: text("interval_floors", { mode: "json" }).$type<{ upToMm: number; minDays: number }[]>().notNull(),
  isotretinoinLookbackMonths: integer("isotretinoin_lookback_months").notNull(),
  /** Null: DOMAIN.md's default alert rules. */
  alertRules: text("alert_rules", { mode: "json" }).$type<Record<string, unknown>>(),
  screeningValidityDays: integer("screening_validity_days").notNull().default(90),
  rednessExtraSpacingDays: integer("redness_extra_spacing_days").notNull().default(7),
  /** Staff must enrol in two-factor sign-in at their next sign-in. */
  requireStaffMfa: integer("require_staff_mfa", { mode: "boolean" }).notNull().default(false),
  updatedBy: text("updated_by").references(() => users.id),
  updatedAt: timestamp("updated_at"),
});

export type ScreeningAnswerJson = { item: string; answer: boolean; date?: string | null };

/** Each save is a new immutable version; the latest is the patient's current screening. */
export const screenings = sqliteTable(
  "screenings",
  {
    id: id(),
    patientId: patientRef(),
    version: integer("version").notNull(),
    answers: text("answers", { mode: "json" }).$type<ScreeningAnswerJson[]>().notNull(),
    recordedBy: text("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at"),
  },
  (t) => [uniqueIndex("screenings_patient_version_unique").on(t.patientId, t.version)],
);

/** Each decision is a new immutable version (1, 2, 3 …); nothing is updated in place. */
export const planVersions = sqliteTable(
  "plan_versions",
  {
    id: id(),
    patientId: patientRef(),
    version: integer("version").notNull(),
    decision: text("decision", { enum: PLAN_DECISIONS }).notNull(),
    areas: text("areas", { mode: "json" }).$type<{ area: string; maxNeedleMm: number }[]>().notNull(),
    /** The longest approved length, kept for the roster's sort and display. */
    maxNeedleMm: real("max_needle_mm"),
    minIntervalDays: integer("min_interval_days"),
    /** Calendar date, YYYY-MM-DD. */
    reviewBy: text("review_by"),
    instructions: text("instructions"),
    reason: text("reason"),
    contraindicationOverride: text("contraindication_override"),
    intervalOverrideReason: text("interval_override_reason"),
    /** The screening version the decision was made against. */
    screeningVersion: integer("screening_version"),
    /** The blocking screening items the contraindication override covers. */
    overriddenItems: text("overridden_items", { mode: "json" }).$type<string[]>(),
    /** The clinician confirmed a length above 0.5 mm or above the typical depth for an area. */
    confirmLongNeedle: integer("confirm_long_needle", { mode: "boolean" }),
    /** The review-class screening items the clinician acknowledged. */
    acknowledgedReviewItems: text("acknowledged_review_items", { mode: "json" }).$type<string[]>(),
    decidedBy: text("decided_by")
      .notNull()
      .references(() => users.id),
    decidedAt: timestamp("decided_at"),
  },
  (t) => [
    uniqueIndex("plan_versions_patient_version_unique").on(t.patientId, t.version),
    check("plan_versions_decision_check", sql`${t.decision} in ('approved', 'denied', 'suspended')`),
    // The 1.0 mm home ceiling holds in the database too, whatever the application does.
    check("plan_versions_home_max_check", sql`${t.maxNeedleMm} is null or ${t.maxNeedleMm} <= 1.0`),
    check("plan_versions_version_check", sql`${t.version} >= 1`),
  ],
);

export const planTemplates = sqliteTable(
  "plan_templates",
  {
    id: id(),
    clinicId: text("clinic_id")
      .notNull()
      .references(() => clinics.id),
    name: text("name").notNull(),
    areas: text("areas", { mode: "json" }).$type<{ area: string; maxNeedleMm: number }[]>().notNull(),
    minIntervalDays: integer("min_interval_days").notNull(),
    instructions: text("instructions").notNull(),
    createdBy: text("created_by").references(() => users.id),
    createdAt: timestamp("created_at"),
  },
  (t) => [uniqueIndex("plan_templates_clinic_name_unique").on(t.clinicId, t.name)],
);

/** A home session as the patient (or staff on their behalf) reported it: a fact, kept even when off-plan. */
export const homeSessions = sqliteTable(
  "home_sessions",
  {
    id: id(),
    patientId: patientRef(),
    performedAt: text("performed_at").notNull(),
    area: text("area").notNull(),
    needleMm: real("needle_mm").notNull(),
    device: text("device", { enum: DEVICES }).notNull(),
    sanitized: integer("sanitized", { mode: "boolean" }).notNull(),
    patchTestDone: integer("patch_test_done", { mode: "boolean" }),
    notes: text("notes"),
    /** Off-plan flags computed against the plan version in force at performed_at. */
    flags: text("flags", { mode: "json" }).$type<string[]>().notNull(),
    planVersion: integer("plan_version"),
    ...reportTrail(),
  },
  (t) => [
    index("home_sessions_patient_time_idx").on(t.patientId, t.performedAt),
    index("home_sessions_patient_area_time_idx").on(t.patientId, t.area, t.performedAt),
    check("home_sessions_needle_check", sql`${t.needleMm} > 0`),
  ],
);

export type SymptomGradeJson = { symptom: string; grade: number };

export const reactions = sqliteTable(
  "reactions",
  {
    id: id(),
    patientId: patientRef(),
    sessionId: text("session_id").references(() => homeSessions.id),
    /** Where the reaction is; the linked session's area when there is one. */
    area: text("area"),
    reportedAt: text("reported_at").notNull(),
    symptoms: text("symptoms", { mode: "json" }).$type<SymptomGradeJson[]>().notNull(),
    maxGrade: integer("max_grade").notNull(),
    notes: text("notes"),
    /**
     * The session was inferred from the area, not named by the reporter: a better-fitting session
     * logged later (performed before the reaction, after this one) takes the reaction over.
     */
    linkInferred: integer("link_inferred", { mode: "boolean" }).notNull().default(false),
    ...reportTrail(),
  },
  (t) => [
    index("reactions_patient_time_idx").on(t.patientId, t.reportedAt),
    index("reactions_session_idx").on(t.sessionId),
    // The overview finds this month's reactions without visiting every patient.
    index("reactions_reported_idx").on(t.reportedAt, t.patientId),
  ],
);

export const ALERT_SEVERITIES = ["high", "normal"] as const;
export const ALERT_STATUSES = ["open", "acknowledged", "resolved"] as const;

/** Raised by the rules in the same transaction as the report; never deleted (a trigger refuses it). */
export const alerts = sqliteTable(
  "alerts",
  {
    id: id(),
    clinicId: text("clinic_id")
      .notNull()
      .references(() => clinics.id),
    patientId: patientRef(),
    kind: text("kind").notNull(),
    severity: text("severity", { enum: ALERT_SEVERITIES }).notNull(),
    status: text("status", { enum: ALERT_STATUSES }).notNull().default("open"),
    summary: text("summary").notNull(),
    sessionId: text("session_id").references(() => homeSessions.id),
    /** The other session of a spacing alert (a late report is judged against the session after it too). */
    relatedSessionId: text("related_session_id").references(() => homeSessions.id),
    reactionId: text("reaction_id").references(() => reactions.id),
    createdAt: timestamp("created_at"),
    acknowledgedBy: text("acknowledged_by").references(() => users.id),
    acknowledgedAt: text("acknowledged_at"),
    resolvedBy: text("resolved_by").references(() => users.id),
    resolvedAt: text("resolved_at"),
    resolutionNote: text("resolution_note"),
    /** The plan version created when the alert was resolved with "suspend plan". */
    suspendedPlanVersion: integer("suspended_plan_version"),
    /**
     * The patient must be told to stop and has no portal access to see it: the alert stays open until
     * someone records the call (an `alert_notes` row of kind `call`).
     */
    contactRequired: integer("contact_required", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [
    // The inbox order: high before normal ('high' < 'normal'), newest first; also the badge's counts.
    index("alerts_inbox_order_idx").on(t.clinicId, t.status, t.severity, sql`${t.createdAt} desc`, sql`${t.id} desc`),
    // The grouped inbox walks open alerts by patient and kind without touching the table.
    index("alerts_clinic_status_group_idx").on(t.clinicId, t.status, t.patientId, t.kind, t.severity, t.createdAt),
    index("alerts_patient_idx").on(t.patientId),
    // A report's own alert, joined into the report histories.
    index("alerts_reaction_idx").on(t.reactionId),
    index("alerts_session_idx").on(t.sessionId),
    index("alerts_patient_kind_idx").on(t.patientId, t.kind, t.createdAt),
    // The overview's alerts raised and resolved per week.
    index("alerts_clinic_created_idx").on(t.clinicId, t.createdAt),
    index("alerts_clinic_resolved_idx").on(t.clinicId, t.resolvedAt),
    check("alerts_severity_check", sql`${t.severity} in ('high', 'normal')`),
    check("alerts_status_check", sql`${t.status} in ('open', 'acknowledged', 'resolved')`),
  ],
);

export type UserRow = typeof users.$inferSelect;
export type PlanVersionRow = typeof planVersions.$inferSelect;
export type ScreeningRow = typeof screenings.$inferSelect;
export type PatientRow = typeof patients.$inferSelect;
export type AuditEventRow = typeof auditEvents.$inferSelect;

export const REVIEW_KINDS = ["session", "reaction"] as const;

/**
 * Reports not yet signed off, one row each, kept by triggers (migration 0008): a report inserted
 * unreviewed adds its row, the sign-off removes it, a new responsible clinician takes the rows over.
 * The queue and its badge count walk these indexes instead of every report ever made.
 */
export const reviewQueue = sqliteTable(
  "review_queue",
  {
    reportId: text("report_id").primaryKey(),
    kind: text("kind", { enum: REVIEW_KINDS }).notNull(),
    patientId: patientRef(),
    clinicId: text("clinic_id").notNull(),
    clinicianId: text("clinician_id").notNull(),
    /** When the session was performed or the reaction reported: the queue's order. */
    at: text("at").notNull(),
  },
  (t) => [
    index("review_queue_clinic_at_idx").on(t.clinicId, t.at, t.reportId),
    index("review_queue_clinician_at_idx").on(t.clinicId, t.clinicianId, t.at, t.reportId),
    index("review_queue_patient_idx").on(t.patientId),
  ],
);

/**
 * Per clinic and UTC day: sessions reported and how many were flagged off-plan. Kept by a trigger on
 * every session insert (migration 0011), so the overview's weekly share reads ~84 rows, not 84,000.
 */
export const clinicDailySessions = sqliteTable(
  "clinic_daily_sessions",
  {
    clinicId: text("clinic_id").notNull(),
    day: text("day").notNull(),
    sessions: integer("sessions").notNull().default(0),
    flagged: integer("flagged").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.clinicId, t.day] })],
);

/** Per clinic, UTC day, symptom and grade (1–3): how many reaction reports named it. Kept by a trigger. */
export const clinicDailySymptoms = sqliteTable(
  "clinic_daily_symptoms",
  {
    clinicId: text("clinic_id").notNull(),
    day: text("day").notNull(),
    symptom: text("symptom").notNull(),
    grade: integer("grade").notNull(),
    reports: integer("reports").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.clinicId, t.day, t.symptom, t.grade] })],
);

/**
 * Per clinic: a version of everything the roster counts (each patient's clinic, name, MRN, decision and
 * review date), moved by triggers on patients in the writing transaction (migration 0016). A count
 * computed at a version holds until the version moves (lib/data/internal/roster-cache.ts).
 */
export const rosterVersions = sqliteTable("roster_versions", {
  clinicId: text("clinic_id").primaryKey(),
  version: integer("version").notNull().default(0),
});

export const HOLD_KINDS = ["pause", "review"] as const;
export const HOLD_REASONS = ["warning_sign", "contraindication", "health_change", "review_item"] as const;
export type HoldKind = (typeof HOLD_KINDS)[number];
export type HoldReason = (typeof HOLD_REASONS)[number];

/**
 * What stops or questions a patient's home care between plan decisions. A `pause` (a warning sign, a
 * new blocking contraindication, a blocking health change) stops every area until a clinician clears
 * it with a note; a `review` hold (a new review-class answer) marks the plan "needs review" and leaves
 * it usable. Rows are never deleted and only their clearing is ever written, once (migration 0017).
 */
export const careHolds = sqliteTable(
  "care_holds",
  {
    id: id(),
    clinicId: text("clinic_id")
      .notNull()
      .references(() => clinics.id),
    patientId: patientRef(),
    kind: text("kind", { enum: HOLD_KINDS }).notNull(),
    reason: text("reason", { enum: HOLD_REASONS }).notNull(),
    /** The screening items behind a contraindication, health change or review hold. */
    items: text("items", { mode: "json" }).$type<string[]>().notNull(),
    alertId: text("alert_id").references(() => alerts.id),
    since: timestamp("since"),
    clearedAt: text("cleared_at"),
    clearedBy: text("cleared_by").references(() => users.id),
    clearNote: text("clear_note"),
    /** The plan version whose decision ended the hold, when a decision did. */
    clearedByPlanVersion: integer("cleared_by_plan_version"),
  },
  (t) => [
    index("care_holds_patient_since_idx").on(t.patientId, t.since),
    index("care_holds_open_idx").on(t.patientId, t.kind).where(sql`${t.clearedAt} is null`),
    check("care_holds_kind_check", sql`${t.kind} in ('pause', 'review')`),
    check("care_holds_reason_check", sql`${t.reason} in ('warning_sign', 'contraindication', 'health_change', 'review_item')`),
    check("care_holds_cleared_check", sql`(${t.clearedAt} is null) = (${t.clearedBy} is null)`),
  ],
);

export const HEALTH_CHANGE_SOURCES = ["patient", "staff"] as const;

/**
 * A change in health the patient told the clinic about (in the portal, or by phone to staff): their own
 * statement, kept beside the clinician's screening and never overwriting it. Append-only.
 */
export const healthChanges = sqliteTable(
  "health_changes",
  {
    id: id(),
    clinicId: text("clinic_id")
      .notNull()
      .references(() => clinics.id),
    patientId: patientRef(),
    /** A screening item code, or `other_medicine`. */
    item: text("item").notNull(),
    /** Calendar date it started (or the last dose), YYYY-MM-DD, when given. */
    date: text("date"),
    note: text("note"),
    source: text("source", { enum: HEALTH_CHANGE_SOURCES }).notNull(),
    reportedBy: text("reported_by")
      .notNull()
      .references(() => users.id),
    alertId: text("alert_id").references(() => alerts.id),
    createdAt: timestamp("created_at"),
  },
  (t) => [index("health_changes_patient_created_idx").on(t.patientId, t.createdAt), check("health_changes_source_check", sql`${t.source} in ('patient', 'staff')`)],
);

export const ALERT_NOTE_KINDS = ["note", "call"] as const;

/** Notes on an alert: an admin's annotation, or a recorded call to a patient who has no portal access. */
export const alertNotes = sqliteTable(
  "alert_notes",
  {
    id: id(),
    alertId: text("alert_id")
      .notNull()
      .references(() => alerts.id),
    kind: text("kind", { enum: ALERT_NOTE_KINDS }).notNull(),
    note: text("note").notNull(),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at"),
  },
  (t) => [index("alert_notes_alert_idx").on(t.alertId, t.createdAt), check("alert_notes_kind_check", sql`${t.kind} in ('note', 'call')`)],
);

/**
 * A change that loosens one of DOMAIN.md's blocking screening classes: proposed by a clinician with a
 * reason, in force only once a second clinician or an admin confirms it within 24 hours.
 */
export const clinicSettingsProposals = sqliteTable(
  "clinic_settings_proposals",
  {
    id: id(),
    clinicId: text("clinic_id")
      .notNull()
      .references(() => clinics.id),
    /** The whole settings as they would be once confirmed. */
    settings: text("settings", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    /** The screening items that would go from block to review. */
    loosened: text("loosened", { mode: "json" }).$type<string[]>().notNull(),
    reason: text("reason").notNull(),
    proposedBy: text("proposed_by")
      .notNull()
      .references(() => users.id),
    proposedAt: timestamp("proposed_at"),
    expiresAt: text("expires_at").notNull(),
    confirmedBy: text("confirmed_by").references(() => users.id),
    confirmedAt: text("confirmed_at"),
    withdrawnAt: text("withdrawn_at"),
  },
  (t) => [index("clinic_settings_proposals_clinic_idx").on(t.clinicId, t.proposedAt)],
);
