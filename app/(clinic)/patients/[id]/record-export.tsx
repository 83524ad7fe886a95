import { buttonClasses } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";

/**
 * Downloads of this patient's record. Plain links with `download`: they are files from route handlers,
 * which client-side navigation (next/link) would try to render as pages.
 */
export function RecordExport({ patientId }: { patientId: string }) {
  const base = `/api/patients/${patientId}`;
  return (
    <Card aria-labelledby="export-heading">
      <h2 id="export-heading" className="text-lg font-semibold">
        Export
      </h2>
      <p className="mt-1 text-sm text-slate-700">Every download is recorded in the audit trail. Files hold health data: keep them off shared drives.</p>
      <div className="mt-3 flex flex-wrap gap-2">
        <a href={`${base}/export/sessions.csv`} download className={buttonClasses("secondary")}>
          Sessions (CSV)
        </a>
        <a href={`${base}/export/reactions.csv`} download className={buttonClasses("secondary")}>
          Reactions (CSV)
        </a>
        <a href={`${base}/fhir?download=1`} download className={buttonClasses("secondary")}>
          Full record (FHIR JSON)
        </a>
      </div>
    </Card>
  );
}
