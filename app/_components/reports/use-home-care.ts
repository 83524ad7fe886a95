"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import type { HomeCare } from "@/lib/data/home-care";

/**
 * The patient's current plan and per-area dates, refreshed after every report. The key carries the
 * server render's time, so a page rendered after a change never shows an older cached plan; reports
 * invalidate by the key's prefix, which covers every render.
 */
export function useHomeCare(patientId: string, initialData: HomeCare) {
  return useQuery({
    queryKey: [...queryKeys.homeCare(patientId), initialData.generatedAt],
    queryFn: () => apiFetch<HomeCare>(`/api/patients/${patientId}/home-care`),
    initialData,
  });
}

/** What a saved report changes on the clinic's patient page: the plan's dates, the history, the charts. */
export function useRefreshAfterReport(patientId: string): () => void {
  const queryClient = useQueryClient();
  return () => {
    for (const queryKey of [queryKeys.homeCare(patientId), queryKeys.history(patientId), queryKeys.allCharts(patientId)]) {
      void queryClient.invalidateQueries({ queryKey });
    }
  };
}
