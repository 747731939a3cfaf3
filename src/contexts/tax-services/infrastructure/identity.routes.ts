import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { loadConfig } from '../../../platform/config.ts';
import { type App, ProblemError, requireRole, unwrap } from '../../../platform/http.ts';
import { createRateLimiter, type RateLimiter } from '../../../platform/rate-limit.ts';
import { IdParams, Strict, Tin } from '../../../platform/schemas.ts';
import { confirmCabinet, requestCabinet } from '../application/cabinet.ts';
import { requireCounterparty } from '../application/counterparty.ts';
import { actorOf, OFFICER_ROLES, TAXPAYER_ROLES, type TaxServicesDeps } from '../application/deps.ts';
import {
  applyForEds,
  edsPriceList,
  getEdsApplication,
  listEdsApplications,
  listEdsCertificates,
  recordEdsPayment,
  revokeEdsCertificate,
  signEdsContract,
} from '../application/eds.ts';
import { verifyEdsSignature } from '../application/eds-verification.ts';
import { getTaxpayer } from '../application/taxpayers.ts';
import { checkProofOfWork, clientKey, DEFAULT_PROOF_OF_WORK, issueChallenge, lookupTin, type ProofOfWorkSettings } from '../application/tin-lookup.ts';
import { registerTinOnline, verifyTinCertificate } from '../application/tin-registration.ts';
import { EDS_CONTRACT } from '../domain/identity.ts';
import { certificateAuthority } from './ca.ts';
import type { EdsApplicationRow, EdsCertificateRow } from './identity.schema.ts';
import {
  CabinetOutcomeSchema,
  CabinetRequestBody,
  CertificateVerdictSchema,
  CertificateVerifyQuery,
  ChallengeSchema,
  CounterpartySchema,
  EdsApplicationBody,
  EdsApplicationSchema,
  EdsCertificateSchema,
  EdsContractBody,
  EdsPaymentBody,
  EdsVerdictSchema,
  EdsVerifyBody,
  OfficerTinLookupBody,
  RevokeBody,
  TaxpayerSchema,
  TinLookupAnswerSchema,
  TinLookupBody,
  TinRegistrationBody,
  TinRegistrationSchema,
} from './identity.schemas.ts';

/** Settings of the public identity pages; `identityOptionsFromEnv` reads them. */
export type IdentityOptions = {
  readonly proofOfWork: ProofOfWorkSettings;
  /** "Find out TIN" queries per client address per minute (the burst is the same number). */
  readonly lookupsPerMinute: number;
  /** Online registrations and cabinet requests per client address per minute. */
  readonly applicationsPerMinute: number;
  /** Counterparty queries per client address per minute. */
  readonly counterpartiesPerMinute: number;
  /** The public address printed on certificates (their verification link). */
  readonly publicUrl: string;
};

const numberFrom = (value: string | undefined, fallback: number) => (value && Number.isFinite(Number(value)) ? Number(value) : fallback);

/** BEKOGAZ_TIN_LOOKUP_POW_BITS, BEKOGAZ_TIN_LOOKUPS_PER_MINUTE, BEKOGAZ_PUBLIC_URL. */
export function identityOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): IdentityOptions {
  const config = loadConfig(env);
  return {
    proofOfWork: { difficulty: numberFrom(env.BEKOGAZ_TIN_LOOKUP_POW_BITS, DEFAULT_PROOF_OF_WORK.difficulty), ttlSeconds: DEFAULT_PROOF_OF_WORK.ttlSeconds },
    lookupsPerMinute: numberFrom(env.BEKOGAZ_TIN_LOOKUPS_PER_MINUTE, 10),
    applicationsPerMinute: 5,
    counterpartiesPerMinute: 60,
    publicUrl: config.publicUrl ?? `http://${config.host}:${config.port}`,
  };
}

const perMinute = (n: number): RateLimiter => createRateLimiter(n / 60, n);

const iso = (d: Date | null) => d?.toISOString() ?? null;

const applicationView = (row: EdsApplicationRow) => ({
  id: row.id,
  tin: row.tin,
  status: row.status,
  keySource: row.keySource,
  priceDirams: row.priceDirams,
  isFree: row.priceDirams === 0,
  contract: EDS_CONTRACT,
  appliedAt: row.appliedAt.toISOString(),
  contractSignedAt: iso(row.contractSignedAt),
  paidAt: iso(row.paidAt),
  paymentReference: row.paymentReference,
  renewsCertificateId: row.renewsCertificateId,
  requestId: row.requestId,
});

const certificateView = (row: EdsCertificateRow, now: Date) => ({
  id: row.id,
  serialNumber: row.serialNumber,
  tin: row.tin,
  subject: row.subject,
  state: row.revokedAt ? 'revoked' : now > row.notAfter ? 'expired' : 'active',
  notBefore: row.notBefore.toISOString(),
  notAfter: row.notAfter.toISOString(),
  issuedAt: row.issuedAt.toISOString(),
  revokedAt: iso(row.revokedAt),
  renewedBy: row.renewedBy,
  sha256: row.sha256,
  certificatePem: row.certificatePem,
});

/**
 * The identity services: "Find out TIN" and the 152 line (TS-19, TS-44), online TIN registration
 * with its certificate (TS-20, TS-45, 01.01.01), the personal cabinet (TS-49, 12.12.01), EDS
 * certificates (TS-50, 12.12.02), counterparty information (TS-48, 05.05.06), the register (TS-52).
 */
export function identityRoutes(app: App, deps: TaxServicesDeps, options: IdentityOptions = identityOptionsFromEnv()): void {
  const limiters = {
    lookup: perMinute(options.lookupsPerMinute),
    apply: perMinute(options.applicationsPerMinute),
    counterparty: perMinute(options.counterpartiesPerMinute),
  };
  const limit = (limiter: RateLimiter, request: FastifyRequest, reply: FastifyReply, isPeek = false) => {
    const now = deps.clock.now().getTime();
    const taken = isPeek ? limiter.peek(request.ip, now) : limiter.take(request.ip, now);
    if (taken.isAllowed) return;
    reply.header('retry-after', String(taken.retryAfterSeconds));
    throw new ProblemError('RATE_LIMITED', undefined, { retryAfterSeconds: taken.retryAfterSeconds });
  };
  const publicTags = ['public', 'tax-services'];

  app.get(
    '/api/public/tax-services/tin-lookup/challenge',
    {
      schema: {
        tags: publicTags,
        summary: 'A proof-of-work challenge for one "Find out TIN" query (TS-44); refused while the query itself would be, so no browser solves in vain',
        security: [],
        response: { 200: ChallengeSchema },
      },
    },
    async (request, reply) => {
      limit(limiters.lookup, request, reply, true);
      const issued = await issueChallenge(deps, options.proofOfWork);
      return { ...issued, expiresAt: issued.expiresAt.toISOString() };
    },
  );

  app.post(
    '/api/public/tax-services/tin-lookup',
    {
      schema: {
        tags: publicTags,
        summary:
          '"Find out TIN" (Донистани РМА): your own TIN when the document, surname and birth date all match; the same answer shape on a miss (TS-19, TS-44)',
        security: [],
        body: TinLookupBody,
        response: { 200: TinLookupAnswerSchema },
      },
    },
    async (request, reply) => {
      limit(limiters.lookup, request, reply);
      const { challenge, solution, ...query } = request.body;
      const proof = unwrap(await checkProofOfWork(deps, challenge, solution));
      return unwrap(await lookupTin(deps, query, { channel: 'website', actor: 'public', client: request.ip, challenge: proof }));
    },
  );

  app.post(
    '/api/tax-services/tin-lookup',
    {
      schema: {
        tags: ['tax-services'],
        summary: 'The 152 line: an officer finds a caller’s TIN from the same data (TS-19, TS-22, TS-44)',
        body: OfficerTinLookupBody,
        response: { 200: TinLookupAnswerSchema },
      },
    },
    async (request) => {
      const officer = requireRole(request, ...OFFICER_ROLES);
      return unwrap(await lookupTin(deps, request.body, { channel: 'phone_152', actor: actorOf(officer), client: request.ip }));
    },
  );

  app.post(
    '/api/public/tax-services/tin-registrations',
    {
      schema: {
        tags: publicTags,
        summary: 'Online TIN registration for a citizen of 16 or more without a TIN: the TIN and its electronic certificate at once (TS-20, TS-45, 01.01.01)',
        security: [],
        body: TinRegistrationBody,
        response: { 201: TinRegistrationSchema },
      },
    },
    async (request, reply) => {
      limit(limiters.apply, request, reply);
      const done = unwrap(await registerTinOnline(deps, request.body, options.publicUrl));
      reply.code(201);
      const { certificatePdf, registeredAt, ...rest } = done;
      return { ...rest, registeredAt: registeredAt.toISOString(), certificatePdfBase64: certificatePdf.toString('base64') };
    },
  );

  app.get(
    '/api/public/tax-services/tin-certificates/verify',
    {
      schema: {
        tags: publicTags,
        summary: 'Whether a TIN certificate is genuine, by its number and TIN or by the SHA-256 of the PDF (01.01.01)',
        security: [],
        querystring: CertificateVerifyQuery,
        response: { 200: CertificateVerdictSchema },
      },
    },
    async (request) => {
      const verdict = unwrap(await verifyTinCertificate(deps, request.query));
      return { ...verdict, issuedAt: iso(verdict.issuedAt) };
    },
  );

  app.post(
    '/api/public/tax-services/cabinet-requests',
    {
      schema: {
        tags: publicTags,
        summary:
          'Ask for a personal cabinet: opened at once when the identity data match the register, else confirmed by an officer within 1 working day (TS-49, 12.12.01)',
        security: [],
        body: CabinetRequestBody,
        response: { 201: CabinetOutcomeSchema },
      },
    },
    async (request, reply) => {
      limit(limiters.apply, request, reply);
      const outcome = unwrap(await requestCabinet(deps, request.body));
      reply.code(201);
      return { ...outcome, dueAt: iso(outcome.dueAt) };
    },
  );

  app.post(
    '/api/tax-services/cabinet-requests/:id/confirm',
    {
      schema: {
        tags: ['tax-services'],
        summary: 'An officer has checked an organisation’s documents: the cabinet is opened and the credentials sent (12.12.01)',
        params: IdParams,
        response: { 200: Type.Object({ requestNumber: Type.String() }) },
      },
    },
    async (request) => unwrap(await confirmCabinet(deps, requireRole(request, ...OFFICER_ROLES), request.params.id)),
  );

  app.get(
    '/api/tax-services/taxpayers/me',
    { schema: { tags: ['tax-services'], summary: 'The register entry of the cabinet’s own taxpayer (TS-49)', response: { 200: TaxpayerSchema } } },
    async (request) => {
      const p = requireRole(request, ...TAXPAYER_ROLES);
      return unwrap(await getTaxpayer(deps, p, p.tin ?? ''));
    },
  );

  app.get(
    '/api/tax-services/taxpayers/:tin',
    {
      schema: {
        tags: ['tax-services'],
        summary: 'A register entry for an officer; the read is logged (TS-52)',
        params: Type.Object({ tin: Tin() }, Strict),
        response: { 200: TaxpayerSchema },
      },
    },
    async (request) => unwrap(await getTaxpayer(deps, requireRole(request, ...OFFICER_ROLES), request.params.tin)),
  );

  app.get(
    '/api/public/tax-services/counterparties/:tin',
    {
      schema: {
        tags: publicTags,
        summary: 'Information for choosing a counterparty: name, kind, status, VAT payer, registration date; from the cabinet it is a 05.05.06 request (TS-48)',
        security: [],
        params: Type.Object({ tin: Tin() }, Strict),
        response: { 200: CounterpartySchema },
      },
    },
    async (request, reply) => {
      limit(limiters.counterparty, request, reply);
      const principal = request.principal.kind === 'account' ? request.principal : null;
      return unwrap(await requireCounterparty(deps, request.params.tin, { principal, clientKey: await clientKey(deps, request.ip) }));
    },
  );

  edsRoutes(app, deps);
}

/** 12.12.02: the authority, the price list, applications, contract, payment, certificates and the signature check (TS-50). */
function edsRoutes(app: App, deps: TaxServicesDeps): void {
  const publicTags = ['public', 'tax-services'];
  const officersOrTaxpayers = [...TAXPAYER_ROLES, ...OFFICER_ROLES];
  const TinQuery = Type.Object({ tin: Type.Optional(Tin()) }, Strict);

  app.get(
    '/api/public/tax-services/eds/ca',
    { schema: { tags: publicTags, summary: 'The certificate of the platform’s EDS authority (PEM): the trust anchor of 12.12.02 certificates', security: [] } },
    async (_request, reply) => reply.type('application/x-pem-file').send((await certificateAuthority(deps.database, deps.clock.now)).certificatePem),
  );

  app.get(
    '/api/public/tax-services/eds/prices',
    {
      schema: {
        tags: publicTags,
        summary: 'The approved price list of EDS certificates in force (dehkan farms free) (12.12.02)',
        security: [],
        response: { 200: Type.Array(Type.Object({ taxpayerKind: Type.String(), amountDirams: Type.Union([Type.Integer(), Type.Null()]) })) },
      },
    },
    async () => edsPriceList(deps, dushanbeDate(deps.clock.now())),
  );

  app.post(
    '/api/tax-services/eds/applications',
    {
      schema: {
        tags: ['tax-services'],
        summary: 'Apply for an EDS certificate (or its renewal) with a PKCS#10 request (12.12.02, TS-50)',
        body: EdsApplicationBody,
        response: { 201: EdsApplicationSchema },
      },
    },
    async (request, reply) => {
      const row = unwrap(await applyForEds(deps, requireRole(request, ...TAXPAYER_ROLES), request.body));
      reply.code(201);
      return applicationView(row);
    },
  );

  app.get(
    '/api/tax-services/eds/applications',
    {
      schema: {
        tags: ['tax-services'],
        summary: 'EDS applications: the cabinet’s own, or by TIN for an officer',
        querystring: TinQuery,
        response: { 200: Type.Array(EdsApplicationSchema) },
      },
    },
    async (request) => (await listEdsApplications(deps, requireRole(request, ...officersOrTaxpayers), request.query.tin)).map(applicationView),
  );

  app.get(
    '/api/tax-services/eds/applications/:id',
    { schema: { tags: ['tax-services'], summary: 'One EDS application with its contract text', params: IdParams, response: { 200: EdsApplicationSchema } } },
    async (request) => applicationView(unwrap(await getEdsApplication(deps, requireRole(request, ...officersOrTaxpayers), request.params.id))),
  );

  app.post(
    '/api/tax-services/eds/applications/:id/contract',
    {
      schema: {
        tags: ['tax-services'],
        summary: 'The applicant signs the contract; with the payment done (or none due) the certificate is issued (12.12.02)',
        params: IdParams,
        body: EdsContractBody,
        response: { 200: EdsApplicationSchema },
      },
    },
    async (request) => applicationView(unwrap(await signEdsContract(deps, requireRole(request, ...TAXPAYER_ROLES), request.params.id))),
  );

  app.post(
    '/api/tax-services/eds/applications/:id/payment',
    {
      schema: {
        tags: ['tax-services'],
        summary: 'An officer records the fee as the bank confirmed it; with the contract signed the certificate is issued (12.12.02)',
        params: IdParams,
        body: EdsPaymentBody,
        response: { 200: EdsApplicationSchema },
      },
    },
    async (request) => {
      const officer = requireRole(request, ...OFFICER_ROLES);
      const { paidAt, ...rest } = request.body;
      return applicationView(unwrap(await recordEdsPayment(deps, officer, request.params.id, { ...rest, ...(paidAt ? { paidAt: new Date(paidAt) } : {}) })));
    },
  );

  app.get(
    '/api/tax-services/eds/certificates',
    {
      schema: {
        tags: ['tax-services'],
        summary: 'EDS certificates: the cabinet’s own, or by TIN for an officer (TS-50)',
        querystring: TinQuery,
        response: { 200: Type.Array(EdsCertificateSchema) },
      },
    },
    async (request) => {
      const now = deps.clock.now();
      return (await listEdsCertificates(deps, requireRole(request, ...officersOrTaxpayers), request.query.tin)).map((c) => certificateView(c, now));
    },
  );

  app.post(
    '/api/tax-services/eds/certificates/:id/revoke',
    {
      schema: {
        tags: ['tax-services'],
        summary: 'Revoke a certificate (its holder or an officer)',
        params: IdParams,
        body: RevokeBody,
        response: { 200: EdsCertificateSchema },
      },
    },
    async (request) => {
      const row = unwrap(await revokeEdsCertificate(deps, requireRole(request, ...officersOrTaxpayers), request.params.id, request.body.reason));
      return certificateView(row, deps.clock.now());
    },
  );

  app.post(
    '/api/public/tax-services/eds/verify',
    {
      schema: {
        tags: publicTags,
        summary: 'Whether a signature was made with a platform EDS certificate in force and not revoked at the time (TS-50)',
        security: [],
        body: EdsVerifyBody,
        response: { 200: EdsVerdictSchema },
      },
    },
    async (request) => {
      const b = request.body;
      const check = unwrap(
        await verifyEdsSignature(deps, {
          ...(b.certificatePem ? { certificatePem: b.certificatePem } : {}),
          ...(b.serialNumber ? { serialNumber: b.serialNumber } : {}),
          message: Buffer.from(b.messageBase64, 'base64'),
          signature: Buffer.from(b.signatureBase64, 'base64'),
          ...(b.signedAt ? { signedAt: new Date(b.signedAt) } : {}),
        }),
      );
      const c = check.certificate;
      return {
        ...check,
        certificate: c ? { ...c, notBefore: c.notBefore.toISOString(), notAfter: c.notAfter.toISOString(), revokedAt: iso(c.revokedAt) } : null,
      };
    },
  );
}
