import { formatClinicDay } from "@/lib/domain/dates";
import { PAUSE_WHY } from "@/lib/domain/patient-plan-text";
import type { PauseNotice } from "@/lib/data/holds";

/**
 * On every portal page while home microneedling is paused: stop, and whom to call. Rendered on the
 * server in the layout, so no page of the portal can show a plan without it.
 */
export function PauseBanner({ notice, timeZone }: { notice: PauseNotice; timeZone: string }) {
  const { pause } = notice;
  if (!pause) return null;
  return (
    <section aria-labelledby="pause-banner-heading" className="border-b-4 border-red-800 bg-red-700 text-white" data-testid="pause-banner">
      <div className="mx-auto max-w-2xl space-y-1 px-4 py-3">
        <h2 id="pause-banner-heading" className="text-lg font-bold">
          Stop microneedling and contact your clinic
        </h2>
        <p className="text-sm">
          {PAUSE_WHY[pause.reason]} Do not microneedle any area until your clinic clears you to continue (paused since {formatClinicDay(pause.since, timeZone)}).
        </p>
        <p className="text-sm font-semibold">
          {notice.clinicPhone ? (
            <>
              Call {notice.clinicName} on{" "}
              <a className="underline" href={`tel:${notice.clinicPhone.replace(/[^+0-9]/g, "")}`}>
                {notice.clinicPhone}
              </a>
              .
            </>
          ) : (
            <>Contact {notice.clinicName}.</>
          )}{" "}
          If it gets worse, you have a fever or redness is spreading, seek urgent care.
        </p>
      </div>
    </section>
  );
}
