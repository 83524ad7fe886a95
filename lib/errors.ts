/** Typed failures that route handlers and actions map to HTTP codes. Messages are safe to show. */
export type FieldIssue = { path: string; message: string; rule?: string };

export class AppError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues?: FieldIssue[],
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
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
