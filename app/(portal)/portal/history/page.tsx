import type { Metadata } from "next";
import { ReportHistory } from "@/app/_components/reports/report-history";
import { requirePortalActor } from "@/lib/auth/page-guards";
import { listReactions } from "@/lib/data/reactions";
import { listSessions } from "@/lib/data/sessions";

export const metadata: Metadata = { title: "My history" };

export default async function HistoryPage() {
  const actor = await requirePortalActor();
  const patientId = actor.patientId;
  const paging = { page: 1, pageSize: 100 };
  const initialData = { sessions: listSessions(actor, patientId, paging).items, reactions: listReactions(actor, patientId, paging).items, generatedAt: new Date().toISOString() };
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">My history</h1>
      <ReportHistory patientId={patientId} initialData={initialData} audience="patient" />
    </div>
  );
}
