import Link from "next/link";
import { Alert } from "@/app/_components/ui/card";
import { screeningItemLabel, type ScreeningItemCode } from "@/lib/domain/clinical";
import { formatClinicDay } from "@/lib/domain/dates";
import { healthChangeLabel } from "@/lib/domain/health-changes";
import type { HoldDto } from "@/lib/data/holds";
import type { PatientDetail } from "@/lib/data/patients";
import { ClearPauseForm } from "./clear-pause-form";

const PAUSE_WHY: Record<string, string> = {
  warning_sign: "the patient reported a warning sign",
  contraindication: "a new blocking screening answer",
  health_change: "the patient told the clinic of a change in health",
};

const itemNames = (items: string[]) => items.map((i) => (i === "other_medicine" ? healthChangeLabel(i) : screeningItemLabel(i as ScreeningItemCode)).toLowerCase()).join("; ");

type Props = {
  patient: Pick<PatientDetail, "id" | "pause" | "portalAccount" | "phone">;
  holds: HoldDto[];
  timeZone: string;
  /** Clinicians clear a pause and decide the plan; admins see what is needed and whom to call. */
  isClinician: boolean;
};

/**
 * What stops or questions this patient's home care, before anything else on the page: the pause, how the
 * patient learns of it (the portal only if they can sign in to it; otherwise someone must call), and the
 * items waiting for review.
 */
export function NeedsReviewNotice({ patient, holds, timeZone, isClinician }: Props) {
  const open = holds.filter((h) => h.clearedAt === null);
  const pauses = open.filter((h) => h.kind === "pause");
  const reviews = open.filter((h) => h.kind === "review");
  if (open.length === 0) return null;
  return (
    <div className="space-y-3">
      {patient.pause && (
        <Alert tone="error" role="alert" className="space-y-2" data-testid="pause-notice">
          <p className="font-semibold">Home microneedling paused since {formatClinicDay(patient.pause.since, timeZone)}</p>
          <ul className="list-disc pl-5">
            {pauses.map((p) => (
              <li key={p.id}>
                {formatClinicDay(p.since, timeZone)}: {PAUSE_WHY[p.reason] ?? p.reason}
                {p.items.length > 0 && ` (${itemNames(p.items)})`}
                {p.alertId && (
                  <>
                    {" "}
                    <Link href={`/alerts?patientId=${patient.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                      see the alert
                    </Link>
                  </>
                )}
              </li>
            ))}
          </ul>
          <p>
            {patient.portalAccount === "active"
              ? "The patient is shown “Stop microneedling and contact your clinic” on every portal page."
              : `The patient has no portal access: call them${patient.phone ? ` on ${patient.phone}` : " (no phone number on record: add one under Edit details)"} and record the call on the alert.`}
          </p>
          {isClinician ? (
            <ClearPauseForm patientId={patient.id} />
          ) : (
            <p className="text-sm">Only a clinician can clear the pause.</p>
          )}
        </Alert>
      )}
      {reviews.length > 0 && (
        <Alert tone="warning" className="space-y-1" data-testid="review-notice">
          <p className="font-semibold">Needs review: {itemNames(reviews.flatMap((r) => r.items))}</p>
          <p>
            New since the plan was approved. The plan stays usable; a clinician acknowledges the alert
            {isClinician && (
              <>
                {" "}
                or{" "}
                <Link href={`/patients/${patient.id}/plan`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                  decides the plan again
                </Link>
              </>
            )}
            .
          </p>
        </Alert>
      )}
    </div>
  );
}
