/**
 * A small typed client over fetch: the session travels in the HttpOnly cookie, bodies are JSON,
 * and any RFC 9457 problem becomes an ApiError whose localised title and field errors the forms show.
 */
import type { OperationKey, Operations, Problem } from './types.gen.ts';

type Op<K extends OperationKey> = Operations[K];
type Has<T> = [T] extends [never] ? false : true;

/** What a call takes: path params, query and body, each required only when the operation has it. */
export type Input<K extends OperationKey> = (Has<Op<K>['params']> extends true ? { params: Op<K>['params'] } : { params?: undefined }) &
  (Has<Op<K>['query']> extends true ? { query?: Op<K>['query'] } : { query?: undefined }) &
  (Has<Op<K>['body']> extends true ? { body: Op<K>['body'] } : { body?: undefined });

export type Output<K extends OperationKey> = Op<K>['response'];

export type FieldProblem = { readonly field: string; readonly code: string; readonly message: string };

/** A refusal from the server (problem+json), or a network failure (`code` NETWORK). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly field: string | undefined;
  readonly errors: readonly FieldProblem[];
  readonly details: Record<string, unknown> | undefined;

  constructor(status: number, problem: Partial<Problem> & { title: string; code: string }) {
    super(problem.title);
    this.name = 'ApiError';
    this.status = status;
    this.code = problem.code;
    this.title = problem.title;
    this.field = problem.field;
    this.errors = problem.errors ?? [];
    this.details = problem.details;
  }

  /**
   * The message for one form field, matched by its body path (`businessTin` matches `body.businessTin`
   * and `body.businessTin[0]…`). A business refusal that names the field shows its title there.
   */
  messageFor(name: string): string | undefined {
    const matches = (path: string | undefined) => {
      if (!path) return false;
      const bare = path.replace(/^(body|query|params)\./, '');
      return bare === name || bare.startsWith(`${name}.`) || bare.startsWith(`${name}[`);
    };
    const hit = this.errors.find((e) => matches(e.field));
    if (hit) return hit.message;
    return matches(this.field) ? this.title : undefined;
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

/** Fills `{name}` segments of an OpenAPI path. */
export function fillPath(template: string, params: Record<string, string | number> | undefined): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${template}`);
    return encodeURIComponent(String(value));
  });
}

export function queryString(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    search.set(k, String(v));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

async function parseProblem(response: Response): Promise<ApiError> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await response.json()) as Partial<Problem>;
      if (typeof body.code === 'string') return new ApiError(response.status, { ...body, code: body.code, title: body.title ?? body.code });
    } catch {
      // Falls through to the generic error below.
    }
  }
  return new ApiError(response.status, { code: `HTTP_${response.status}`, title: response.statusText || `HTTP ${response.status}` });
}

/** Calls one operation of openapi.json: `api('GET /api/fiscal/applications/{id}', { params: { id } })`. */
export async function api<K extends OperationKey>(
  operation: K,
  ...args: Has<Op<K>['params'] | Op<K>['body']> extends true ? [Input<K>] : [Input<K>?]
): Promise<Output<K>> {
  const input = (args[0] ?? {}) as { params?: Record<string, string>; query?: Record<string, unknown>; body?: unknown };
  const [method, template] = (operation as string).split(' ') as [string, string];
  const url = fillPath(template, input.params) + queryString(input.query);
  return (await send(method, url, input.body)) as Output<K>;
}

/** The raw request behind `api`; also used for pages the contract describes as text/html. */
export async function send(method: string, url: string, body?: unknown): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (cause) {
    throw new ApiError(0, { code: 'NETWORK', title: cause instanceof Error ? cause.message : 'Network error' });
  }
  if (!response.ok) throw await parseProblem(response);
  if (response.status === 204) return null;
  const type = response.headers.get('content-type') ?? '';
  return type.includes('json') ? response.json() : response.text();
}
