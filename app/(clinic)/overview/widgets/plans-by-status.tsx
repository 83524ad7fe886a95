import Link from "next/link";
import type { Actor } from "@/lib/auth/types";
import { planStatusRows } from "@/lib/charts/overview-shape";
import { plansSummary } from "@/lib/charts/overview-summaries";
import { getPlansByStatus } from "@/lib/data/overview";
import { ChartFigure } from "../chart-figure";
import { PlansChart } from "../charts/lazy-charts";
import { afterShell } from "../widget";

/** Every patient once, by their plan's status; each count opens the roster filtered the same way. */
export async function PlansByStatus({ actor }: { actor: Actor }) {
  await afterShell();
  const counts = getPlansByStatus(actor);
  const rows = planStatusRows(counts);
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  return (
    <ChartFigure
      summary={plansSummary(counts)}
      chart={<PlansChart rows={rows} />}
      table={{ caption: "Patients by plan status", columns: ["Status", "Patients"], rows: [...rows.map((r) => [r.label, r.count]), ["All patients", total]] }}
    >
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {rows.map((r) => (
          <li key={r.status}>
            <Link href={`/patients?status=${r.status}`} className="text-brand-700 underline-offset-2 hover:underline">
              {r.label} ({r.count})
            </Link>
          </li>
        ))}
      </ul>
    </ChartFigure>
  );
}
