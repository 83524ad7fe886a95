import Link from "next/link";
import { Badge } from "@/app/_components/ui/badge";
import { ClinicTime } from "@/app/_components/clinic-time";
import { formatCalendarDate } from "@/lib/domain/dates";
import type { ScreeningDto } from "@/lib/data/screenings";

type Props = { patientId: string; screening: ScreeningDto | null; pihRisk: boolean; canEdit: boolean };

/** What the screening says today: blocks, cautions to review, and the Fitzpatrick PIH caution. */
export function ScreeningPanel({ patientId, screening, pihRisk, canEdit }: Props) {
  return (
    <section aria-labelledby="screening-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="screening-heading" className="text-lg font-semibold">
          Screening
        </h2>
        {canEdit && (
          <Link href={`/patients/${patientId}/screening`} className="text-sm font-medium text-brand-700 hover:underline">
            {screening ? "Update screening" : "Record screening"}
          </Link>
        )}
      </div>
      {!screening ? (
        <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-900">No screening recorded: a plan cannot be approved until it is.</p>
      ) : (
        <>
          <p className="text-sm text-slate-700">
            Version {screening.version}, <ClinicTime iso={screening.recordedAt} /> by {screening.recordedBy.name}
          </p>
          {screening.evaluation.blocks.length === 0 && screening.evaluation.reviews.length === 0 && (
            <p className="text-sm text-green-800">No contraindications reported.</p>
          )}
          {screening.evaluation.blocks.length > 0 && (
            <div className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
              <p className="font-medium">Blocks approval (override required):</p>
              <ul className="mt-1 list-disc pl-5">
                {screening.evaluation.blocks.map((f) => (
                  <li key={f.item}>
                    {f.label}
                    {f.date && ` (${formatCalendarDate(f.date)})`}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {screening.evaluation.reviews.length > 0 && (
            <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
              <p className="font-medium">Review before approving:</p>
              <ul className="mt-1 list-disc pl-5">
                {screening.evaluation.reviews.map((f) => (
                  <li key={f.item}>{f.label}</li>
                ))}
              </ul>
            </div>
          )}
        </>
      )}
      {pihRisk && (
        <p className="text-sm">
          <Badge tone="warning">Caution</Badge> Fitzpatrick IV–VI: higher risk of post-inflammatory hyperpigmentation.
        </p>
      )}
    </section>
  );
}
