import type { Metadata } from "next";
import Link from "next/link";
import { Pager } from "@/app/_components/ui/pager";
import { ButtonLink } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { requirePageActor } from "@/lib/auth/page-guards";
import { STAFF_ROLES } from "@/lib/auth/types";
import { listPatients } from "@/lib/data/patients";
import { formatMm } from "@/lib/domain/clinical";
import { clinicToday } from "@/lib/data/clock";
import { ageOn, formatCalendarDate } from "@/lib/domain/dates";
import { skinTypeLabel } from "@/lib/format";
import { patientListQuerySchema } from "@/lib/validation/patients";
import { NeedsReviewBadge, PausedBadge, PlanStatusBadge } from "./plan-status-badge";
import { RosterSearch } from "./roster-search";

export const metadata: Metadata = { title: "Patients" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PatientsPage({ searchParams }: Props) {
  const actor = await requirePageActor(STAFF_ROLES);
  const raw = await searchParams;
  const parsed = patientListQuerySchema.safeParse({ q: raw.q, page: raw.page, status: raw.status, sort: raw.sort });
  const query = parsed.success ? parsed.data : patientListQuerySchema.parse({});
  const { items, total, page, pageSize } = listPatients(actor, query);
  const today = clinicToday();
  const filters = { ...(query.q && { q: query.q }), ...(query.status && { status: query.status }), ...(query.sort !== "name" && { sort: query.sort }) };
  const pageHref = (n: number) => `/patients?${new URLSearchParams({ ...filters, page: String(n) })}`;
  const filtered = Boolean(query.q || query.status);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Patients</h1>
          <p className="text-sm text-slate-700">Your clinic&rsquo;s roster and each patient&rsquo;s home-care plan status.</p>
        </div>
        <div className="flex flex-wrap items-end gap-3">
          <RosterSearch initial={{ q: query.q ?? "", status: query.status ?? "", sort: query.sort }} />
          <ButtonLink href="/patients/new" variant="primary">
            New patient
          </ButtonLink>
        </div>
      </div>
      {!parsed.success && <Alert tone="warning">That search could not be read, so the full roster is shown.</Alert>}

      {items.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center">
          <p className="font-medium">
            {query.q ? `No patients match “${query.q}”.` : filtered ? "No patients have this plan status." : "No patients yet."}
          </p>
          <p className="mt-1 text-sm text-slate-700">
            {filtered ? "Check the spelling, search by MRN, or clear the filters." : "Patients your clinic adds will appear here."}
          </p>
        </div>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Patients, sorted by {query.sort === "reviewBy" ? "review date" : "name"}</caption>
            <thead className="bg-slate-50 text-left text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-3 font-medium">Name</th>
                <th scope="col" className="px-4 py-3 font-medium">MRN</th>
                <th scope="col" className="px-4 py-3 font-medium">Date of birth</th>
                <th scope="col" className="px-4 py-3 font-medium">Skin type</th>
                <th scope="col" className="px-4 py-3 font-medium">Responsible clinician</th>
                <th scope="col" className="px-4 py-3 font-medium">Plan</th>
                <th scope="col" className="px-4 py-3 font-medium">Max length</th>
                <th scope="col" className="px-4 py-3 font-medium">Review by</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {items.map((p) => (
                <tr key={p.id} className="hover:bg-slate-50">
                  <td className="px-4 py-3">
                    <Link href={`/patients/${p.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                      {p.name}
                    </Link>
                  </td>
                  <td className="px-4 py-3 font-mono">{p.mrn}</td>
                  <td className="px-4 py-3">
                    {formatCalendarDate(p.dateOfBirth)} <span className="text-slate-600">({ageOn(p.dateOfBirth, today)})</span>
                  </td>
                  <td className="px-4 py-3">{skinTypeLabel(p.skinType)}</td>
                  <td className="px-4 py-3">{p.responsibleClinician.name}</td>
                  <td className="px-4 py-3">
                    <span className="flex flex-wrap gap-1">
                      <PlanStatusBadge status={p.planStatus} />
                      {p.paused ? <PausedBadge /> : p.needsReview && <NeedsReviewBadge />}
                    </span>
                  </td>
                  <td className="px-4 py-3">{p.maxNeedleMm !== null ? `${formatMm(p.maxNeedleMm)} mm` : "—"}</td>
                  <td className="px-4 py-3">{p.reviewBy ? formatCalendarDate(p.reviewBy) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <Pager page={page} pageSize={pageSize} total={total} href={pageHref} noun={["patient", "patients"]} />
    </div>
  );
}
