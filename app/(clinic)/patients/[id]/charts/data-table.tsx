import type { ReactNode } from "react";

/**
 * The accessible table behind every chart ("Show as table", and what prints). The wrapper scrolls
 * sideways on a phone and is focusable so keyboard users can scroll it too.
 */
export function DataTable({ caption, columns, children }: { caption: string; columns: string[]; children: ReactNode }) {
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={caption}>
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300">
            {columns.map((column) => (
              <th key={column} scope="col" className="px-2 py-1.5 font-medium text-slate-700">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">{children}</tbody>
      </table>
    </div>
  );
}

export function Cell({ children }: { children: ReactNode }) {
  return <td className="px-2 py-1.5 align-top">{children}</td>;
}

export function EmptyRow({ span, children }: { span: number; children: ReactNode }) {
  return (
    <tr>
      <td colSpan={span} className="px-2 py-3 text-slate-600">
        {children}
      </td>
    </tr>
  );
}
