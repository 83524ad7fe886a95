import type { ReactNode } from "react";

type Table = { caption: string; columns: string[]; rows: (string | number)[][] };
type Props = { summary: string; chart: ReactNode; table: Table; children?: ReactNode };

/**
 * A chart with its one-sentence summary and a "Show as table" view holding the same numbers, for
 * screen readers, printing and anyone who would rather read than look.
 */
export function ChartFigure({ summary, chart, table, children }: Props) {
  return (
    <figure className="space-y-3">
      <figcaption className="text-sm text-slate-800">{summary}</figcaption>
      {chart}
      {children}
      <details className="text-sm">
        <summary className="cursor-pointer font-medium text-brand-700">Show as table</summary>
        <DataTable {...table} />
      </details>
    </figure>
  );
}

export function DataTable({ caption, columns, rows }: Table) {
  return (
    <div className="mt-2 overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-left text-slate-700">
          <tr>
            {columns.map((c, i) => (
              <th key={c} scope="col" className={`px-3 py-2 font-medium ${i > 0 ? "text-right" : ""}`}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map(([head, ...cells]) => (
            <tr key={String(head)}>
              <th scope="row" className="px-3 py-2 text-left font-normal">
                {head}
              </th>
              {cells.map((cell, i) => (
                <td key={columns[i + 1]} className="px-3 py-2 text-right tabular-nums">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
