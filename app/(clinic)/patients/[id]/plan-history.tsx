"use client";

import { useState } from "react";
import { SelectField } from "@/app/_components/ui/form-controls";
import { diffPlans } from "@/lib/domain/plan-diff";
import { ClinicTime } from "@/app/_components/clinic-time";
import type { PlanVersionDto } from "@/lib/data/plans";
import { PlanSummary } from "./plan-summary";

/** Every version, newest first, with a readable difference between any two. */
export function PlanHistory({ versions }: { versions: PlanVersionDto[] }) {
  const [from, setFrom] = useState(versions[1]?.version ?? versions[0]?.version ?? 0);
  const [to, setTo] = useState(versions[0]?.version ?? 0);
  if (versions.length === 0) return <p className="text-sm text-slate-700">No plan decision has been recorded for this patient yet.</p>;
  const a = versions.find((v) => v.version === from);
  const b = versions.find((v) => v.version === to);
  const changes = a && b ? diffPlans(a, b) : [];

  return (
    <div className="space-y-4">
      <ol className="space-y-3">
        {versions.map((v) => (
          <li key={v.version} className="rounded-md border border-slate-200 p-3">
            <p className="text-sm font-medium">
              Version {v.version} · {v.decision} · {v.decidedBy.name} · <ClinicTime iso={v.decidedAt} />
            </p>
            <div className="mt-1">
              <PlanSummary plan={v} standingGuidance={false} />
            </div>
            {/* An approval shows its screening version in the summary; a denial or suspension is decided on one too. */}
            {v.decision !== "approved" && v.screeningVersion !== null && (
              <p className="mt-1 text-sm text-slate-700">Decided on screening version {v.screeningVersion}</p>
            )}
            {v.contraindicationOverride && <p className="mt-1 text-sm text-slate-700">Contraindication override: {v.contraindicationOverride}</p>}
            {v.intervalOverrideReason && <p className="mt-1 text-sm text-slate-700">Interval override: {v.intervalOverrideReason}</p>}
          </li>
        ))}
      </ol>
      {versions.length > 1 && (
        <div className="space-y-2 rounded-md border border-slate-200 p-3">
          <h3 className="font-medium">Compare versions</h3>
          <div className="flex flex-wrap gap-3">
            <SelectField label="From" value={from} onChange={(e) => setFrom(Number(e.target.value))}>
              {versions.map((v) => (
                <option key={v.version} value={v.version}>
                  Version {v.version}
                </option>
              ))}
            </SelectField>
            <SelectField label="To" value={to} onChange={(e) => setTo(Number(e.target.value))}>
              {versions.map((v) => (
                <option key={v.version} value={v.version}>
                  Version {v.version}
                </option>
              ))}
            </SelectField>
          </div>
          {changes.length === 0 ? (
            <p className="text-sm text-slate-700">No differences.</p>
          ) : (
            <table className="w-full text-left text-sm">
              <caption className="sr-only">
                Changes from version {from} to version {to}
              </caption>
              <thead>
                <tr className="text-slate-700">
                  <th scope="col" className="py-1 pr-3 font-medium">Field</th>
                  <th scope="col" className="py-1 pr-3 font-medium">Version {from}</th>
                  <th scope="col" className="py-1 font-medium">Version {to}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {changes.map((c) => (
                  <tr key={c.field}>
                    <th scope="row" className="py-1 pr-3 font-medium">{c.field}</th>
                    <td className="py-1 pr-3 whitespace-pre-line text-red-800">{c.before}</td>
                    <td className="py-1 whitespace-pre-line text-green-800">{c.after}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </div>
  );
}
