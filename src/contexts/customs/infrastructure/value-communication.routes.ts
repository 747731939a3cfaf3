import { Type } from 'typebox';
import { type App, ProblemError, requireRole, unwrap } from '../../../platform/http.ts';
import type { CustomsDeps } from '../application/deps.ts';
import { readDeclaration } from '../application/declaration-store.ts';
import { listValueCommunications, communicationView, valueInbox } from '../application/value-communication-queries.ts';
import { recordValueCommunication, recordValueDelivery } from '../application/value-communication-record.ts';
import { DeclarationParams } from './declaration.schemas.ts';
import { CommunicationBody, CommunicationParams, CommunicationSchema, DeliveryBody, InboxQuery } from './value-form.schemas.ts';

const tags = ['customs', 'customs value'];
const READERS = ['declarant', 'customs_officer', 'risk_analyst'] as const;

/** An instant of the body, or a refusal naming the field. */
function instant(value: string | undefined, field: string): Date | undefined {
  if (value === undefined) return undefined;
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) throw new ProblemError('VALUE_COMMUNICATION_INVALID', field);
  return at;
}

/** Customs value communications, electronic or written (CUS-REG-11; docs/customs-value.md). */
export function valueCommunicationRoutes(app: App, deps: CustomsDeps): void {
  const base = '/api/customs/declarations/:id/value-communications';

  app.post(
    base,
    {
      schema: {
        tags,
        summary:
          'Records a customs value communication: customs’ request for documents or explanations, its decision on the value, its explanation (art.364 p.1 i.3, art.365 p.1 i.2, p.2), or the declarant’s request or answer; electronic or written',
        params: DeclarationParams,
        body: CommunicationBody,
        response: { 201: CommunicationSchema },
      },
    },
    async (request, reply) => {
      const actor = requireRole(request, 'declarant', 'customs_officer');
      const { sentAt, deliveredAt, ...rest } = request.body;
      const sent = instant(sentAt, 'body.sentAt');
      const delivered = instant(deliveredAt, 'body.deliveredAt');
      const made = unwrap(
        await recordValueCommunication(deps, actor, request.params.id, {
          ...rest,
          ...(sent ? { sentAt: sent } : {}),
          ...(delivered ? { deliveredAt: delivered } : {}),
        }),
      );
      const row = unwrap(await readDeclaration(deps.database.db, actor, request.params.id));
      reply.code(201);
      return communicationView(made, row.number, actor);
    },
  );

  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'The customs value communications of a declaration, in the order sent, with channel and the times sent and delivered',
        params: DeclarationParams,
        response: { 200: Type.Array(CommunicationSchema) },
      },
    },
    async (request) => unwrap(await listValueCommunications(deps, requireRole(request, ...READERS), request.params.id)),
  );

  app.post(
    `${base}/:communicationId/delivery`,
    {
      schema: {
        tags,
        summary: 'Records when a written communication was delivered',
        params: CommunicationParams,
        body: DeliveryBody,
        response: { 200: CommunicationSchema },
      },
    },
    async (request) => {
      const actor = requireRole(request, 'customs_officer');
      const at = instant(request.body.deliveredAt, 'body.deliveredAt') as Date;
      const made = unwrap(await recordValueDelivery(deps, actor, request.params.id, request.params.communicationId, at));
      const row = unwrap(await readDeclaration(deps.database.db, actor, request.params.id));
      return communicationView(made, row.number, actor);
    },
  );

  app.get(
    '/api/customs/value-communications',
    {
      schema: {
        tags,
        summary: 'The declarant’s customs value communications addressed to it, newest first; for customs, those the declarants sent',
        querystring: InboxQuery,
        response: { 200: Type.Array(CommunicationSchema) },
      },
    },
    async (request) => valueInbox(deps, requireRole(request, ...READERS), request.query),
  );
}
