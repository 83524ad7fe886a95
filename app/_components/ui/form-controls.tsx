import clsx from "clsx";
import type { ComponentProps, ReactNode } from "react";
import { FieldShell } from "./field";

type Described = { label: ReactNode; error?: string; hint?: ReactNode };

export function SelectField({ label, error, hint, className, id, children, ...props }: ComponentProps<"select"> & Described) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} className={className}>
      {(control) => (
        <select {...control} {...props}>
          {children}
        </select>
      )}
    </FieldShell>
  );
}

export function TextareaField({ label, error, hint, className, id, ...props }: ComponentProps<"textarea"> & Described) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} className={className}>
      {(control) => <textarea {...control} {...props} />}
    </FieldShell>
  );
}

export function CheckboxField({ label, className, ...props }: Omit<ComponentProps<"input">, "type"> & { label: ReactNode }) {
  return (
    <label className={clsx("flex items-start gap-2 text-sm", className)}>
      <input type="checkbox" className="mt-0.5 size-4 accent-brand-700" {...props} />
      <span>{label}</span>
    </label>
  );
}

/** A form-level error or success line, announced to screen readers. */
export function FormStatus({ error, success }: { error?: string | null; success?: string | null }) {
  return (
    <div aria-live="polite" role="status">
      {error && <p className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">{error}</p>}
      {success && <p className="rounded-md border border-green-300 bg-green-50 px-4 py-3 text-sm text-green-900">{success}</p>}
    </div>
  );
}
