/** Typed failures that route handlers and actions map to HTTP codes. Messages are safe to show. */
export type FieldIssue = { path: string; message: string; rule?: string };

/**
 * A message may name what was sent (a rule saying which area it does not know), and a 400 must never
 * carry a pasted page back: every message is cut to this length, whatever built it.
 */
export const MAX_MESSAGE_CHARS = 300;

export function clipMessage(message: string): string {
  if (message.length <= MAX_MESSAGE_CHARS) return message;
  // Never cut between the two halves of a surrogate pair (an emoji): half of one is no character.
  return `${message.slice(0, MAX_MESSAGE_CHARS - 1).replace(/[\ud800-\udbff]$/, "")}…`;
}

export class AppError extends Error {
  readonly issues?: FieldIssue[];

  constructor(
    readonly status: number,
    message: string,
    issues?: FieldIssue[],
    readonly extra?: Record<string, unknown>,
  ) {
    super(clipMessage(message));
    this.name = new.target.name;
    this.issues = issues?.map((issue) => ({ ...issue, message: clipMessage(issue.message) }));
  }
}

export class ValidationError extends AppError {
  constructor(message: string, issues?: FieldIssue[]) {
    super(400, message, issues);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = "You are not signed in.") {
    super(401, message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = "You do not have permission to do this.") {
    super(403, message);
  }
}

/** Also used for records outside the caller's scope, so their existence is never revealed. */
export class NotFoundError extends AppError {
  constructor(message = "Not found.") {
    super(404, message);
  }
}

export class ConflictError extends AppError {
  /** `issues` place the conflict next to the field that caused it (a taken MRN, for one). */
  constructor(message: string, extra?: Record<string, unknown>, issues?: FieldIssue[]) {
    super(409, message, issues, extra);
  }
}
