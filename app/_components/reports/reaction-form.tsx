"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { BrowserOnly, FormSkeleton } from "@/app/_components/browser-only";
import { Button } from "@/app/_components/ui/button";
import { inputClasses } from "@/app/_components/ui/field";
import { FormStatus, TextareaField } from "@/app/_components/ui/form-controls";
import { ApiError, apiFetch } from "@/lib/client/api";
import { fromLocalInputValue, toLocalInputValue } from "@/lib/client/datetime";
import { queryKeys } from "@/lib/client/query-keys";
import { AREA_LABELS, formatMm, type Area } from "@/lib/domain/clinical";
import { GRADES, needsUrgentGuidance, SYMPTOMS, type SymptomCode } from "@/lib/domain/reactions";
import type { HomeCare } from "@/lib/data/home-care";
import type { ReactionDto } from "@/lib/data/reactions";
import { reactionReportSchema } from "@/lib/validation/reports";
import { useLocalFormatter } from "../local-time";
import { ChoiceGroup } from "./choice-group";
import { UrgentGuidance } from "./urgent-guidance";
import { useHomeCare } from "./use-home-care";

type Props = { patientId: string; initialHomeCare: HomeCare };

const noneGraded = () => Object.fromEntries(SYMPTOMS.map((s) => [s.code, "0"])) as Record<SymptomCode, string>;

function ReactionFormFields({ patientId, initialHomeCare }: Props) {
  const queryClient = useQueryClient();
  const { data: homeCare } = useHomeCare(patientId, initialHomeCare);
  const formatLocal = useLocalFormatter();
  const [grades, setGrades] = useState(noneGraded);
  const [reportedAt, setReportedAt] = useState(() => toLocalInputValue(new Date()));
  const [sessionId, setSessionId] = useState<string>(initialHomeCare.recentSessions[0]?.id ?? "");
  const [notes, setNotes] = useState("");
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState<ReactionDto | null>(null);

  const symptoms = SYMPTOMS.map((s) => ({ symptom: s.code, grade: Number(grades[s.code]) }));
  const urgent = needsUrgentGuidance(symptoms);

  const mutation = useMutation({
    mutationFn: (body: unknown) => apiFetch<ReactionDto>(`/api/patients/${patientId}/reactions`, { method: "POST", body }),
    onSuccess: (reaction) => {
      setSaved(reaction);
      setGrades(noneGraded());
      setNotes("");
      void queryClient.invalidateQueries({ queryKey: queryKeys.homeCare(patientId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.history(patientId) });
    },
    onError: (error) => error instanceof ApiError && setFormError(error.issues[0]?.message ?? null),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(null);
    if (symptoms.every((s) => s.grade === 0)) {
      setFormError("Choose how strong at least one symptom is.");
      return;
    }
    const parsed = reactionReportSchema.safeParse({ reportedAt: fromLocalInputValue(reportedAt) ?? reportedAt, sessionId: sessionId || null, symptoms, notes });
    if (!parsed.success) {
      setFormError(parsed.error.issues[0]?.message ?? "Please check your answers.");
      return;
    }
    setFormError(null);
    mutation.mutate(parsed.data);
  }

  const savedUrgent = saved && needsUrgentGuidance(saved.symptoms);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      {saved && (
        <div role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-950">
          <p className="font-semibold">Reaction reported. {saved.alert ? "Your clinic has been alerted." : "Your clinic will review it."}</p>
        </div>
      )}
      {savedUrgent && <UrgentGuidance />}
      <FormStatus error={mutation.error ? `${mutation.error.message} Your answers are still here; try again.` : formError} />
      <div className="space-y-1">
        <label htmlFor="reaction-when" className="block text-sm font-medium">
          When did you notice it?
        </label>
        <input id="reaction-when" type="datetime-local" value={reportedAt} max={toLocalInputValue(new Date())} onChange={(e) => setReportedAt(e.target.value)} className={inputClasses} />
      </div>
      <div className="space-y-1">
        <label htmlFor="reaction-session" className="block text-sm font-medium">
          Which session was it after?
        </label>
        <select id="reaction-session" value={sessionId} onChange={(e) => setSessionId(e.target.value)} className={inputClasses}>
          <option value="">Not after a session</option>
          {homeCare.recentSessions.map((s) => (
            <option key={s.id} value={s.id}>
              {formatLocal(s.performedAt)} · {AREA_LABELS[s.area as Area] ?? s.area} · {formatMm(s.needleMm)} mm
            </option>
          ))}
        </select>
      </div>
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
      <TextareaField label="Anything else? (optional)" value={notes} onChange={(e) => setNotes(e.target.value)} rows={3} maxLength={2000} />
      <div aria-live="polite">{urgent && !saved && <UrgentGuidance />}</div>
      <Button type="submit" className="w-full sm:w-auto" disabled={mutation.isPending}>
        {mutation.isPending ? "Sending…" : "Report reaction"}
      </Button>
    </form>
  );
}

/** Rendered in the browser only, so "now" defaults to the patient's own clock and time zone. */
export function ReactionForm(props: Props) {
  return (
    <BrowserOnly fallback={<FormSkeleton />}>
      <ReactionFormFields {...props} />
    </BrowserOnly>
  );
}
