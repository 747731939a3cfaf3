import type { Static } from 'typebox';
import type { App } from '../../../platform/http.ts';
import { requireRole, unwrap } from '../../../platform/http.ts';
import { exportAsycudaSad, importAsycudaSad } from '../application/asycuda-exchange.ts';
import type { DeclarationData } from '../domain/declaration.ts';
import { AsycudaDeclarationData, AsycudaExportQuery, AsycudaImportBody, AsycudaImportResult } from './asycuda.schemas.ts';

const tags = ['customs'];
/** Who exchanges declarations with ASYCUDA: the officer (C2C with AW neighbours) and the declarant (a declaration prepared in AW). */
const EXCHANGE_ROLES = ['customs_officer', 'declarant'] as const;

/** ASYCUDA World SAD XML in and out (seed 000 measure 7, CUS-INF-02; docs/customs-asycuda.md). */
export function asycudaRoutes(app: App): void {
  app.post(
    '/api/customs/asycuda/import',
    {
      schema: {
        tags,
        summary: 'Reads an ASYCUDA SAD XML document (validated against the SAD schema) into declaration data; nothing is stored',
        body: AsycudaImportBody,
        response: { 200: AsycudaImportResult },
      },
    },
    async (request) => {
      requireRole(request, ...EXCHANGE_ROLES);
      const { data, meta, ignored } = unwrap(importAsycudaSad(request.body.xml));
      const payments = meta.payments?.map((p) => ({ kind: p.kind, amountDirams: p.amountDirams.toString() }));
      // Our domain types are readonly; the response serialiser only reads them.
      return { data, meta: { ...meta, ...(payments ? { payments } : {}) }, ignored } as unknown as Static<typeof AsycudaImportResult>;
    },
  );
  app.post(
    '/api/customs/asycuda/export',
    {
      schema: {
        tags,
        summary: 'Writes declaration data as an ASYCUDA SAD XML document; header x-asycuda-unshared names our fields left out',
        body: AsycudaDeclarationData,
        querystring: AsycudaExportQuery,
        produces: ['application/xml'],
      },
    },
    async (request, reply) => {
      requireRole(request, ...EXCHANGE_ROLES);
      const { xml, unshared } = exportAsycudaSad(request.body as DeclarationData, request.query);
      return reply.type('application/xml; charset=utf-8').header('x-asycuda-unshared', unshared.join(',')).send(xml);
    },
  );
}
