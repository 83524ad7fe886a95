"use client";

import { BrowserOnly, FormSkeleton } from "@/app/_components/browser-only";
import type { HomeCare } from "@/lib/data/home-care";
import { SessionFormFields } from "./session-form-fields";
import { useHomeCare, useRefreshAfterReport } from "./use-home-care";

type Props = { patientId: string; initialHomeCare: HomeCare; onBehalfOf?: string };

/**
 * The session form bound to TanStack Query, for the clinic's patient page: a saved session refreshes
 * the plan's dates, the report history and the charts shown beside it. The portal binds the same form
 * without a query library (app/(portal)/portal/log-session).
 */
export function SessionForm({ patientId, initialHomeCare, onBehalfOf }: Props) {
  return (
    <BrowserOnly fallback={<FormSkeleton />}>
      <BoundSessionForm patientId={patientId} initialHomeCare={initialHomeCare} onBehalfOf={onBehalfOf} />
    </BrowserOnly>
  );
}

function BoundSessionForm({ patientId, initialHomeCare, onBehalfOf }: Props) {
  const { data: homeCare } = useHomeCare(patientId, initialHomeCare);
  const onSaved = useRefreshAfterReport(patientId);
  return <SessionFormFields patientId={patientId} homeCare={homeCare} onBehalfOf={onBehalfOf} onSaved={onSaved} />;
}
