import type { Actor } from "@/lib/auth/types";
import { percent, weekLabel } from "@/lib/charts/overview-shape";
import { offPlanSummary } from "@/lib/charts/overview-summaries";
import { getOffPlanShare } from "@/lib/data/overview";
import { ChartFigure } from "../chart-figure";
import { OffPlanChart } from "../charts/lazy-charts";
import { afterShell } from "../widget";

export async function OffPlanShare({ actor }: { actor: Actor }) {
  await afterShell();
  const weeks = getOffPlanShare(actor);
  const rows = weeks.map((w) => ({ label: weekLabel(w.week), share: w.share, text: percent(w.share) }));
  return (
    <ChartFigure
      summary={offPlanSummary(weeks)}
      chart={<OffPlanChart rows={rows} />}
      table={{ caption: "Share of sessions flagged off-plan per week", columns: ["Week of", "Flagged off-plan"], rows: rows.map((r) => [r.label, r.text]) }}
    />
  );
}
