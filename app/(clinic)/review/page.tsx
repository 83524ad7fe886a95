import type { Metadata } from "next";
import Link from "next/link";
import { ClinicTime } from "@/app/_components/clinic-time";
import { Badge } from "@/app/_components/ui/badge";
import { Pager } from "@/app/_components/ui/pager";
import { requirePageActor } from "@/lib/auth/page-guards";
import { STAFF_ROLES } from "@/lib/auth/types";
import { AREA_LABELS, formatMm, type Area } from "@/lib/domain/clinical";
import { gradeLabel, symptomLabel } from "@/lib/domain/reactions";
import { FLAG_LABELS } from "@/lib/domain/session-flags";
import { listReviewQueue } from "@/lib/data/review-queue";
import { REVIEW_SCOPES, reviewQueueQuerySchema, type ReviewScope } from "@/lib/validation/reports";
import { SignOffButton } from "./sign-off-button";

export const metadata: Metadata = { title: "To review" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ReviewPage({ searchParams }: Props) {
  const actor = await requirePageActor(STAFF_ROLES);
  const parsed = reviewQueueQuerySchema.safeParse(await searchParams);
  const { items, total, page, pageSize, scope } = listReviewQueue(actor, parsed.success ? parsed.data : reviewQueueQuerySchema.parse({}));
  const href = (n: number, to: ReviewScope = scope) => `/review?scope=${to}${n > 1 ? `&page=${n}` : ""}`;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">To review</h1>
      <p className="text-sm text-slate-700">
        {scope === "mine" ? "New reports from the patients you are responsible for." : "New patient reports across the clinic."} Each stays here until a
        clinician of the clinic marks it reviewed.
      </p>
      {actor.role === "clinician" && (
        <nav aria-label="Whose reports" className="flex gap-2 text-sm">
          {REVIEW_SCOPES.map((option) => (
            <Link
              key={option}
              href={href(1, option)}
              aria-current={option === scope ? "page" : undefined}
              className="rounded-md border border-slate-300 px-3 py-1.5 aria-[current=page]:border-brand-700 aria-[current=page]:bg-brand-50 aria-[current=page]:font-medium"
            >
              {option === "mine" ? "My patients" : "Whole clinic"}
            </Link>
          ))}
        </nav>
      )}
      {items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm">Nothing to review. All caught up.</p>
      ) : (
        <ul className="space-y-2">
          {items.map((item) => (
            <li key={`${item.kind}-${item.id}`} className="flex flex-wrap items-start justify-between gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm">
              <div className="space-y-1">
                <p>
                  <Link href={`/patients/${item.patientId}`} className="font-medium text-brand-700 hover:underline">
                    {item.patientName}
                  </Link>{" "}
                  · {item.kind === "session" ? "Session" : "Reaction"} · <ClinicTime iso={item.at} />
                  {item.onBehalf && " · recorded by the clinic"}
                </p>
                {item.kind === "session" ? (
                  <p className="flex flex-wrap items-center gap-1">
                    {AREA_LABELS[item.area as Area] ?? item.area}, {formatMm(item.needleMm)} mm
                    {item.flags.map((f) => (
                      <Badge key={f} tone="warning">
                        {FLAG_LABELS[f]}
                      </Badge>
                    ))}
                  </p>
                ) : (
                  <p>
                    {item.symptoms
                      .filter((s) => s.grade > 0)
                      .map((s) => `${symptomLabel(s.symptom)}: ${gradeLabel(s.grade).toLowerCase()}`)
                      .join(" · ")}
                  </p>
                )}
              </div>
              {actor.role === "clinician" && <SignOffButton kind={item.kind} id={item.id} label={`Mark ${item.patientName}'s ${item.kind} reviewed`} />}
            </li>
          ))}
        </ul>
      )}
      <Pager page={page} pageSize={pageSize} total={total} href={(n) => href(n)} noun={["report to review", "reports to review"]} />
    </div>
  );
}
