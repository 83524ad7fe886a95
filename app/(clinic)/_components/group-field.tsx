import type { ReactNode } from "react";
import { Messages, useDescribed } from "@/app/_components/ui/field";

type Props = { legend: ReactNode; legendClassName?: string; error?: string; className?: string; children: ReactNode };

/**
 * FieldShell for a group of controls (checkboxes, radios, a row per area): the group's error is tied
 * to its fieldset with aria-describedby, so a screen reader names it with the legend.
 */
export function GroupField({ legend, legendClassName = "text-sm font-medium text-slate-800", error, className, children }: Props) {
  const { controlId, describedBy } = useDescribed(undefined, undefined, error);
  return (
    <fieldset aria-describedby={describedBy} className={className}>
      <legend className={legendClassName}>{legend}</legend>
      {children}
      <Messages id={controlId} error={error} />
    </fieldset>
  );
}
