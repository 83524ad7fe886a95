/** Every action the audit trail records, with the words an admin reads. */
export const AUDIT_ACTIONS = {
  "auth.sign_in": "Sign-in",
  "auth.sign_out": "Sign-out",
  "auth.sign_out_everywhere": "Signed out on all devices",
  "patient.read": "Viewed patient record",
  "patient.access_denied": "Refused access to a patient record",
  "patient.create": "Created patient",
  "patient.update": "Edited patient",
  "patient.invite": "Created portal invitation",
  "patient.invite_accept": "Patient set portal password",
  "screening.record": "Recorded screening",
  "plan.decide": "Plan decision",
  "template.create": "Created plan template",
  "template.delete": "Deleted plan template",
  "clinic_settings.update": "Changed clinic settings",
  "user.create": "Created account",
  "audit.export": "Exported audit trail",
  "session.report": "Reported home session",
  "session.review": "Signed off home session",
  "reaction.report": "Reported reaction",
  "reaction.review": "Signed off reaction",
  "alert.acknowledge": "Acknowledged alert",
  "alert.resolve": "Resolved alert",
  "alert.group_acknowledge": "Acknowledged a group of alerts",
  "alert.group_resolve": "Resolved a group of alerts",
} as const;

export function auditActionLabel(action: string): string {
  return (AUDIT_ACTIONS as Record<string, string>)[action] ?? action;
}
