"use client";

import { ClinicTime } from "@/app/_components/clinic-time";
import { pauseLabel } from "@/lib/charts/pauses";
import type { ChartPause } from "@/lib/charts/types";
import { Cell, DataTable } from "./data-table";

/** The red band's colour: a pause reads apart from the grey of a plan that approves nothing. */
export const PAUSE_FILL = "#B2182B";

/**
 * Each pause under the needle chart in words, so a pause that began minutes ago (a sliver on the axis)
 * is never missed. Nothing when the range had none.
 */
export function PauseNotes({ pauses }: { pauses: readonly ChartPause[] }) {
  if (pauses.length === 0) return null;
  return (
    <ul data-testid="pause-notes" className="space-y-0.5 text-xs text-red-900">
      {pauses.map((p) => (
        <li key={p.since} className="flex items-center gap-1">
          <span className="inline-block size-3 shrink-0" style={{ backgroundColor: PAUSE_FILL, opacity: 0.3 }} aria-hidden="true" />
          <span>
            {pauseLabel(p.reason)}, {p.until ? "from" : "since"} <ClinicTime iso={p.since} />
            {p.until ? (
              <>
                {" "}
                until <ClinicTime iso={p.until} />
              </>
            ) : (
              " (still paused)"
            )}
            : no length allowed in any area.
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The same pauses as rows of the needle chart's table view. */
export function PauseTable({ pauses }: { pauses: readonly ChartPause[] }) {
  if (pauses.length === 0) return null;
  return (
    <DataTable caption="Paused periods" columns={["Paused", "From", "Until", "Approved maximum"]}>
      {pauses.map((p) => (
        <tr key={p.since}>
          <Cell>{pauseLabel(p.reason)}</Cell>
          <Cell>
            <ClinicTime iso={p.since} />
          </Cell>
          <Cell>{p.until ? <ClinicTime iso={p.until} /> : "Still paused"}</Cell>
          <Cell>None approved</Cell>
        </tr>
      ))}
    </DataTable>
  );
}
