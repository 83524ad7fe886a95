import clsx from "clsx";
import { useId, type ComponentProps, type ReactNode } from "react";

export const inputClasses =
  "block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 placeholder:text-slate-500 focus:border-brand-700 focus:outline-2 focus:outline-brand-700 aria-[invalid=true]:border-red-700";

/** An id for a form control, and the ids of its hint and error for aria-describedby. */
export function useDescribed(id: string | undefined, hint?: ReactNode, error?: string) {
  const generated = useId();
  const controlId = id ?? generated;
  const describedBy = [hint && `${controlId}-hint`, error && `${controlId}-error`].filter(Boolean).join(" ") || undefined;
  return { controlId, describedBy };
}

export function Messages({ id, hint, error }: { id: string; hint?: ReactNode; error?: string }) {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </>
  );
}

type ShellProps = {
  id?: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  className?: string;
  /** Renders the control with the id and ARIA attributes that tie it to its label, hint and error. */
  children: (control: { id: string; "aria-invalid"?: true; "aria-describedby"?: string; className: string }) => ReactNode;
};

/** Label, control, hint and error, wired together for screen readers; shared by every form control. */
export function FieldShell({ id, label, hint, error, className, children }: ShellProps) {
  const { controlId, describedBy } = useDescribed(id, hint, error);
  return (
    <div className={clsx("space-y-1", className)}>
      <label htmlFor={controlId} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children({ id: controlId, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy, className: inputClasses })}
      <Messages id={controlId} hint={hint} error={error} />
    </div>
  );
}

type FieldProps = ComponentProps<"input"> & { label: string; error?: string; hint?: string };

/** A labelled input whose error is announced and tied to the input for screen readers. */
export function Field({ label, error, hint, className, id, ...props }: FieldProps) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} className={className}>
      {(control) => <input {...control} {...props} />}
    </FieldShell>
  );
}
