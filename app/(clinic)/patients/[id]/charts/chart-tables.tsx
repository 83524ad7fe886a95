"use client";

import { ClinicTime, useClinicTimeZone } from "@/app/_components/clinic-time";
import { adherenceWeeks } from "@/lib/charts/adherence";
import { healingRows } from "@/lib/charts/healing";
import { areaLabel, plural, shortSymptomLabel } from "@/lib/charts/labels";
import { limitAt } from "@/lib/charts/limits";
import { pauseAt, pauseLabel } from "@/lib/charts/pauses";
import { isOffPlan, timeDomain, timelineRows } from "@/lib/charts/timeline";
import type { PatientCharts } from "@/lib/charts/types";
import { formatMm } from "@/lib/domain/clinical";
import { gradeLabel } from "@/lib/domain/reactions";
import { FLAG_LABELS } from "@/lib/domain/session-flags";
import { formatCalendarDate } from "@/lib/domain/dates";
import { Cell, DataTable, EmptyRow } from "./data-table";
import { PauseTable } from "./pause-notes";

/** The same values as each chart, row for row, for screen readers and printing. */

const mm = (value: number) => (value === 0 ? "None approved" : `${formatMm(value)} mm`);
const planStatus = (session: PatientCharts["sessions"][number]) =>
  isOffPlan(session) ? `Off plan: ${session.flags.map((f) => FLAG_LABELS[f]).join(", ")}` : "Within plan";

export function TimelineTable({ data }: { data: PatientCharts }) {
  return (
    <DataTable caption="Sessions and reactions, oldest first" columns={["When", "What", "Details"]}>
      {timelineRows(data).map((row) =>
        row.session ? (
          <tr key={`s-${row.session.id}`}>
            <Cell>
              <ClinicTime iso={row.session.performedAt} />
            </Cell>
            <Cell>
              Session · {areaLabel(row.session.area)} · {formatMm(row.session.needleMm)} mm
            </Cell>
            <Cell>{planStatus(row.session)}</Cell>
          </tr>
        ) : (
          <tr key={`r-${row.reaction!.id}`}>
            <Cell>
              <ClinicTime iso={row.reaction!.reportedAt} />
            </Cell>
            <Cell>Reaction</Cell>
            <Cell>{row.reaction!.symptoms.map((s) => `${shortSymptomLabel(s.symptom)}: ${gradeLabel(s.grade).toLowerCase()} (${s.grade})`).join(", ")}</Cell>
          </tr>
        ),
      )}
    </DataTable>
  );
}

/** The length approved when a session was performed, and the pause that allowed none. */
function approvedThen(data: PatientCharts, s: PatientCharts["sessions"][number]): string {
  const t = Date.parse(s.performedAt);
  const pause = pauseAt(data.pauses, t);
  return pause ? `None approved (${pauseLabel(pause.reason).toLowerCase()})` : mm(limitAt(data.limits, s.area, t));
}

export function NeedleTables({ data }: { data: PatientCharts }) {
  return (
    <div className="space-y-3">
      <DataTable caption="Needle length per session against the approved maximum" columns={["When", "Area", "Needle", "Approved then", "Plan"]}>
        {data.sessions.length === 0 && <EmptyRow span={5}>No sessions in this range.</EmptyRow>}
        {data.sessions.map((s) => (
          <tr key={s.id}>
            <Cell>
              <ClinicTime iso={s.performedAt} />
            </Cell>
            <Cell>{areaLabel(s.area)}</Cell>
            <Cell>{formatMm(s.needleMm)} mm</Cell>
            <Cell>{approvedThen(data, s)}</Cell>
            <Cell>{planStatus(s)}</Cell>
          </tr>
        ))}
      </DataTable>
      <DataTable caption="Approved maximum by plan period" columns={["Area", "From", "Until", "Approved maximum"]}>
        {data.limits.length === 0 && <EmptyRow span={4}>No plan decision covers this range.</EmptyRow>}
        {data.limits.map((l) => (
          <tr key={`${l.area}-${l.from}`}>
            <Cell>{areaLabel(l.area)}</Cell>
            <Cell>
              <ClinicTime iso={l.from} dateOnly />
            </Cell>
            <Cell>{l.to ? <ClinicTime iso={l.to} dateOnly /> : "In force"}</Cell>
            <Cell>{mm(l.maxNeedleMm)}</Cell>
          </tr>
        ))}
      </DataTable>
      <PauseTable pauses={data.pauses} />
    </div>
  );
}

export function HealingTable({ data }: { data: PatientCharts }) {
  const rows = healingRows(data.healing, data.to);
  return (
    <DataTable caption="Healing time per session with reactions" columns={["Session", "Area", "Days to heal"]}>
      {rows.length === 0 && <EmptyRow span={3}>No session in this range was followed by reactions.</EmptyRow>}
      {rows.map((r) => (
        <tr key={r.sessionId}>
          <Cell>
            <ClinicTime iso={r.performedAt} />
          </Cell>
          <Cell>{areaLabel(r.area)}</Cell>
          <Cell>{r.days === null ? `Still healing (no all-clear yet; ${plural(r.soFar ?? 0, "day")} since the session)` : plural(r.days, "day")}</Cell>
        </tr>
      ))}
    </DataTable>
  );
}

export function AdherenceTable({ data, minIntervalDays }: { data: PatientCharts; minIntervalDays: number | null }) {
  const { areas, weeks } = adherenceWeeks(data.sessions, data.limits, timeDomain(data), minIntervalDays, useClinicTimeZone());
  return (
    <DataTable caption="Sessions per week per area" columns={["Week of", ...areas.map(areaLabel), "Allowed per area"]}>
      {weeks.map((w) => (
        <tr key={w.week}>
          <Cell>{formatCalendarDate(w.week)}</Cell>
          {areas.map((a) => (
            <Cell key={a}>
              {w.counts[a] ?? 0}
              {w.over.includes(a) && " (over)"}
            </Cell>
          ))}
          <Cell>{w.allowed ?? "Not set"}</Cell>
        </tr>
      ))}
    </DataTable>
  );
}
