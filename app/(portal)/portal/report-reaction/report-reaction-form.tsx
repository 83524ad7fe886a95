"use client";

import { lazy, Suspense } from "react";
import { BrowserOnly, FormSkeleton } from "@/app/_components/browser-only";
import type { HomeCare } from "@/lib/data/home-care";
import { usePortalHomeCare } from "../use-portal-home-care";

/** Loads as soon as the page is interactive, outside the first-load budget: see LogSessionForm. */
const ReactionFormFields = lazy(() => import("@/app/_components/reports/reaction-form-fields").then((m) => ({ default: m.ReactionFormFields })));

/** The patient's reaction form: the shared form bound without a query library (see usePortalHomeCare). */
export function ReportReactionForm({ initialHomeCare }: { initialHomeCare: HomeCare }) {
  const { homeCare, afterReport } = usePortalHomeCare(initialHomeCare);
  return (
    <BrowserOnly fallback={<FormSkeleton />}>
      <Suspense fallback={<FormSkeleton />}>
        <ReactionFormFields patientId={homeCare.patient.id} homeCare={homeCare} onSaved={afterReport} />
      </Suspense>
    </BrowserOnly>
  );
}
