/**
 * The plain rows the FHIR mappings read: what lib/data loads, nothing more. Kept apart from db/schema so
 * the mappings stay pure and testable with literals.
 */
export type ClinicRecord = { id: string; name: string };

export type StaffRecord = { id: string; name: string; active: boolean };

export type PatientRecord = {
  id: string;
  clinicId: string;
  responsibleClinicianId: string;
  mrn: string;
  name: string;
  dateOfBirth: string;
};

export type PlanVersionRecord = {
  patientId: string;
  version: number;
  decision: "approved" | "denied" | "suspended";
  areas: { area: string; maxNeedleMm: number }[];
  minIntervalDays: number | null;
  reviewBy: string | null;
  instructions: string | null;
  reason: string | null;
  contraindicationOverride: string | null;
  intervalOverrideReason: string | null;
  decidedBy: string;
  decidedAt: string;
};

/** What a plan version's status depends on beyond itself. */
export type PlanStanding = {
  /** The patient's latest version at the time of the export. */
  latestVersion: number;
  /** The latest approval is paused: a blocking contraindication was screened after it. */
  pausedForReview: boolean;
  /** The clinic's calendar date, for the review date. */
  today: string;
};

export type ReportTrail = { reportedBy: string; onBehalf: boolean; createdAt: string };

export type SessionRecord = ReportTrail & {
  id: string;
  patientId: string;
  performedAt: string;
  area: string;
  needleMm: number;
  device: string;
  sanitized: boolean;
  patchTestDone: boolean | null;
  notes: string | null;
  flags: string[];
  planVersion: number | null;
};

export type ReactionRecord = ReportTrail & {
  id: string;
  patientId: string;
  sessionId: string | null;
  /** The reaction's own area, else its session's. */
  area: string | null;
  reportedAt: string;
  symptoms: { symptom: string; grade: number }[];
  notes: string | null;
};
