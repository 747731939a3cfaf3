/**
 * The HTTP shape the customs case files share (audits, escorts, retained originals, undertakings;
 * docs/customs-audits.md "Shared case helpers"): a kind's cases live under `base`, each at
 * `${base}/:number` (or `:id`, the resource's `key`); officials create one (201), list them, read one
 * card and take steps on one (`${base}/:number/<step>`), each answering the card or the use case's
 * problem. Only the schemas and the use cases differ between kinds.
 */
import type { FastifyReply, FastifySchema } from 'fastify';
import type { Static, TSchema } from 'typebox';
import { Type } from 'typebox';
import type { AccountPrincipal, Role } from '../../../platform/auth.ts';
import { type App, requireRole, unwrap } from '../../../platform/http.ts';
import { type Failure, ok, type Result } from '../../../platform/result.ts';

export const tags = ['customs'];
/** Officials: the officer and the head of the customs authority (or an authorised deputy). */
export const CUSTOMS: Role[] = ['customs_officer', 'customs_head'];

/** A creating POST's answer: 201 with the use case's value, or its problem. */
export function created<T>(reply: FastifyReply, result: Result<T, Failure>): T {
  const value = unwrap(result);
  reply.code(201);
  return value;
}

/**
 * Where a kind's cases are: the collection's path, the params schema of one case, the card's schema
 * and the name of the path parameter that identifies a case (`number` unless given).
 */
export type CaseResource<S extends TSchema> = { readonly base: string; readonly params: TSchema; readonly card: S; readonly key?: 'number' | 'id' };

type Answer<S extends TSchema> = Promise<Result<Static<S>, Failure>>;

const keyOf = <S extends TSchema>(r: CaseResource<S>) => r.key ?? 'number';
/** The schemas are typed here only as FastifySchema (the kinds' own types are checked where `run` is given), so the params are read as validated. */
const numberOf = (params: unknown, key: 'number' | 'id' = 'number') => (params as Readonly<Record<string, string>>)[key] as string;

/** A use case's stored row shown as its card; a refusal passes through unchanged. */
export const viewed = <T, V, E>(result: Result<T, E>, view: (value: T) => V): Result<V, E> => (result.ok ? ok(view(result.value)) : result);

/** POST `base`: an official opens a case; 201 with its card. */
export function caseCreateRoute<S extends TSchema, B extends TSchema>(
  app: App,
  r: CaseResource<S>,
  route: { readonly summary: string; readonly body: B },
  run: (p: AccountPrincipal, body: Static<B>) => Answer<S>,
): void {
  const schema: FastifySchema = { tags, summary: route.summary, body: route.body, response: { 201: r.card } };
  app.post(r.base, { schema }, async (request, reply) => created(reply, await run(requireRole(request, ...CUSTOMS), request.body as Static<B>)));
}

/** GET `base`: the list, read by `readers` (officials see every case, a party its own: `list` decides). */
export function caseListRoute<S extends TSchema, Q extends TSchema>(
  app: App,
  r: CaseResource<S>,
  route: { readonly summary: string; readonly querystring: Q; readonly readers: Role[] },
  list: (p: AccountPrincipal, query: Static<Q>) => Promise<Static<S>[]>,
): void {
  const schema: FastifySchema = { tags, summary: route.summary, querystring: route.querystring, response: { 200: Type.Array(r.card) } };
  app.get(r.base, { schema }, async (request) => list(requireRole(request, ...route.readers), request.query as Static<Q>));
}

/** GET `base/:number` (or `base/:id`): one card, read by `readers` (`get` answers NOT_FOUND for a case the reader may not see). */
export function caseCardRoute<S extends TSchema>(
  app: App,
  r: CaseResource<S>,
  route: { readonly summary: string; readonly readers: Role[] },
  get: (p: AccountPrincipal, number: string) => Answer<S>,
): void {
  const schema: FastifySchema = { tags, summary: route.summary, params: r.params, response: { 200: r.card } };
  const key = keyOf(r);
  app.get(`${r.base}/:${key}`, { schema }, async (request) => unwrap(await get(requireRole(request, ...route.readers), numberOf(request.params, key))));
}

/**
 * POST `base/:number/<path>`: a step by an official on one case, answering its card (200), or the
 * new case a step opens (`status` 201). A step without `body` takes none.
 */
export function caseStepRoute<S extends TSchema, B extends TSchema>(
  app: App,
  r: CaseResource<S>,
  route: { readonly path: string; readonly summary: string; readonly body?: B; readonly status?: 200 | 201 },
  run: (p: AccountPrincipal, number: string, body: Static<B>) => Answer<S>,
): void {
  const status = route.status ?? 200;
  const schema: FastifySchema = { tags, summary: route.summary, params: r.params, ...(route.body ? { body: route.body } : {}), response: { [status]: r.card } };
  const key = keyOf(r);
  app.post(`${r.base}/:${key}/${route.path}`, { schema }, async (request, reply) => {
    const result = await run(requireRole(request, ...CUSTOMS), numberOf(request.params, key), request.body as Static<B>);
    return status === 201 ? created(reply, result) : unwrap(result);
  });
}
