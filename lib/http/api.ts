import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { AppError, ValidationError } from "@/lib/errors";
import { toFieldIssues } from "@/lib/validation/issues";
import { BUSY_MESSAGE, BUSY_RETRY_AFTER_SECONDS, isBusyError, retryWhileBusy } from "./busy-retry";

export type ErrorBody = { error: string; issues?: { path: string; message: string }[] } & Record<string, unknown>;

/** Maps a thrown error to the API's error shape; unknown errors are logged, never echoed. */
export function errorResponse(error: unknown): NextResponse<ErrorBody> {
  if (error instanceof AppError) {
    const body: ErrorBody = { error: error.message, ...error.extra };
    if (error.issues?.length) body.issues = error.issues;
    return NextResponse.json(body, { status: error.status });
  }
  if (error instanceof z.ZodError) {
    return NextResponse.json({ error: "Invalid input.", issues: toFieldIssues(error) }, { status: 400 });
  }
  if (isBusyError(error)) {
    // Another process held the write lock past the retry deadline: the client may safely try again.
    console.warn("Database busy past the retry deadline; answered 503");
    return NextResponse.json({ error: BUSY_MESSAGE }, { status: 503, headers: { "Retry-After": String(BUSY_RETRY_AFTER_SECONDS) } });
  }
  console.error("Unhandled API error", error);
  return NextResponse.json({ error: "Something went wrong on our side. Please try again." }, { status: 500 });
}

type Handler<C> = (request: Request, context: C) => Promise<Response> | Response;

/**
 * Wraps a route handler so every failure answers with the shared JSON error shape, and a handler that
 * met another process's write lock runs again after an asynchronous pause (lib/http/busy-retry.ts),
 * answering 503 with Retry-After if the lock outlives the deadline.
 */
export function apiRoute<C = unknown>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    // A retry reads the body again, and a body can be read once: keep an unread copy (at most 64 kB,
    // the server's limit). Bodiless requests, most of them, skip the copy.
    const spare = request.body ? request.clone() : null;
    try {
      return await retryWhileBusy((attempt) => handler(attempt > 0 && spare ? spare.clone() : request, context));
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new ValidationError("The request body must be valid JSON.");
  }
}

export function searchParamsOf(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}

export function noStore<T>(body: T, init?: ResponseInit): NextResponse<T> {
  const response = NextResponse.json(body, init);
  response.headers.set("Cache-Control", "no-store");
  return response;
}
