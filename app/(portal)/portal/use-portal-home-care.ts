import { useRouter } from "next/navigation";
import { apiFetch } from "@/lib/client/api";
import { useFreshData } from "@/lib/client/use-fresh-data";
import type { HomeCare } from "@/lib/data/home-care";

/**
 * The patient's plan and per-area dates for a portal form, without a query library: the server's
 * render, refetched by plain fetch when it is old (never a page reload while the patient is typing).
 * After a report the page is rendered again on the server, which also drops the older pages the back
 * button would otherwise restore (the plan page's "next session allowed").
 */
export function usePortalHomeCare(initial: HomeCare) {
  const router = useRouter();
  const homeCare = useFreshData(initial, initial.generatedAt, () => apiFetch<HomeCare>(`/api/patients/${initial.patient.id}/home-care`));
  return { homeCare, afterReport: () => router.refresh() };
}
