import { buttonClasses } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";

/**
 * The admin's clinic-wide downloads. Plain links with `download`: the files come from route handlers,
 * which client-side navigation (next/link) would try to render as pages.
 */
export function ClinicExport() {
  return (
    <Card aria-labelledby="clinic-export-heading">
      <h2 id="clinic-export-heading" className="text-lg font-semibold">
        Clinic data export
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        Every patient&rsquo;s home sessions or reactions as one spreadsheet file, each row with the patient&rsquo;s record id and MRN. Each download is
        recorded in the audit trail. The files hold health data: keep them off shared drives.
      </p>
      <div className="mt-3 flex flex-wrap gap-2">
        <a href="/api/clinic/export/sessions.csv" download className={buttonClasses("secondary")}>
          All sessions (CSV)
        </a>
        <a href="/api/clinic/export/reactions.csv" download className={buttonClasses("secondary")}>
          All reactions (CSV)
        </a>
      </div>
    </Card>
  );
}
