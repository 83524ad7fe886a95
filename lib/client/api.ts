import type { FieldIssue } from "@/lib/errors";

/** A failed API call, carrying the server's clear message and per-field issues. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues: FieldIssue[] = [],
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
  }

  /** The message for one field (by exact path or path prefix), for inline form errors. */
  fieldError(path: string): string | undefined {
    return this.issues.find((i) => i.path === path || i.path.startsWith(`${path}.`))?.message;
  }
}

/** Browser-side JSON calls to our own API; network failures become an ApiError the form can show. */
export async function apiFetch<T>(url: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method ?? "GET",
      headers: init.body === undefined ? undefined : { "Content-Type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      cache: "no-store",
    });
  } catch {
    throw new ApiError(0, "We could not reach the server. Check your connection; nothing you typed has been lost.");
  }
  if (response.status === 204) return undefined as T;
  const data = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) {
    const message = typeof data.error === "string" ? data.error : `The request failed (${response.status}).`;
    throw new ApiError(response.status, message, (data.issues as FieldIssue[]) ?? [], data);
  }
  return data as T;
}
