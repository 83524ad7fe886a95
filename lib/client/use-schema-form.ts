import { useRef, useState } from "react";
import type { z } from "zod";
import { ApiError } from "./api";

type Issue = { path: PropertyKey[] | string; message: string; rule?: string };
/** An issue once its path is a dotted string; `rule` names the domain rule behind a server refusal. */
export type PlacedIssue = { path: string; rule?: string };
type Schema = z.ZodType;
/** A schema, or a loader for one: the portal's forms load zod after the page is interactive. */
type SchemaSource<S extends Schema> = S | (() => Promise<S>);

export type FieldErrors = Record<string, string>;

/** An issue's path as the API sends it ("areas.0.maxNeedleMm"), whether it came from zod or the server. */
export function issuePath(issue: Issue): string {
  return typeof issue.path === "string" ? issue.path : issue.path.map(String).join(".");
}

/** The form field an issue belongs to: its top-level key ("areas" for "areas.1.maxNeedleMm"). */
export const topLevelField = ({ path }: PlacedIssue) => path.split(".")[0] ?? "";

/** One message per field (the first issue wins), keyed by `fieldOf`. */
export function fieldErrors(issues: Issue[], fieldOf: (issue: PlacedIssue) => string = topLevelField): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) errors[fieldOf({ path: issuePath(issue), rule: issue.rule })] ??= issue.message;
  return errors;
}

type Options<S extends Schema, R> = {
  schema: SchemaSource<S>;
  send: (data: z.output<S>) => Promise<R>;
  onSuccess?: (result: R) => void;
  /** Runs after a failed request, once its field issues are placed (a 409 can show what changed). */
  onError?: (error: Error) => void;
  /** The field that shows an issue (default: its top-level key). */
  fieldOf?: (issue: PlacedIssue) => string;
};

/**
 * The one form controller: the shared zod schema checks the input before anything is sent, the
 * server's `issues` land next to the same fields, and nothing typed is cleared by a failure.
 * Holds no server data, so it works with or without a query library.
 */
export function useSchemaForm<S extends Schema, R>({ schema, send, onSuccess, onError, fieldOf = topLevelField }: Options<S, R>) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<Error | null>(null);
  const [pending, setPending] = useState(false);
  // A double click must not send twice: state updates are not seen until the next render.
  const sending = useRef(false);

  async function resolveSchema(): Promise<S> {
    return typeof schema === "function" ? schema() : schema;
  }

  /** The parsed input, or null with every field's error shown (or the failure to load the schema). */
  async function validate(input: unknown): Promise<z.output<S> | null> {
    let loaded: S;
    try {
      loaded = await resolveSchema();
    } catch {
      setFailure(new Error("We could not load this form's checks. Check your connection; nothing you typed has been lost."));
      return null;
    }
    const parsed = loaded.safeParse(input);
    if (parsed.success) {
      setErrors({});
      return parsed.data;
    }
    setErrors(fieldErrors(parsed.error.issues, fieldOf));
    return null;
  }

  /** Sends already-validated data (after a confirmation step, for example). */
  async function sendValid(data: z.output<S>): Promise<void> {
    if (sending.current) return;
    sending.current = true;
    setPending(true);
    setFailure(null);
    try {
      const result = await send(data);
      setErrors({});
      onSuccess?.(result);
    } catch (caught) {
      const error = caught instanceof Error ? caught : new Error(String(caught));
      if (error instanceof ApiError) setErrors(fieldErrors(error.issues, fieldOf));
      setFailure(error);
      onError?.(error);
    } finally {
      sending.current = false;
      setPending(false);
    }
  }

  async function submit(input: unknown): Promise<void> {
    setFailure(null);
    const data = await validate(input);
    if (data !== null) await sendValid(data);
  }

  const hasFieldErrors = Object.keys(errors).length > 0;
  return {
    errors,
    pending,
    /** The request's failure (its message is written for people), null while none. */
    failure,
    /** One line for the form's status region: a pointer to the marked fields, or the server's message. */
    status: hasFieldErrors ? "Please check the fields marked below." : (failure?.message ?? null),
    validate,
    send: sendValid,
    submit,
    /** Shows errors found outside the schema (rules the form checks itself), in the same places. */
    showErrors: setErrors,
    reset: () => {
      setErrors({});
      setFailure(null);
    },
  };
}
