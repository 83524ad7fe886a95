import type { Metadata } from "next";
import { Card } from "@/app/_components/ui/card";
import { requirePageActor } from "@/lib/auth/page-guards";
import { FhirExportDownload } from "./fhir-export-download";

export const metadata: Metadata = { title: "Data export" };

export default async function ExportsPage() {
  await requirePageActor(["admin"]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Data export</h1>
      <Card aria-labelledby="fhir-export-heading">
        <h2 id="fhir-export-heading" className="text-lg font-semibold">
          Whole clinic, FHIR R4
        </h2>
        <p className="mt-1 text-sm text-slate-700">
          Every patient&rsquo;s record (plans, sessions, reactions, adverse events, who decided what) as one zip of NDJSON files, one per FHIR
          resource type, in the FHIR Bulk Data layout another clinical system can import. The export is recorded in the audit trail. It holds
          your clinic&rsquo;s health data: keep it off shared drives.
        </p>
        <FhirExportDownload />
      </Card>
    </div>
  );
}
