"use client";

import { useEffect, useState, type FormEvent } from "react";
import { Button } from "@/app/_components/ui/button";
import { FieldShell } from "@/app/_components/ui/field";
import { FormStatus, TextareaField } from "@/app/_components/ui/form-controls";
import { apiFetch } from "@/lib/client/api";
import { momentOf, toInputValue, zoneHint } from "@/lib/client/datetime";
import { useSchemaForm } from "@/lib/client/use-schema-form";
import { GRADES, needsUrgentGuidance, SYMPTOMS, type SymptomCode } from "@/lib/domain/reactions";
import type { HomeCare } from "@/lib/data/home-care";
import type { ReactionDto } from "@/lib/data/reactions";
import { loadReportSchemas } from "@/lib/client/report-schemas";
import { ChoiceGroup } from "./choice-group";
import { ReactionWhereFields } from "./reaction-where-fields";
import { SavedReaction } from "./saved-reaction";
import { UrgentGuidance } from "./urgent-guidance";

export type ReactionFormFieldsProps = {
  patientId: string;
  /** The plan's areas and recent sessions offered in "where" and "which session"; the caller keeps it current. */
  homeCare: HomeCare;
  /** After a reaction is saved: the caller refreshes what depends on it (the plan's dates, the history). */
  onSaved: (reaction: ReactionDto) => void;
  /** Staff recording for the patient: the confirmation says what was recorded, not what the patient should do. */
  forStaff?: boolean;
};

const noneGraded = () => Object.fromEntries(SYMPTOMS.map((s) => [s.code, "0"])) as Record<SymptomCode, string>;

/**
 * Forgiving by design: every answer stays on screen after a failed request, with the reason by its field.
 * Holds no server data of its own, so the portal (plain fetch) and the clinic (TanStack Query) each bind it.
 * Render it in the browser only (BrowserOnly), so "now" defaults to the person's own clock and time zone.
 */
export function ReactionFormFields({ patientId, homeCare, onSaved, forStaff = false }: ReactionFormFieldsProps) {
  // Fetch the schema while the person fills the form, so submitting never waits for it.
  useEffect(() => void loadReportSchemas(), []);
  const [grades, setGrades] = useState(noneGraded);
  // Kept to the second while the minute shown is unchanged, so a reaction noticed right after a
  // session is not rounded back before it and linked to an older one.
  const [openedAt, setOpenedAt] = useState(() => new Date());
  const zone = homeCare.timeZone;
  const [reportedAt, setReportedAt] = useState(() => toInputValue(openedAt, zone));
  const [area, setArea] = useState("");
  const [sessionId, setSessionId] = useState("");
  const [notes, setNotes] = useState("");
  const [saved, setSaved] = useState<ReactionDto | null>(null);

  const symptoms = SYMPTOMS.map((s) => ({ symptom: s.code, grade: Number(grades[s.code]) }));
  const urgent = needsUrgentGuidance(symptoms);

  const form = useSchemaForm({
    schema: async () => (await loadReportSchemas()).reactionFormSchema,
    send: (body) => apiFetch<ReactionDto>(`/api/patients/${patientId}/reactions`, { method: "POST", body }),
    onSuccess: (reaction) => {
      setSaved(reaction);
      const now = new Date();
      setOpenedAt(now);
      setReportedAt(toInputValue(now, zone));
      setGrades(noneGraded());
      setNotes("");
      setSessionId("");
      onSaved(reaction);
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(null);
    void form.submit({ reportedAt: momentOf(reportedAt, openedAt, zone) ?? reportedAt, area: area || null, sessionId: sessionId || null, symptoms, notes });
  }

  const { errors } = form;
  const savedUrgent = saved && needsUrgentGuidance(saved.symptoms);
  // The symptoms are a set of choices with no single control to mark, so their message is the form's line.
  const status = errors.symptoms ?? (form.failure && !Object.keys(errors).length ? `${form.failure.message} Your answers are still here; try again.` : form.status);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      {saved && <SavedReaction reaction={saved} clinicPhone={homeCare.clinicPhone} forStaff={forStaff} />}
      {savedUrgent && <UrgentGuidance clinicPhone={homeCare.clinicPhone} />}
      <FormStatus error={status} />
      <FieldShell label="When did you notice it?" hint={zoneHint(zone)} error={errors.reportedAt}>
        {(control) => <input {...control} type="datetime-local" value={reportedAt} max={toInputValue(new Date(), zone)} onChange={(e) => setReportedAt(e.target.value)} />}
      </FieldShell>
      <ReactionWhereFields
        homeCare={homeCare}
        area={area}
        sessionId={sessionId}
        onAreaChange={(value) => {
          setArea(value);
          // The sessions offered are that area's, so a session chosen for another area no longer applies.
          setSessionId("");
        }}
        onSessionChange={setSessionId}
        errors={errors}
      />
      <div className="space-y-4">
        <p className="text-sm text-slate-700">For each symptom, how strong is it now?</p>
        {SYMPTOMS.map((s) => (
          <ChoiceGroup
            key={s.code}
            legend={s.label}
            name={`grade-${s.code}`}
            value={grades[s.code]}
            onChange={(value) => setGrades((g) => ({ ...g, [s.code]: value }))}
            options={GRADES.map((g) => ({ value: String(g.grade), label: g.label, hint: g.grade ? g.description : undefined }))}
          />
        ))}
      </div>
      <TextareaField label="Anything else? (optional)" value={notes} onChange={(e) => setNotes(e.target.value)} rows={3} maxLength={2000} error={errors.notes} />
      <div aria-live="polite">{urgent && !saved && <UrgentGuidance clinicPhone={homeCare.clinicPhone} />}</div>
      <Button type="submit" className="w-full sm:w-auto" disabled={form.pending}>
        {form.pending ? "Sending…" : "Report reaction"}
      </Button>
    </form>
  );
}
