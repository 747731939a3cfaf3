import { Type } from 'typebox';
import { type App, requireRole, unwrap } from '../../../platform/http.ts';
import { IdParams, IsoDate, IsoDateTime, Line, Nullable, Strict, Uuid } from '../../../platform/schemas.ts';
import { addModel, excludeModel, listModels } from '../application/manage-models.ts';
import type { FiscalDeps } from '../application/deps.ts';

const RegisterKind = Type.Union([Type.Literal('online'), Type.Literal('virtual')], {
  description: 'online: online cash register (МНХ-онлайн); virtual: virtual cash register program (хазинаи шартан (вертуалӣ))',
});

export const ModelSchema = Type.Object(
  {
    id: Uuid(),
    kind: RegisterKind,
    name: Type.String(),
    manufacturer: Type.String(),
    version: Type.String(),
    certificateNumber: Type.String({ description: 'Information-security conformity certificate (p.65)' }),
    certificateIssuer: Type.String(),
    certificateValidFrom: IsoDate(),
    certificateValidTo: IsoDate(),
    status: Type.Union([Type.Literal('included'), Type.Literal('excluded')]),
    includedOn: IsoDate(),
    excludedOn: Nullable(IsoDate()),
    exclusionReason: Nullable(Type.String()),
    createdAt: IsoDateTime(),
    isUsable: Type.Optional(Type.Boolean({ description: 'In the registry with a certificate valid today (p.3)' })),
    unusableReason: Type.Optional(Nullable(Type.String())),
  },
  { $id: 'Model' },
);

export const NewModelBody = Type.Object(
  {
    kind: RegisterKind,
    name: Line(200),
    manufacturer: Line(200),
    version: Line(60),
    certificateNumber: Line(100),
    certificateIssuer: Line(200),
    certificateValidFrom: IsoDate(),
    certificateValidTo: IsoDate(),
    includedOn: IsoDate(),
  },
  Strict,
);

export function modelRoutes(app: App, deps: FiscalDeps): void {
  app.addSchema(ModelSchema);
  const ModelRef = Type.Unsafe({ $ref: 'Model#' });

  app.get(
    '/api/public/models',
    {
      schema: {
        tags: ['public', 'registries'],
        summary: 'State registry of online cash-register models and virtual-register programs (FIS-GEN-07, FIS-GEN-12)',
        security: [],
        querystring: Type.Object(
          { kind: Type.Optional(RegisterKind), q: Type.Optional(Type.String({ maxLength: 100 })), isUsable: Type.Optional(Type.Boolean()) },
          Strict,
        ),
        response: { 200: Type.Array(ModelRef) },
      },
    },
    async (request) => listModels(deps, request.query),
  );

  app.post(
    '/api/fiscal/models',
    {
      schema: {
        tags: ['registries'],
        summary: 'Enter a model or program into the state registry with its certificate (operator administrator)',
        body: NewModelBody,
        response: { 201: ModelRef },
      },
    },
    async (request, reply) => {
      const actor = requireRole(request, 'operator_admin');
      reply.code(201);
      return unwrap(await addModel(deps, actor, request.body));
    },
  );

  app.post(
    '/api/fiscal/models/:id/exclude',
    {
      schema: {
        tags: ['registries'],
        summary: 'Exclude a model from the state registry (operator administrator)',
        params: IdParams,
        body: Type.Object({ on: IsoDate(), reason: Line(500) }, Strict),
        response: { 200: ModelRef },
      },
    },
    async (request) => {
      const actor = requireRole(request, 'operator_admin');
      return unwrap(await excludeModel(deps, actor, request.params.id, request.body));
    },
  );
}
