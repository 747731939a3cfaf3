import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { type App, ProblemError, requireRole, unwrap } from '../../../platform/http.ts';
import type { Language } from '../../../platform/i18n.ts';
import { Strict } from '../../../platform/schemas.ts';
import type { Receipt } from '../../fiscal/index.ts';
import { closeShift } from '../application/close-shift.ts';
import type { CashdeskDeps } from '../application/deps.ts';
import { issueRefund } from '../application/issue-refund.ts';
import { addProduct, editProduct, importCatalogue, listProducts, lookupProduct } from '../application/manage-catalogue.ts';
import { openShift } from '../application/open-shift.ts';
import { getReceipt, getRegister, listReceipts, listRegisters, receiptByToken, registerStatus } from '../application/register-queries.ts';
import { currentXReport, generalReports, listShifts } from '../application/reports.ts';
import { sell } from '../application/sell.ts';
import { setUpRegister } from '../application/set-up-register.ts';
import { syncNow } from '../application/sync-register.ts';
import { lockRegister, unlockRegister } from '../application/unlock-register.ts';
import { qrOf } from '../application/views.ts';
import {
  ImportBody,
  LangQuery,
  OpenShiftBody,
  ProductBody,
  ProductEditBody,
  ProductParams,
  ReceiptParams,
  RefundBody,
  RegisterParams,
  ReportsQuery,
  ReportsSchema,
  ref,
  SaleBody,
  SetUpBody,
  SHARED_SCHEMAS,
  ShiftSchema,
  SyncResultSchema,
  UnlockBody,
  UnlockResultSchema,
  XReportSchema,
} from './cashdesk.schemas.ts';
import { toPrintableReceipt } from './printing/printable-receipt.ts';
import { receiptEscPos } from './printing/escpos.ts';
import { receiptHtml } from './printing/receipt-html.ts';
import { receiptPdf } from './printing/receipt-pdf.ts';
import { receiptText } from './printing/receipt-text.ts';

const tags = ['cashdesk'];
const business = (request: FastifyRequest) => requireRole(request, 'business');

/** The virtual cash register's API (docs/cashdesk-api.md): registers, shifts, sales, refunds, reports, printing, products. */
export function cashdeskRoutes(app: App, deps: CashdeskDeps): void {
  for (const schema of SHARED_SCHEMAS) app.addSchema(schema);
  registerRoutes(app, deps);
  workRoutes(app, deps);
  printRoutes(app, deps);
  productRoutes(app, deps);
}

function registerRoutes(app: App, deps: CashdeskDeps): void {
  app.post(
    '/api/cashdesk/registers',
    {
      schema: {
        tags,
        summary: 'Set up the free VCR for a virtual register of the registry; its fiscal module makes its key pair (p.5, p.81)',
        body: SetUpBody,
        response: { 201: ref('CashdeskRegister') },
      },
    },
    async (request, reply) => {
      const vcr = unwrap(await setUpRegister(deps, business(request), request.body));
      reply.code(201);
      return unwrap(await getRegister(deps, business(request), vcr.id));
    },
  );
  app.get(
    '/api/cashdesk/registers',
    { schema: { tags, summary: 'The business’s virtual cash registers', response: { 200: Type.Array(ref('CashdeskRegister')) } } },
    async (request) => listRegisters(deps, business(request)),
  );
  app.get(
    '/api/cashdesk/registers/:id',
    { schema: { tags, summary: 'One virtual cash register', params: RegisterParams, response: { 200: ref('CashdeskRegister') } } },
    async (request) => unwrap(await getRegister(deps, business(request), request.params.id)),
  );
  app.post(
    '/api/cashdesk/registers/:id/unlock',
    {
      schema: {
        tags,
        summary: 'Unlock the register with its program password for this session (p.65 item 10, p.68 item 7); checks the clock (p.34)',
        params: RegisterParams,
        body: UnlockBody,
        response: { 200: UnlockResultSchema },
      },
    },
    async (request) => {
      const actor = business(request);
      const done = unwrap(await unlockRegister(deps, actor, request.sessionToken, request.params.id, request.body.password));
      return { unlockedUntil: done.unlockedUntil, status: unwrap(await registerStatus(deps, actor, request.sessionToken, request.params.id)) };
    },
  );
  app.post(
    '/api/cashdesk/registers/:id/lock',
    {
      schema: {
        tags,
        summary: 'Lock the register: the next fiscal operation needs the password again',
        params: RegisterParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      unwrap(await lockRegister(deps, business(request), request.sessionToken, request.params.id));
      reply.code(204);
      return null;
    },
  );
  app.get(
    '/api/cashdesk/registers/:id/status',
    {
      schema: {
        tags,
        summary: 'Whether the register may work, and why not; module memory and lock, queue, offline time left (p.36), clock offset',
        params: RegisterParams,
        response: { 200: ref('CashdeskStatus') },
      },
    },
    async (request) => unwrap(await registerStatus(deps, business(request), request.sessionToken, request.params.id)),
  );
  app.post(
    '/api/cashdesk/registers/:id/sync',
    { schema: { tags, summary: 'Send the queued documents to the operator now (p.36)', params: RegisterParams, response: { 200: SyncResultSchema } } },
    async (request) => unwrap(await syncNow(deps, business(request), request.params.id)),
  );
}

function workRoutes(app: App, deps: CashdeskDeps): void {
  app.post(
    '/api/cashdesk/registers/:id/shifts',
    {
      schema: { tags, summary: 'Open a shift (unlocked register)', params: RegisterParams, body: OpenShiftBody, response: { 201: ref('CashdeskShiftResult') } },
    },
    async (request, reply) => {
      const r = unwrap(await openShift(deps, business(request), request.sessionToken, request.params.id, request.body ?? {}));
      reply.code(201);
      return r;
    },
  );
  app.get(
    '/api/cashdesk/registers/:id/shifts',
    { schema: { tags, summary: 'The register’s shifts, newest first', params: RegisterParams, response: { 200: Type.Array(ShiftSchema) } } },
    async (request) => unwrap(await listShifts(deps, business(request), request.params.id)),
  );
  app.get(
    '/api/cashdesk/registers/:id/shifts/current/x-report',
    { schema: { tags, summary: 'X-report: totals of the open shift, nothing closed (p.5)', params: RegisterParams, response: { 200: XReportSchema } } },
    async (request) => unwrap(await currentXReport(deps, business(request), request.params.id)),
  );
  app.post(
    '/api/cashdesk/registers/:id/shifts/current/close',
    {
      schema: {
        tags,
        summary: 'Close the shift with the Z-report, sent to the operator (p.2, p.77; unlocked register)',
        params: RegisterParams,
        response: { 200: ref('CashdeskShiftResult') },
      },
    },
    async (request) => unwrap(await closeShift(deps, business(request), request.sessionToken, request.params.id)),
  );
  app.post(
    '/api/cashdesk/registers/:id/sales',
    {
      schema: {
        tags,
        summary: 'Sell: the module seals the receipt; sent to the operator at once, or queued offline (p.9, p.36; unlocked register)',
        params: RegisterParams,
        body: SaleBody,
        response: { 201: ref('CashdeskReceipt') },
      },
    },
    async (request, reply) => {
      const r = unwrap(await sell(deps, business(request), request.sessionToken, request.params.id, request.body));
      reply.code(201);
      return r;
    },
  );
  app.post(
    '/api/cashdesk/registers/:id/refunds',
    {
      schema: {
        tags,
        summary: 'Refund a whole receipt or some lines, never more than sold (section 6; unlocked register)',
        params: RegisterParams,
        body: RefundBody,
        response: { 201: ref('CashdeskReceipt') },
      },
    },
    async (request, reply) => {
      const r = unwrap(await issueRefund(deps, business(request), request.sessionToken, request.params.id, request.body));
      reply.code(201);
      return r;
    },
  );
  app.get(
    '/api/cashdesk/registers/:id/receipts',
    {
      schema: {
        tags,
        summary: 'Receipts of the register, newest first',
        params: RegisterParams,
        querystring: Type.Object(
          {
            shift: Type.Optional(Type.Integer({ minimum: 1, description: 'Only this shift' })),
            before: Type.Optional(Type.Integer({ minimum: 1, description: 'Only document numbers below this (paging)' })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          },
          Strict,
        ),
        response: { 200: Type.Array(ref('CashdeskReceipt')) },
      },
    },
    async (request) => unwrap(await listReceipts(deps, business(request), request.params.id, request.query)),
  );
  app.get(
    '/api/cashdesk/registers/:id/receipts/:number',
    { schema: { tags, summary: 'One receipt, with what was refunded of it', params: ReceiptParams, response: { 200: ref('CashdeskReceipt') } } },
    async (request) => unwrap(await getReceipt(deps, business(request), request.params.id, request.params.number)),
  );
  app.get(
    '/api/cashdesk/registers/:id/reports',
    {
      schema: {
        tags,
        summary: 'General reports by day, product and payment form (p.5, p.42)',
        params: RegisterParams,
        querystring: ReportsQuery,
        response: { 200: ReportsSchema },
      },
    },
    async (request) => unwrap(await generalReports(deps, business(request), request.params.id, request.query)),
  );
}

function printRoutes(app: App, deps: CashdeskDeps): void {
  const printable = async (request: FastifyRequest<{ Params: { id: string; number: number } }>) => {
    const view = unwrap(await getReceipt(deps, business(request), request.params.id, request.params.number));
    return toPrintableReceipt(view.document, { registerKind: 'virtual', qrContent: view.qr });
  };
  const language = (q: { lang?: Language }) => q.lang ?? 'tg';
  app.get(
    '/api/cashdesk/registers/:id/receipts/:number/print/text',
    { schema: { tags, summary: 'The receipt as 32-column text (58 mm, p.8-9)', params: ReceiptParams, querystring: LangQuery, produces: ['text/plain'] } },
    async (request, reply) => reply.type('text/plain; charset=utf-8').send(receiptText(await printable(request), { language: language(request.query) })),
  );
  app.get(
    '/api/cashdesk/registers/:id/receipts/:number/print/escpos',
    { schema: { tags, summary: 'The receipt as ESC/POS bytes for a 58 mm printer', params: ReceiptParams, produces: ['application/octet-stream'] } },
    async (request, reply) => reply.type('application/octet-stream').send(Buffer.from(receiptEscPos(await printable(request)))),
  );
  app.get(
    '/api/cashdesk/registers/:id/receipts/:number/print/pdf',
    { schema: { tags, summary: 'The receipt as a PDF 58 mm wide', params: ReceiptParams, querystring: LangQuery, produces: ['application/pdf'] } },
    async (request, reply) => reply.type('application/pdf').send(await receiptPdf(await printable(request), { language: language(request.query) })),
  );
  app.get(
    '/r/e/:token',
    {
      schema: {
        tags: ['public'],
        summary: 'The buyer’s electronic receipt, opened by its link (p.9), with the QR code of the public check',
        security: [],
        params: Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{22}$', description: 'The receipt’s link token' }) }, Strict),
        querystring: LangQuery,
        produces: ['text/html'],
      },
    },
    async (request, reply) => {
      const document = await receiptByToken(deps, request.params.token);
      if (!document) throw new ProblemError('NOT_FOUND');
      const html = receiptHtml(toPrintableReceipt(document as Receipt, { registerKind: 'virtual', qrContent: qrOf(deps, document) }), {
        language: request.query.lang ?? 'tg',
      });
      return reply.type('text/html; charset=utf-8').header('cache-control', 'private, max-age=300').send(html);
    },
  );
}

function productRoutes(app: App, deps: CashdeskDeps): void {
  app.get(
    '/api/cashdesk/products',
    {
      schema: {
        tags,
        summary: 'The business’s product list, by Tajik name',
        querystring: Type.Object(
          {
            q: Type.Optional(Type.String({ maxLength: 100, description: 'Part of the name, code or GTIN' })),
            offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          },
          Strict,
        ),
        response: { 200: Type.Array(ref('CashdeskProduct')) },
      },
    },
    async (request) => listProducts(deps, business(request), request.query),
  );
  app.get(
    '/api/cashdesk/products/lookup',
    {
      schema: {
        tags,
        summary: 'A product by article code or GTIN in any length, as a scanner reads it',
        querystring: Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) }, Strict),
        response: { 200: ref('CashdeskProduct') },
      },
    },
    async (request) => unwrap(await lookupProduct(deps, business(request), request.query.code)),
  );
  app.post(
    '/api/cashdesk/products',
    { schema: { tags, summary: 'Add a product (GS1 code checked, p.65 item 6)', body: ProductBody, response: { 201: ref('CashdeskProduct') } } },
    async (request, reply) => {
      const r = unwrap(await addProduct(deps, business(request), request.body));
      reply.code(201);
      return r;
    },
  );
  app.put(
    '/api/cashdesk/products/:code',
    { schema: { tags, summary: 'Change a product (its code stays)', params: ProductParams, body: ProductEditBody, response: { 200: ref('CashdeskProduct') } } },
    async (request) => unwrap(await editProduct(deps, business(request), request.params.code, request.body)),
  );
  app.post(
    '/api/cashdesk/products/import',
    {
      schema: {
        tags,
        summary: 'Import products from CSV: all rows or none; products with a code in the file are replaced',
        body: ImportBody,
        response: { 200: Type.Object({ imported: Type.Integer(), created: Type.Integer(), replaced: Type.Integer() }) },
      },
    },
    async (request) => unwrap(await importCatalogue(deps, business(request), request.body.csv)),
  );
}
