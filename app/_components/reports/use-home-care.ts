"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import type { HomeCare } from "@/lib/data/home-care";

/** The patient's current plan and per-area dates, refreshed after every report. */
export function useHomeCare(patientId: string, initialData: HomeCare) {
  return useQuery({
    queryKey: queryKeys.homeCare(patientId),
    queryFn: () => apiFetch<HomeCare>(`/api/patients/${patientId}/home-care`),
    initialData,
  });
}
