import type { Actor } from "@/lib/auth/types";
import { pivotReactions } from "@/lib/charts/overview-shape";
import { reactionsSummary } from "@/lib/charts/overview-summaries";
import { getReactionsBySymptom } from "@/lib/data/overview";
import { gradeLabel } from "@/lib/domain/reactions";
import { ChartFigure } from "../chart-figure";
import { ReactionsChart } from "../charts/lazy-charts";
import type { ReactionsChartRow } from "../charts/reactions-chart";
import { afterShell } from "../widget";

export async function ReactionsBySymptom({ actor }: { actor: Actor }) {
  await afterShell();
  const counts = getReactionsBySymptom(actor);
  const { symptoms, grades } = pivotReactions(counts);
  if (symptoms.length === 0) return <p className="text-sm text-slate-700">{reactionsSummary(counts)}</p>;
  const rows = symptoms.map((s): ReactionsChartRow => ({ symptom: s.symptom, label: s.label, total: s.total, ...Object.fromEntries(grades.map((g) => [`g${g}`, s.grades[g] ?? 0])) }));
  return (
    <ChartFigure
      summary={reactionsSummary(counts)}
      chart={<ReactionsChart rows={rows} grades={grades} />}
      table={{
        caption: "Reactions by symptom and grade",
        columns: ["Symptom", ...grades.map(gradeLabel), "Total"],
        rows: symptoms.map((s) => [s.label, ...grades.map((g) => s.grades[g] ?? 0), s.total]),
      }}
    />
  );
}
