import type { ReactNode } from "react";
import { Badge } from "@/app/_components/ui/badge";
import { AREA_LABELS, formatMm, type Area } from "@/lib/domain/clinical";
import { gradeLabel, symptomLabel } from "@/lib/domain/reactions";
import { FLAG_LABELS, HIGH_RISK_FLAGS } from "@/lib/domain/session-flags";
import type { ReactionDto } from "@/lib/data/reactions";
import type { SessionDto } from "@/lib/data/sessions";
import { ClinicTime } from "../clinic-time";

export type ReportTimelineData = { sessions: SessionDto[]; reactions: ReactionDto[] };

const areaLabel = (area: string) => AREA_LABELS[area as Area] ?? area;

type Entry = { kind: "session"; at: string; item: SessionDto } | { kind: "reaction"; at: string; item: ReactionDto };

/**
 * Sessions and reactions in one timeline, newest first. No state of its own: the portal renders it on the
 * server, the clinic's ReportHistory inside its refreshing query.
 */
export function ReportTimeline({ data, audience, notice }: { data: ReportTimelineData; audience: "patient" | "clinic"; notice?: ReactNode }) {
  const entries: Entry[] = [
    ...data.sessions.map((item): Entry => ({ kind: "session", at: item.performedAt, item })),
    ...data.reactions.map((item): Entry => ({ kind: "reaction", at: item.reportedAt, item })),
  ].sort((a, b) => b.at.localeCompare(a.at) || b.item.createdAt.localeCompare(a.item.createdAt));

  if (entries.length === 0) {
    return <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm">Nothing logged yet.</p>;
  }
  return (
    <div className="space-y-2">
      {notice}
      <ol className="space-y-2">
        {entries.map((e) => (
          <li key={`${e.kind}-${e.item.id}`} className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <p className="font-medium">
                {e.kind === "session"
                  ? `Session · ${areaLabel(e.item.area)} · ${formatMm(e.item.needleMm)} mm · ${e.item.device}`
                  : `Reaction · ${e.item.area ? `${areaLabel(e.item.area)} · ` : ""}worst: ${gradeLabel(e.item.maxGrade).toLowerCase()}`}
              </p>
              <ClinicTime iso={e.at} />
            </div>
            {e.kind === "session" ? (
              <div className="mt-1 flex flex-wrap gap-1">
                {e.item.flags.length === 0 ? (
                  <Badge tone="success">Within plan</Badge>
                ) : (
                  e.item.flags.map((f) => (
                    <Badge key={f} tone={HIGH_RISK_FLAGS.includes(f) ? "danger" : "warning"}>
                      {FLAG_LABELS[f]}
                    </Badge>
                  ))
                )}
                {/* Sessions stored before the not_sanitized flag existed still say so. */}
                {!e.item.sanitized && !e.item.flags.includes("not_sanitized") && <Badge tone="danger">Not sanitized</Badge>}
              </div>
            ) : (
              <p className="mt-1 text-slate-700">
                {e.item.symptoms
                  .filter((s) => s.grade > 0)
                  .map((s) => `${symptomLabel(s.symptom)}: ${gradeLabel(s.grade).toLowerCase()}`)
                  .join(" · ")}
                {e.item.alert && audience === "clinic" && <span className="ml-2 font-medium text-red-800">Alert: {e.item.alert.summary}</span>}
              </p>
            )}
            {e.kind === "reaction" && e.item.session && (
              <p className="mt-1 text-xs text-slate-600">
                After the {areaLabel(e.item.session.area).toLowerCase()} session of <ClinicTime iso={e.item.session.performedAt} />
              </p>
            )}
            {e.item.notes && <p className="mt-1 text-slate-700">“{e.item.notes}”</p>}
            {e.item.reportedBy.onBehalf && <p className="mt-1 text-xs text-slate-600">Recorded by {e.item.reportedBy.name} for the patient (phone call).</p>}
          </li>
        ))}
      </ol>
    </div>
  );
}
