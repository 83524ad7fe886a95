import { Alert } from "@/app/_components/ui/card";
import { Button } from "@/app/_components/ui/button";
import { ClinicTime } from "@/app/_components/clinic-time";
import type { PlanVersionDto } from "@/lib/data/plans";
import { PlanSummary } from "../plan-summary";

type Props = { latest: PlanVersionDto | null; onKeep: () => void; onStartOver: () => void };

/** Shown on 409: someone recorded a newer version while this editor was open. Nothing typed is lost. */
export function ConflictNotice({ latest, onKeep, onStartOver }: Props) {
  return (
    <Alert tone="warning" className="space-y-2" role="alert">
      <p className="font-semibold">This plan changed while you were editing.</p>
      {latest && (
        <>
          <p>
            Version {latest.version} was recorded by {latest.decidedBy.name} on <ClinicTime iso={latest.decidedAt} />:
          </p>
          <PlanSummary plan={latest} />
        </>
      )}
      <p>Nothing was saved. Review the newer version, then either keep your entries and decide again, or start over from it.</p>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={onKeep}>
          Keep my entries
        </Button>
        <Button variant="ghost" onClick={onStartOver}>
          Start over from the newest version
        </Button>
      </div>
    </Alert>
  );
}
