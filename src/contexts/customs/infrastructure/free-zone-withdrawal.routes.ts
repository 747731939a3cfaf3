import { Type } from 'typebox';
import { type App, requireRole, unwrap } from '../../../platform/http.ts';
import { IsoDateTime, Line, Nullable, Strict, Uuid } from '../../../platform/schemas.ts';
import type { CustomsDeps } from '../application/deps.ts';
import { readDeclaration } from '../application/declaration-store.ts';
import { freeZoneStatements, stateFreeZoneWithdrawal } from '../application/free-zone-withdrawal.ts';
import { FREE_ZONE_LOCATIONS, FREE_ZONE_PLACE_KINDS } from '../domain/free-zone-withdrawal.ts';
import { DeclarationNumber, literals } from './exit.schemas.ts';
import type { FreeZoneWithdrawalRow } from './exit-statistics.schema.ts';

const tags = ['customs', 'declarations'];

const Params = Type.Object({ id: Uuid('Declaration id') }, Strict);
const StatementBody = Type.Object(
  {
    location: literals(FREE_ZONE_LOCATIONS, 'inside: the goods are in the free economic zone or free warehouse (art.134 p.5 i.1); outside: they are not (i.2)'),
    placeKind: literals(FREE_ZONE_PLACE_KINDS),
    placeReference: Line(100, 'The free warehouse’s registered number, or the free economic zone’s name'),
    otherDeclarationNumber: Type.Optional(
      DeclarationNumber('Outside only: the declaration placing the goods under another regime (art.272, 277), filed the same day'),
    ),
  },
  Strict,
);
const StatementSchema = Type.Object({
  id: Type.String(),
  location: Type.String(),
  placeKind: Type.String(),
  placeReference: Type.String(),
  otherDeclarationNumber: Nullable(Type.String()),
  status: Type.String({ description: 'stated; requested (the withdrawal request was made on it); replaced' }),
  statedAt: IsoDateTime(),
  requestedAt: Nullable(IsoDateTime()),
});
const view = (s: FreeZoneWithdrawalRow) => ({
  id: s.id,
  location: s.location,
  placeKind: s.placeKind,
  placeReference: s.placeReference,
  otherDeclarationNumber: s.otherDeclarationNumber,
  status: s.status,
  statedAt: s.statedAt.toISOString(),
  requestedAt: s.requestedAt?.toISOString() ?? null,
});

/** Art.134 p.5 (CUS-DEC-54): the statement before the withdrawal request that completes a free zone or free warehouse regime. */
export function freeZoneWithdrawalRoutes(app: App, deps: CustomsDeps): void {
  const path = '/api/customs/declarations/:id/free-zone-withdrawal';
  app.post(
    path,
    {
      schema: {
        tags,
        summary: 'State that this export declaration is withdrawn to complete a free zone or free warehouse regime (then request the withdrawal)',
        params: Params,
        body: StatementBody,
        response: { 201: StatementSchema },
      },
    },
    async (request, reply) => {
      const row = unwrap(await stateFreeZoneWithdrawal(deps, requireRole(request, 'declarant'), request.params.id, request.body));
      reply.code(201);
      return view(row);
    },
  );
  app.get(
    path,
    { schema: { tags, summary: 'The free-zone withdrawal statements of a declaration', params: Params, response: { 200: Type.Array(StatementSchema) } } },
    async (request) => {
      const actor = requireRole(request, 'declarant', 'customs_officer', 'customs_head', 'risk_analyst');
      const row = unwrap(await readDeclaration(deps.database.db, actor, request.params.id));
      return (await freeZoneStatements(deps.database.db, row.id)).map(view);
    },
  );
}
