"use client";

import { useEffect, useState, type FormEvent } from "react";
import { Button } from "@/app/_components/ui/button";
import { Field } from "@/app/_components/ui/field";
import { FormStatus, SelectField, TextareaField } from "@/app/_components/ui/form-controls";
import { apiFetch } from "@/lib/client/api";
import { momentOf, toInputValue, zoneHint } from "@/lib/client/datetime";
import { useSchemaForm } from "@/lib/client/use-schema-form";
import { AREA_LABELS, DEVICES, formatMm, type Area } from "@/lib/domain/clinical";
import type { HomeCare } from "@/lib/data/home-care";
import type { LoggedSession } from "@/lib/data/sessions";
import { loadReportSchemas } from "@/lib/client/report-schemas";
import { AreaOptions } from "./area-options";
import { ChoiceGroup } from "./choice-group";
import { isOffered, planLimitMm } from "./needle-choices";
import { NeedleLengthField } from "./needle-length-field";
import { sessionWarnings } from "./session-warnings";
import { SpacingNotice } from "./spacing-notice";

export type SessionFormFieldsProps = {
  patientId: string;
  /** The plan and per-area dates the warnings are checked against; the caller keeps it current. */
  homeCare: HomeCare;
  onBehalfOf?: string;
  /** After a session is saved: the caller refreshes what depends on it (the plan's dates, the history). */
  onSaved: (session: LoggedSession) => void;
};

const DEVICE_LABELS = { roller: "Roller", pen: "Pen", stamp: "Stamp" } as const;

function emptyDraft(openedAt: Date, timeZone: string) {
  return { performedAt: toInputValue(openedAt, timeZone), area: "", needleMm: "", device: "", sanitized: "", patchTestDone: "", notes: "" };
}

/**
 * Forgiving by design: nothing typed is lost on a failed request, and off-plan entries are warned, not refused.
 * Holds no server data of its own, so the portal (plain fetch) and the clinic (TanStack Query) each bind it.
 * Render it in the browser only (BrowserOnly), so "now" defaults to the person's own clock and time zone.
 */
export function SessionFormFields({ patientId, homeCare, onBehalfOf, onSaved }: SessionFormFieldsProps) {
  const [openedAt, setOpenedAt] = useState(() => new Date());
  // Fetch the schema while the person fills the form, so submitting never waits for it.
  useEffect(() => void loadReportSchemas(), []);
  const zone = homeCare.timeZone;
  const [draft, setDraft] = useState(() => emptyDraft(openedAt, zone));
  const [confirming, setConfirming] = useState(false);
  // "I used a longer needle than my plan allows": until ticked, only lengths within the plan are offered.
  const [longer, setLonger] = useState(false);
  const [saved, setSaved] = useState<LoggedSession | null>(null);
  const set = (key: keyof typeof draft) => (value: string) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setConfirming(false);
  };

  const planAreas = homeCare.plan?.status === "approved" ? homeCare.plan.areas.map((a) => a.area) : [];
  const limitMm = planLimitMm(homeCare, draft.area);
  const forStaff = onBehalfOf !== undefined;
  // A new area with a lower limit hides a longer length chosen before: the person chooses again.
  const chooseArea = (area: string) => {
    setDraft((d) => ({ ...d, area, needleMm: isOffered(d.needleMm, planLimitMm(homeCare, area), longer) ? d.needleMm : "" }));
    setConfirming(false);
  };
  const declareLonger = (value: boolean) => {
    setLonger(value);
    if (!value) setDraft((d) => ({ ...d, needleMm: isOffered(d.needleMm, limitMm, false) ? d.needleMm : "" }));
    setConfirming(false);
  };
  const performedAt = momentOf(draft.performedAt, openedAt, zone);
  // A patch test matters before the first session in each area, so it is asked until one is logged there.
  const askPatchTest = draft.area !== "" && !homeCare.lastSessionByArea[draft.area];
  const warnings = sessionWarnings(homeCare, {
    performedAt,
    area: draft.area,
    needleMm: Number(draft.needleMm),
    sanitized: draft.sanitized === "" ? undefined : draft.sanitized === "yes",
    patchTestDone: askPatchTest ? (draft.patchTestDone === "" ? undefined : draft.patchTestDone === "yes") : null,
  });

  const form = useSchemaForm({
    schema: async () => (await loadReportSchemas()).sessionReportSchema,
    send: (body) => apiFetch<LoggedSession>(`/api/patients/${patientId}/sessions`, { method: "POST", body }),
    onSuccess: (session) => {
      setSaved(session);
      const now = new Date();
      setOpenedAt(now);
      setDraft(emptyDraft(now, zone));
      setLonger(false);
      setConfirming(false);
      onSaved(session);
    },
  });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(null);
    const report = await form.validate({
      performedAt: performedAt ?? draft.performedAt,
      area: draft.area || undefined,
      needleMm: draft.needleMm ? Number(draft.needleMm) : undefined,
      device: draft.device || undefined,
      sanitized: draft.sanitized === "" ? undefined : draft.sanitized === "yes",
      patchTestDone: askPatchTest && draft.patchTestDone ? draft.patchTestDone === "yes" : null,
      notes: draft.notes,
    });
    if (!report) return;
    if (warnings.length > 0 && !confirming) {
      setConfirming(true);
      return;
    }
    void form.send(report);
  }

  const { errors } = form;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      {saved && <SavedNotice session={saved} forStaff={forStaff} />}
      <FormStatus error={form.failure && !Object.keys(errors).length ? `${form.failure.message} Your entry is still here; try again.` : form.status} />
      <Field id="session-when" label="Date and time of the session" hint={zoneHint(zone)} type="datetime-local" value={draft.performedAt} max={toInputValue(new Date(), zone)} onChange={(e) => set("performedAt")(e.target.value)} error={errors.performedAt} />
      <SpacingNotice homeCare={homeCare} area={draft.area} forStaff={forStaff} />
      <SelectField id="session-area" label="Area" value={draft.area} onChange={(e) => chooseArea(e.target.value)} error={errors.area}>
        <AreaOptions planAreas={planAreas} otherLabel="Not in your plan" />
      </SelectField>
      <NeedleLengthField value={draft.needleMm} onChange={set("needleMm")} limitMm={limitMm} longer={longer} onLongerChange={declareLonger} error={errors.needleMm} forStaff={forStaff} />
      <ChoiceGroup legend="Device" name="device" value={draft.device} onChange={set("device")} error={errors.device} options={DEVICES.map((d) => ({ value: d, label: DEVICE_LABELS[d] }))} />
      <ChoiceGroup legend="Did you sanitize the device before and after?" name="sanitized" value={draft.sanitized} onChange={set("sanitized")} error={errors.sanitized} options={[{ value: "yes", label: "Yes" }, { value: "no", label: "No" }]} />
      {askPatchTest && (
        <ChoiceGroup legend="Did you do a patch test first?" name="patchTestDone" value={draft.patchTestDone} onChange={set("patchTestDone")} error={errors.patchTestDone} options={[{ value: "yes", label: "Yes" }, { value: "no", label: "No" }]} />
      )}
      <TextareaField label="Notes (optional)" value={draft.notes} onChange={(e) => set("notes")(e.target.value)} rows={3} maxLength={2000} error={errors.notes} />

      <div aria-live="polite">
        {warnings.length > 0 && (
          <div className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950">
            <p className="font-semibold">This session is outside your plan{onBehalfOf ? ` (${onBehalfOf})` : ""}:</p>
            <ul className="mt-1 list-disc pl-5">
              {warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
            <p className="mt-2">
              {forStaff
                ? "It will still be recorded, flagged as outside the plan."
                : "It will still be recorded as outside your plan; your clinic will see it the next time they open your record."}
            </p>
          </div>
        )}
      </div>
      {confirming ? (
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={form.pending}>
            {form.pending ? "Saving…" : "Log it anyway"}
          </Button>
          <Button variant="secondary" onClick={() => setConfirming(false)}>
            Change it
          </Button>
        </div>
      ) : (
        <Button type="submit" className="w-full sm:w-auto" disabled={form.pending}>
          {form.pending ? "Saving…" : "Log session"}
        </Button>
      )}
    </form>
  );
}

/** The server explains each flag against the plan version the session was judged by, not today's plan. */
function SavedNotice({ session, forStaff }: { session: LoggedSession; forStaff: boolean }) {
  return (
    <div role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-950">
      <p className="font-semibold">Session logged: {AREA_LABELS[session.area as Area] ?? session.area}, {formatMm(session.needleMm)} mm.</p>
      {session.flagNotes.length > 0 && (
        <p className="mt-1">
          Recorded as outside {forStaff ? "the" : "your"} plan: {session.flagNotes.join(" ")}
          {!forStaff && " Your clinic will see it the next time they open your record."}
        </p>
      )}
    </div>
  );
}
