import { Type } from 'typebox';
import type { App } from '../../../platform/http.ts';
import { requireRole, unwrap } from '../../../platform/http.ts';
import type { CustomsDeps } from '../application/deps.ts';
import { decideStorageExtension } from '../application/storage-extension-decide.ts';
import { requestStorageExtension } from '../application/storage-extension-request.ts';
import { type GuaranteeCheck, registryGuaranteeCheck } from '../application/storage-guarantee.ts';
import { presentGoods } from '../application/storage-present.ts';
import { getStorage, listStorage } from '../application/storage-queries.ts';
import { releaseStorageByOfficer } from '../application/storage-release.ts';
import { submitShortDeclaration } from '../application/storage-short-declare.ts';
import {
  ExtensionBody,
  ExtensionDecisionBody,
  ExtensionSchema,
  PresentBody,
  ReleaseBody,
  ShortDeclarationBody,
  StorageListQuery,
  StorageParams,
  StorageSchema,
  StorageSummarySchema,
} from './storage.schemas.ts';

const tags = ['customs'];
const base = '/api/customs/storage';

export type StorageRouteDeps = {
  /** CUS-TS-17: how a security reference is checked; by default against `customs.guarantees` if that table exists. */
  readonly guaranteeCheck?: GuaranteeCheck;
};

/** Arrival and temporary storage (art.77 p.2, art.101-121). */
export function storageRoutes(app: App, deps: CustomsDeps, options: StorageRouteDeps = {}): void {
  const guaranteeCheck = options.guaranteeCheck ?? registryGuaranteeCheck;
  app.post(
    base,
    {
      schema: {
        tags,
        summary:
          'Record the presentation of goods at the place of arrival from their preliminary information, or the completion of internal transit: the goods are in temporary storage from that instant (art.77 p.2, art.92 p.13)',
        body: PresentBody,
        response: { 201: StorageSchema },
      },
    },
    async (request, reply) => {
      const result = unwrap(await presentGoods(deps, requireRole(request, 'customs_officer'), request.body));
      reply.code(201);
      return result;
    },
  );
  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'Goods in temporary storage by state and office; a declarant sees its own',
        querystring: StorageListQuery,
        response: { 200: Type.Array(StorageSchema) },
      },
    },
    async (request) => listStorage(deps, requireRole(request, 'customs_officer', 'risk_analyst', 'declarant'), request.query),
  );
  app.get(
    `${base}/:number`,
    { schema: { tags, summary: 'One storage record with its deadlines and extension requests', params: StorageParams, response: { 200: StorageSchema } } },
    async (request) => unwrap(await getStorage(deps, requireRole(request, 'customs_officer', 'risk_analyst', 'declarant'), request.params.number)),
  );
  app.post(
    `${base}/:number/short-declaration`,
    {
      schema: {
        tags,
        summary:
          'Short declaration by the declarant or its representative: place the goods in a warehouse of the register or another customs control zone of the region (art.77 p.2); the recipient’s warehouse needs a valid security (art.117 p.2)',
        params: StorageParams,
        body: ShortDeclarationBody,
        response: { 200: StorageSchema },
      },
    },
    async (request) => unwrap(await submitShortDeclaration(deps, requireRole(request, 'declarant'), request.params.number, request.body, guaranteeCheck)),
  );
  app.post(
    `${base}/:number/extensions`,
    {
      schema: {
        tags,
        summary: 'Reasoned request to extend the storage period, up to the maximum (art.103 p.1)',
        params: StorageParams,
        body: ExtensionBody,
        response: { 201: ExtensionSchema },
      },
    },
    async (request, reply) => {
      const result = unwrap(await requestStorageExtension(deps, requireRole(request, 'declarant'), request.params.number, request.body));
      reply.code(201);
      return result;
    },
  );
  app.post(
    `${base}/:number/extensions/decision`,
    {
      schema: {
        tags,
        summary: 'Grant or refuse the pending extension request',
        params: StorageParams,
        body: ExtensionDecisionBody,
        response: { 200: ExtensionSchema },
      },
    },
    async (request) => unwrap(await decideStorageExtension(deps, requireRole(request, 'customs_officer'), request.params.number, request.body)),
  );
  app.post(
    `${base}/:number/release`,
    {
      schema: {
        tags,
        summary: 'Release the goods from temporary storage on a customs declaration or a periodic-declaring notice; the document is recorded (art.121 p.1)',
        params: StorageParams,
        body: ReleaseBody,
        response: { 200: StorageSummarySchema },
      },
    },
    async (request) => unwrap(await releaseStorageByOfficer(deps, requireRole(request, 'customs_officer'), request.params.number, request.body)),
  );
}
