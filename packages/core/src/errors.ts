/** A problem found in input, with where it is: a JSON path, a line and column, or a CASE identifier. */
export interface Issue {
  /** Stable machine code, e.g. `unknown_parent`. */
  code: string;
  /** English text; clients may translate by `code` and `params`. */
  message: string;
  path?: string;
  line?: number;
  column?: string;
  identifier?: string;
  params?: Record<string, string | number>;
}

/** Base class for every error the domain raises; the HTTP layer maps `code` and the class to a status. */
export abstract class AppError extends Error {
  abstract readonly code: string;
  constructor(
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  constructor(
    readonly code: string,
    message: string,
    issues: Issue[] = [],
  ) {
    super(message, issues);
  }
}

export class NotFoundError extends AppError {
  readonly code: string;
  constructor(what: string, code = `${what}_not_found`) {
    super(`${what.replace(/_/g, ' ')} not found`);
    this.code = code;
  }
}

export class ForbiddenError extends AppError {
  readonly code: string;
  constructor(message = 'You are not allowed to do this', code = 'forbidden') {
    super(message);
    this.code = code;
  }
}

export class ConflictError extends AppError {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Something that existed and is deliberately no longer reachable (e.g. an anonymised answer's link). */
export class GoneError extends AppError {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export class UnauthenticatedError extends AppError {
  readonly code: string;
  constructor(message = 'Sign in first', code = 'unauthenticated') {
    super(message);
    this.code = code;
  }
}

/** Outcome of validating an input that callers branch on (imports), instead of an exception. */
export type Result<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };
