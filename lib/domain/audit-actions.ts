/** Every action the audit trail records, with the words an admin reads. */
export const AUDIT_ACTIONS = {
  "auth.sign_in": "Sign-in",
  "auth.sign_out": "Sign-out",
  "auth.sign_out_everywhere": "Signed out on all devices",
  "auth.session_end": "Session ended (expired or idle)",
  "auth.throttle": "Sign-in throttled",
  "auth.throttle_lifted": "Sign-in throttle lifted",
  "auth.password_change": "Changed own password",
  "mfa.enrol_start": "Started two-factor enrolment",
  "mfa.enable": "Turned on two-factor sign-in",
  "mfa.disable": "Turned off two-factor sign-in",
  "patient.read": "Viewed patient record",
  "patient.access_denied": "Refused access to a patient record",
  "access.forbidden": "Refused: role not permitted",
  "patient.list": "Viewed the patient roster",
  "alert.list": "Viewed the alert list",
  "alert.group_list": "Viewed grouped alerts",
  "review.list": "Viewed the review queue",
  "overview.read": "Viewed patients needing attention",
  "audit.read": "Viewed the audit trail",
  "patient.create": "Created patient",
  "patient.update": "Edited patient",
  "patient.invite": "Created portal invitation",
  "patient.invite_accept": "Patient set portal password",
  "screening.record": "Recorded screening",
  "plan.decide": "Plan decision",
  "template.create": "Created plan template",
  "template.delete": "Deleted plan template",
  "clinic_settings.update": "Changed clinic settings",
  "clinic_settings.propose": "Proposed turning a blocking screening item into a review item",
  "clinic_settings.confirm": "Confirmed a proposed clinic settings change",
  "clinic_settings.withdraw": "Withdrew a proposed clinic settings change",
  "clinic_security.update": "Changed sign-in security settings",
  "user.create": "Created account",
  "staff.invite": "Invited a staff member",
  "staff.update": "Changed a staff member's role or access",
  "staff.password_reset": "Reset a staff member's password",
  "staff.mfa_reset": "Reset a staff member's two-factor sign-in",
  "staff.password_set": "Staff member set password from a link",
  "staff.access_denied": "Refused access to a staff account",
  "audit.export": "Exported audit trail",
  "patient.export_fhir": "Exported a patient record (FHIR)",
  "clinic.export_fhir": "Exported the clinic's records (FHIR bulk)",
  "patient.export_csv": "Exported patient sessions or reactions (CSV)",
  "clinic.export_csv": "Exported the clinic's sessions or reactions (CSV)",
  "session.report": "Reported home session",
  "session.review": "Signed off home session",
  "reaction.report": "Reported reaction",
  "reaction.review": "Signed off reaction",
  "alert.acknowledge": "Acknowledged alert",
  "alert.resolve": "Resolved alert",
  "alert.group_acknowledge": "Acknowledged a group of alerts",
  "alert.group_resolve": "Resolved a group of alerts",
  "alert.note": "Added a note to an alert",
  "alert.call": "Recorded a call to the patient about an alert",
  "reaction.relink": "Moved a reaction to a better-fitting session",
  "pause.clear": "Cleared a pause of home microneedling",
  "health_change.report": "Reported a change in health",
} as const;

export function auditActionLabel(action: string): string {
  return (AUDIT_ACTIONS as Record<string, string>)[action] ?? action;
}

/**
 * Whose events an admin's audit view shows. Failed sign-ins that match no account carry no clinic:
 * they belong to the installation, so every clinic's admin sees them ("installation"), next to the
 * clinic's own events by default.
 */
export const AUDIT_SCOPES = ["all", "clinic", "installation"] as const;
export type AuditScope = (typeof AUDIT_SCOPES)[number];

/** The only clinic-less rows an admin is shown: sign-in attempts that named no account. */
export const INSTALLATION_WIDE_ACTION = "auth.sign_in";

/** The words for each scope, in the audit view's filter. */
export const AUDIT_SCOPE_LABELS: Record<AuditScope, string> = {
  all: "This clinic, and sign-ins with no such account",
  clinic: "This clinic only",
  installation: "Sign-ins with no such account only",
};

/**
 * How the audit view names who acted. A clinic-less row is a failed sign-in that matched no account: it is marked
 * as such, with the address that was typed, so an admin can help someone who mistyped theirs.
 */
export function auditActorLabel(row: { actor: { name: string; role: string } | null; installationWide: boolean; detail: unknown }): string {
  if (row.actor) return `${row.actor.name} (${row.actor.role})`;
  if (!row.installationWide) return "—";
  const email = (row.detail as { email?: unknown } | null)?.email;
  return typeof email === "string" ? `No such account: ${email}` : "No such account";
}
