import { callClinic } from "@/lib/domain/patient-plan-text";

/** Shown whenever a report has a severe grade or any warning sign (needsUrgentGuidance). */
export function UrgentGuidance({ clinicPhone }: { clinicPhone: string | null }) {
  return (
    <div role="alert" className="rounded-md border-2 border-red-700 bg-red-50 p-4 text-red-950">
      <p className="text-lg font-bold">Contact your clinic now.</p>
      <p className="mt-1 text-sm">
        Stop microneedling and {callClinic(clinicPhone)}. Do not treat the area yourself. If you have a fever, spreading redness or feel unwell and
        cannot reach the clinic, seek urgent medical care.
      </p>
    </div>
  );
}
