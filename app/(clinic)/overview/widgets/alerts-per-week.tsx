import type { Actor } from "@/lib/auth/types";
import { weekLabel } from "@/lib/charts/overview-shape";
import { alertsSummary } from "@/lib/charts/overview-summaries";
import { getAlertsPerWeek } from "@/lib/data/overview";
import { ChartFigure } from "../chart-figure";
import { AlertsChart } from "../charts/lazy-charts";
import { afterShell } from "../widget";

export async function AlertsPerWeek({ actor }: { actor: Actor }) {
  await afterShell();
  const weeks = getAlertsPerWeek(actor);
  const rows = weeks.map((w) => ({ label: weekLabel(w.week), raised: w.raised, resolved: w.resolved }));
  return (
    <ChartFigure
      summary={alertsSummary(weeks)}
      chart={<AlertsChart rows={rows} />}
      table={{ caption: "Alerts raised and resolved per week", columns: ["Week of", "Raised", "Resolved"], rows: rows.map((r) => [r.label, r.raised, r.resolved]) }}
    />
  );
}
