"use client";

import { lazy, Suspense } from "react";
import { BrowserOnly, FormSkeleton } from "@/app/_components/browser-only";
import type { HomeCare } from "@/lib/data/home-care";
import { usePortalHomeCare } from "../use-portal-home-care";

/**
 * The form loads as soon as the page is interactive, like the chart and the report schemas, so it is
 * not part of the page's first-load JavaScript (the phone budget, 150 kB gzip). It renders in the
 * browser only anyway ("now" in the patient's own time zone): the same skeleton shows until it arrives.
 */
const SessionFormFields = lazy(() => import("@/app/_components/reports/session-form-fields").then((m) => ({ default: m.SessionFormFields })));

/** The patient's session form: the shared form bound without a query library (see usePortalHomeCare). */
export function LogSessionForm({ initialHomeCare }: { initialHomeCare: HomeCare }) {
  const { homeCare, afterReport } = usePortalHomeCare(initialHomeCare);
  return (
    <BrowserOnly fallback={<FormSkeleton />}>
      <Suspense fallback={<FormSkeleton />}>
        <SessionFormFields patientId={homeCare.patient.id} homeCare={homeCare} onSaved={afterReport} />
      </Suspense>
    </BrowserOnly>
  );
}
