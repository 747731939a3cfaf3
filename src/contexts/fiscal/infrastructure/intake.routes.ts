import { Readable } from 'node:stream';
import { Type } from 'typebox';
import { type App, ProblemError, requireRole, unwrap } from '../../../platform/http.ts';
import { arrayElementTexts } from '../../../platform/json-elements.ts';
import type { RateLimiter } from '../../../platform/rate-limit.ts';
import { IdParams, IsoDate, Strict, Tin } from '../../../platform/schemas.ts';
import { receiveShiftSignature } from '../application/shift-signature.ts';
import { checkReceipt, type createReceiptLookup, parseQr } from '../application/check-receipt.ts';
import type { FiscalDeps } from '../application/deps.ts';
import { initialiseModule } from '../application/initialise-module.ts';
import type { Intake, IntakeResult } from '../application/intake.ts';
import type { OperatorKeys } from '../application/operator-keys.ts';
import { exportRegisterDocuments, listRegisterDocuments, registerIntegrity, revenueByMonth } from '../application/register-documents.ts';
import { getRegister } from '../application/register-queries.ts';
import type { FiscalDocument } from '../../../platform/fiscal-document.ts';
import type { FiscalScheme } from '../domain/fiscal-scheme.ts';
import { FiscalDocumentSchema } from './intake.schemas.ts';

export type IntakeRuntime = {
  readonly intake: Intake;
  readonly scheme: FiscalScheme;
  readonly operatorKeys: () => Promise<OperatorKeys>;
  readonly checkLimiter: RateLimiter;
  readonly receiptLookup: ReturnType<typeof createReceiptLookup>;
};

const dayStart = (d: string) => new Date(`${d}T00:00:00+05:00`).toISOString();
const dayAfter = (d: string) => new Date(Date.parse(`${d}T00:00:00+05:00`) + 86_400_000).toISOString();
const PeriodQuery = { from: IsoDate('First day (Dushanbe)'), to: IsoDate('Last day (Dushanbe), included') };

/** Intake of fiscal documents (p.52, p.79), the public receipt check (p.9, p.53), and the officer's register view. */
export function intakeRoutes(app: App, deps: FiscalDeps, rt: IntakeRuntime): void {
  app.addSchema(FiscalDocumentSchema);
  const Doc = Type.Unsafe<FiscalDocument>({ $ref: 'FiscalDocument#' });

  app.post(
    '/api/fiscal/fiscal-modules/:number/initialise',
    {
      schema: {
        tags: ['intake'],
        summary: 'Commissioning (p.81): the module hands its public key to the operator and gets the operator’s',
        params: Type.Object({ number: Type.String({ minLength: 1, maxLength: 40 }) }, Strict),
        body: Type.Object({ publicKey: Type.String({ pattern: '^[0-9a-fA-F]{128}$', description: 'GOST R 34.10-2012 256-bit public key, hex' }) }, Strict),
        response: { 200: Type.Object({ fiscalModuleNumber: Type.String(), operatorPublicKey: Type.String() }) },
      },
    },
    async (request) =>
      unwrap(
        await initialiseModule(
          deps,
          rt.scheme,
          rt.operatorKeys,
          requireRole(request, 'tsc_specialist', 'operator_admin'),
          request.params.number,
          request.body.publicKey,
        ),
      ),
  );

  const answer = (r: IntakeResult) => {
    if (r.status === 'refused') throw new ProblemError(r.code, undefined, r.problems ? { problems: r.problems } : undefined);
    return r.ack;
  };

  app.post(
    '/api/fiscal/intake/documents',
    {
      schema: {
        tags: ['intake'],
        summary: 'A fiscal module sends one document; the answer is the operator’s acknowledgement (a resubmission gets the same bytes)',
        description: 'Authenticated by the module’s MAC, not by a session. Refusals are problem+json with the codes of docs/errors.md.',
        security: [],
        body: Doc,
      },
      bodyLimit: 1024 * 1024,
    },
    async (request, reply) => {
      const ack = answer(await rt.intake.submit(request.body, request.rawBody));
      return reply
        .type('application/json')
        .serializer((x: unknown) => x as string)
        .send(ack);
    },
  );

  app.post(
    '/api/fiscal/intake/batches',
    {
      schema: {
        tags: ['intake'],
        summary: 'Offline catch-up: up to 1 000 documents; one result per document, in order',
        security: [],
        body: Type.Object({ documents: Type.Array(Doc, { minItems: 1, maxItems: 1000 }) }, Strict),
        response: {
          200: Type.Object({
            results: Type.Array(
              Type.Object({
                status: Type.String(),
                ack: Type.Optional(Type.String()),
                code: Type.Optional(Type.String()),
                problems: Type.Optional(Type.Array(Type.Object({ field: Type.String(), code: Type.String() }))),
              }),
            ),
          }),
        },
      },
      bodyLimit: 8 * 1024 * 1024,
    },
    async (request) => ({
      // Each document is stored as the module sent it (docs/fiscal-intake.md "Storage").
      results: (
        await rt.intake.submitBatch(
          request.body.documents,
          request.rawBody === undefined ? undefined : arrayElementTexts(request.rawBody, 'documents', request.body.documents.length),
        )
      ).map((r) => ('problems' in r && r.problems ? { ...r, problems: [...r.problems] } : r)) as {
        status: string;
      }[],
    }),
  );

  app.post(
    '/api/fiscal/intake/shift-signatures',
    {
      schema: {
        tags: ['intake'],
        summary: 'Shift close under FS1: the module’s GOST R 34.10-2012 signature over the Z-report and its document chain (p.77, p.79)',
        description:
          'Sent after the Z-report is acknowledged. The operator verifies the signature with the public key registered at commissioning (p.81) and recomputes the chain from the documents it stored. Authenticated by the signature, not by a session.',
        security: [],
        body: Type.Object(
          {
            fiscalModuleNumber: Type.String({ minLength: 1, maxLength: 40 }),
            shiftNumber: Type.Integer({ minimum: 1 }),
            chainHash: Type.String({ pattern: '^[0-9a-fA-F]{64}$', description: 'Chain head after the Z-report: Streebog-256, hex' }),
            signature: Type.String({ pattern: '^[0-9a-fA-F]{128}$', description: 'GOST R 34.10-2012 signature r ‖ s, hex' }),
          },
          Strict,
        ),
        response: {
          200: Type.Object({
            fiscalModuleNumber: Type.String(),
            shiftNumber: Type.Integer(),
            zNumber: Type.Integer(),
            verifiedAt: Type.String({ format: 'date-time' }),
          }),
        },
      },
    },
    async (request) => unwrap(await receiveShiftSignature(deps, rt.scheme, request.body)),
  );

  app.get(
    '/api/public/receipts/check',
    {
      schema: {
        tags: ['public'],
        summary: 'Check a receipt by the content of its QR code (p.9 field 17, p.53 item 6)',
        security: [],
        querystring: Type.Object({ qr: Type.String({ minLength: 10, maxLength: 500, description: 'The QR text, or fm=…&n=…&t=…&s=…&fs=…' }) }, Strict),
        response: {
          200: Type.Object({
            status: Type.Union([Type.Literal('valid'), Type.Literal('mismatch'), Type.Literal('not_found')]),
            mismatches: Type.Array(Type.String()),
            receipt: Type.Optional(
              Type.Object({
                fiscalModuleNumber: Type.String(),
                number: Type.Integer(),
                docType: Type.String(),
                issuedAt: Type.String(),
                total: Type.String(),
                businessName: Type.String(),
                businessTin: Type.String(),
                placeOfActivity: Type.String(),
                registryNumber: Type.String(),
              }),
            ),
          }),
        },
      },
    },
    async (request, reply) => {
      const limit = rt.checkLimiter.take(request.ip);
      if (!limit.isAllowed) {
        reply.header('retry-after', String(limit.retryAfterSeconds));
        throw new ProblemError('RATE_LIMITED', undefined, { retryAfterSeconds: limit.retryAfterSeconds });
      }
      const qr = parseQr(request.query.qr);
      if (!qr) throw new ProblemError('VALIDATION_FAILED', 'querystring.qr');
      return checkReceipt(rt.receiptLookup, qr);
    },
  );

  const staff = ['operator_admin', 'tax_officer'] as const;
  app.get(
    '/api/fiscal/registers/:id/documents',
    {
      schema: {
        tags: ['intake'],
        summary: 'The documents of a register in a period (tax officer)',
        params: IdParams,
        querystring: Type.Object(
          { ...PeriodQuery, after: Type.Optional(Type.String({ maxLength: 120 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })) },
          Strict,
        ),
      },
    },
    async (request) => {
      const actor = requireRole(request, ...staff, 'tsc_specialist', 'business');
      const q = request.query;
      return unwrap(
        await listRegisterDocuments(deps, actor, request.params.id, { from: dayStart(q.from), to: dayAfter(q.to), after: q.after, limit: q.limit }),
      );
    },
  );

  app.get(
    '/api/fiscal/registers/:id/integrity',
    { schema: { tags: ['intake'], summary: 'Gaps, shifts and their Z-report reconciliation, offline state and alerts of a register', params: IdParams } },
    async (request) => unwrap(await registerIntegrity(deps, requireRole(request, ...staff, 'tsc_specialist', 'business'), request.params.id)),
  );

  app.get(
    '/api/fiscal/registers/:id/export',
    {
      schema: {
        tags: ['intake'],
        summary: 'Export the documents of a period as CSV or JSON Lines, streamed, with no record-count ceiling',
        params: IdParams,
        querystring: Type.Object({ ...PeriodQuery, format: Type.Union([Type.Literal('csv'), Type.Literal('jsonl')]) }, Strict),
        produces: ['text/csv', 'application/x-ndjson'],
      },
    },
    async (request, reply) => {
      const actor = requireRole(request, ...staff);
      unwrap(await getRegister(deps, actor, request.params.id));
      const q = request.query;
      const name = `register-${request.params.id}-${q.from}-${q.to}.${q.format}`;
      reply
        .type(q.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`);
      return reply.send(Readable.from(exportRegisterDocuments(deps, request.params.id, { from: dayStart(q.from), to: dayAfter(q.to) }, q.format)));
    },
  );

  app.get(
    '/api/fiscal/businesses/:tin/revenue',
    {
      schema: {
        tags: ['intake'],
        summary: 'Revenue by month, net of refunds counted in the month they were paid (p.42)',
        params: Type.Object({ tin: Tin() }, Strict),
        querystring: Type.Object(PeriodQuery, Strict),
        response: { 200: Type.Array(Type.Object({ month: Type.String(), sales: Type.Integer(), refunds: Type.Integer(), net: Type.Integer() })) },
      },
    },
    async (request) => {
      const actor = requireRole(request, ...staff, 'business');
      if (actor.role === 'business' && actor.tin !== request.params.tin) throw new ProblemError('NOT_FOUND');
      return revenueByMonth(deps, request.params.tin, { from: dayStart(request.query.from), to: dayAfter(request.query.to) });
    },
  );
}
