"use client";

import { BrowserOnly, FormSkeleton } from "@/app/_components/browser-only";
import type { HomeCare } from "@/lib/data/home-care";
import { ReactionFormFields } from "./reaction-form-fields";
import { useHomeCare, useRefreshAfterReport } from "./use-home-care";

type Props = { patientId: string; initialHomeCare: HomeCare };

/**
 * The reaction form bound to TanStack Query, for the clinic's patient page: a saved reaction refreshes
 * the plan's dates, the report history and the charts shown beside it. The portal binds the same form
 * without a query library (app/(portal)/portal/report-reaction).
 */
export function ReactionForm({ patientId, initialHomeCare }: Props) {
  return (
    <BrowserOnly fallback={<FormSkeleton />}>
      <BoundReactionForm patientId={patientId} initialHomeCare={initialHomeCare} />
    </BrowserOnly>
  );
}

function BoundReactionForm({ patientId, initialHomeCare }: Props) {
  const { data: homeCare } = useHomeCare(patientId, initialHomeCare);
  const onSaved = useRefreshAfterReport(patientId);
  return <ReactionFormFields patientId={patientId} homeCare={homeCare} onSaved={onSaved} forStaff />;
}
