"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import type { ReactionDto } from "@/lib/data/reactions";
import type { SessionDto } from "@/lib/data/sessions";
import { ReportTimeline, type ReportTimelineData } from "./report-timeline";

export type ReportHistoryData = ReportTimelineData & { generatedAt: string };

async function fetchHistory(patientId: string): Promise<ReportHistoryData> {
  const [sessions, reactions] = await Promise.all([
    apiFetch<{ items: SessionDto[] }>(`/api/patients/${patientId}/sessions?pageSize=100`),
    apiFetch<{ items: ReactionDto[] }>(`/api/patients/${patientId}/reactions?pageSize=100`),
  ]);
  return { sessions: sessions.items, reactions: reactions.items, generatedAt: new Date().toISOString() };
}

/** The clinic's report timeline, refreshed after every report recorded on the patient page. */
export function ReportHistory({ patientId, initialData, audience }: { patientId: string; initialData: ReportHistoryData; audience: "patient" | "clinic" }) {
  // Keyed on the server render's time like useHomeCare: a fresh page never shows an older cache.
  const { data, isError, refetch } = useQuery({ queryKey: [...queryKeys.history(patientId), initialData.generatedAt], queryFn: () => fetchHistory(patientId), initialData });
  const notice = isError && (
    <p className="text-sm text-red-700">
      Could not refresh the history. <button className="underline" onClick={() => refetch()}>Try again</button>
    </p>
  );
  return <ReportTimeline data={data} audience={audience} notice={notice} />;
}
