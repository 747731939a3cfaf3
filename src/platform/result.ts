/**
 * Business outcomes are values, not exceptions (STYLE.md "The edge").
 * Bugs and infrastructure failures are thrown; an expected refusal is an `Err`.
 */
export type Ok<T> = { readonly ok: true; readonly value: T };
export type Err<E> = { readonly ok: false; readonly error: E };
export type Result<T, E> = Ok<T> | Err<E>;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const err = <E>(error: E): Err<E> => ({ ok: false, error });

/** A refusal with a stable code and, when a single field is at fault, its path. */
export type Failure<C extends string = string> = {
  readonly code: C;
  readonly field?: string;
  /** Extra facts for the caller (limits, ids, the list of grounds of a refusal). */
  readonly details?: Record<string, unknown>;
};

export const fail = <C extends string>(code: C, field?: string, details?: Record<string, unknown>): Err<Failure<C>> =>
  err({ code, ...(field ? { field } : {}), ...(details ? { details } : {}) });
