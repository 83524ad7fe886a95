import { Alert } from "@/app/_components/ui/card";
import { Button } from "@/app/_components/ui/button";
import { formatDateTime } from "@/lib/format";
import type { PlanVersionDto } from "@/lib/data/plans";
import { PlanSummary } from "../plan-summary";

/** Shown on 409: someone recorded a newer version while this editor was open. */
export function ConflictNotice({ latest, onReload }: { latest: PlanVersionDto | null; onReload: () => void }) {
  return (
    <Alert tone="warning" className="space-y-2" role="alert">
      <p className="font-semibold">This plan changed while you were editing.</p>
      {latest && (
        <>
          <p>
            Version {latest.version} was recorded by {latest.decidedBy.name} on {formatDateTime(latest.decidedAt)}:
          </p>
          <PlanSummary plan={latest} />
        </>
      )}
      <p>Nothing was saved. Reload to decide from the newest version; what you typed here will be cleared.</p>
      <Button variant="secondary" onClick={onReload}>
        Load the newest version
      </Button>
    </Alert>
  );
}
