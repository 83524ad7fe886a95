import Link from "next/link";
import { Alert } from "@/app/_components/ui/card";
import { Button } from "@/app/_components/ui/button";

type ChangedProps = { latestVersion: number; decidedOn: number; onReload: () => void };

/**
 * Shown on 409 when the screening was re-recorded while the editor was open. Nothing is resubmitted:
 * the clinician reloads the screening, sees what changed, and decides again.
 */
export function ScreeningChangedNotice({ latestVersion, decidedOn, onReload }: ChangedProps) {
  return (
    <Alert tone="warning" className="space-y-2" role="alert">
      <p className="font-semibold">The screening changed while you were deciding.</p>
      <p>
        You were looking at screening version {decidedOn}; version {latestVersion} is now the latest. Nothing was saved. Reload the
        screening, check what your override and acknowledgements cover, then record your decision again. Your entries are kept.
      </p>
      <Button variant="secondary" onClick={onReload}>
        Reload the screening
      </Button>
    </Alert>
  );
}

/** The screening is too old to approve on (rule `screening_stale`): it must be re-confirmed first. */
export function StaleScreeningNotice({ patientId, message }: { patientId: string; message: string }) {
  return (
    <Alert tone="warning" className="space-y-1">
      <p>{message}</p>
      <Link href={`/patients/${patientId}/screening`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
        Re-record the screening
      </Link>
    </Alert>
  );
}
