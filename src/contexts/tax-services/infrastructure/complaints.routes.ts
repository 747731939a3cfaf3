import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { type App, ProblemError, requireRole, unwrap } from '../../../platform/http.ts';
import { createRateLimiter, type RateLimiter } from '../../../platform/rate-limit.ts';
import { IdParams, IsoDate, Line, LocalisedText, Strict } from '../../../platform/schemas.ts';
import { computeAnnualIndicators, getAnnualIndicators, listPublishedYears, publishAnnualIndicators } from '../application/annual-indicators.ts';
import {
  answerComplaint,
  complaintReplyLetter,
  complaintStatus,
  getComplaint,
  listComplaints,
  type RegisteredComplaint,
  registerComplaint,
} from '../application/complaints.ts';
import { actorOf, OFFICER_ROLES, TAXPAYER_ROLES, type TaxServicesDeps } from '../application/deps.ts';
import { generateQualityNote, getQualityNote, listQualityNotes } from '../application/monthly-note.ts';
import { isCalendarDate, listRatingRemarks, rateComplaintBySecret, rateOwnRequest, ratingSummary, rateUnit } from '../application/ratings.ts';
import { COMPLAINT_CHANNEL_INFO } from '../domain/complaint.ts';
import {
  AnswerBody,
  BookRatingBody,
  ComplaintBookBody,
  ComplaintRegisteredSchema,
  ComplaintSchema,
  ComplaintStatusSchema,
  IndicatorsSchema,
  PeriodParams,
  RatingAggregateSchema,
  RatingSummarySchema,
  RegisterComplaintBody,
  SecretBody,
  SurveyBody,
  UnitRatingBody,
  YearParams,
} from './complaints.schemas.ts';
import { indicatorsCsv } from './quality-documents.ts';
import { ChannelSchema, literals, ref, ServiceKey } from './requests.schemas.ts';

export type ComplaintRouteOptions = {
  /** Complaints a client may file through the public Book per hour (TS-40); default 10. */
  readonly bookPerHour?: number;
  /** Status look-ups, letters and ratings with a secret per client per hour; default 60. */
  readonly lookupsPerHour?: number;
};

const perHour = (n: number): RateLimiter => createRateLimiter(n / 3600, n);
const isTaxpayer = (role: string) => role === 'business' || role === 'taxpayer';
const registered = (r: RegisteredComplaint) => ({ ...r, receivedAt: r.receivedAt.toISOString(), dueAt: r.dueAt?.toISOString() ?? null });
const UnitParams = Type.Object({ code: Line(60, 'Unit code') }, Strict);

/** Complaints and appeals, the Book of complaints, ratings, the monthly note and the annual indicators (TS-13 … TS-17, TS-33, TS-34, TS-39 … TS-41). */
export function complaintRoutes(app: App, deps: TaxServicesDeps, options: ComplaintRouteOptions = {}): void {
  const book = perHour(options.bookPerHour ?? 10);
  const lookups = perHour(options.lookupsPerHour ?? 60);
  /** TS-40 / TS-44 practice: the public forms are limited per client, with Retry-After. */
  const limit = (limiter: RateLimiter, request: FastifyRequest, reply: FastifyReply) => {
    const taken = limiter.take(request.ip, deps.clock.now().getTime());
    if (taken.isAllowed) return;
    reply.header('retry-after', String(taken.retryAfterSeconds));
    throw new ProblemError('RATE_LIMITED', undefined, { retryAfterSeconds: taken.retryAfterSeconds });
  };
  for (const schema of [ComplaintSchema, ComplaintRegisteredSchema, ComplaintStatusSchema, RatingAggregateSchema, RatingSummarySchema, IndicatorsSchema])
    app.addSchema(schema);

  app.get(
    '/api/public/tax-services/complaint-channels',
    {
      schema: {
        tags: ['public', 'tax-services'],
        summary: 'Where a complaint about tax officials can be sent, at the complainant’s choice (A1 p.13, TS-15, TS-21)',
        security: [],
        response: { 200: Type.Array(Type.Object({ channels: Type.Array(Type.String()), name: LocalisedText, contact: Type.String() })) },
      },
    },
    async () => COMPLAINT_CHANNEL_INFO.map((c) => ({ ...c, channels: [...c.channels] })),
  );

  app.post(
    '/api/public/tax-services/complaint-book',
    {
      schema: {
        tags: ['public', 'tax-services'],
        summary:
          'The online Book of complaints: file a complaint and get its registration number and secret (TS-40); from the personal cabinet the TIN is the session’s',
        security: [],
        body: ComplaintBookBody,
        response: { 201: ref('ComplaintRegistered') },
      },
    },
    async (request, reply) => {
      limit(book, request, reply);
      const p = request.principal;
      // Only a logged-in taxpayer's TIN is trusted: a typed TIN would send the reply to someone else's cabinet.
      const tin = p.kind === 'account' && isTaxpayer(p.role) ? p.tin : null;
      const { serviceKey, complainant, ...subject } = request.body;
      const made = unwrap(
        await registerComplaint(deps, p.kind === 'account' ? actorOf(p) : 'public', {
          ...subject,
          serviceKey: serviceKey ?? '11.11.02',
          channel: 'complaint_book',
          complainant: { ...complainant, tin },
        }),
      );
      reply.code(201);
      const { id: _id, receiptCopyResultId: _copy, ...rest } = registered(made);
      return rest;
    },
  );

  app.post(
    '/api/public/tax-services/complaint-book/status',
    {
      schema: {
        tags: ['public', 'tax-services'],
        summary: 'The status of a complaint and its written reply, for the holder of its registration number and secret (TS-40, TS-17)',
        security: [],
        body: SecretBody,
        response: { 200: ref('ComplaintStatus') },
      },
    },
    async (request, reply) => {
      limit(lookups, request, reply);
      return unwrap(await complaintStatus(deps, request.body.registrationNumber, request.body.secret));
    },
  );

  app.post(
    '/api/public/tax-services/complaint-book/reply-letter',
    {
      schema: {
        tags: ['public', 'tax-services'],
        summary: 'The reply letter (PDF), for the holder of the registration number and secret (TS-17)',
        security: [],
        body: SecretBody,
      },
    },
    async (request, reply) => {
      limit(lookups, request, reply);
      const file = unwrap(await complaintReplyLetter(deps, request.body.registrationNumber, request.body.secret));
      return reply
        .type(file.mediaType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .send(file.content);
    },
  );

  app.post(
    '/api/public/tax-services/complaint-book/rating',
    {
      schema: {
        tags: ['public', 'tax-services'],
        summary: 'Rate how a complaint was handled, once, with its registration number and secret (TS-41)',
        security: [],
        body: BookRatingBody,
        response: { 201: Type.Object({ id: Type.String() }) },
      },
    },
    async (request, reply) => {
      limit(lookups, request, reply);
      const { registrationNumber, secret, ...survey } = request.body;
      const made = unwrap(await rateComplaintBySecret(deps, registrationNumber, secret, survey));
      reply.code(201);
      return made;
    },
  );

  app.post(
    '/api/tax-services/complaints',
    {
      schema: {
        tags: ['tax-services'],
        summary:
          'Register a complaint or appeal received by post, in person, by telephone 2330905 or 151, by e-mail or chat, with its proof of receipt (TS-15, TS-16, TS-39)',
        body: RegisterComplaintBody,
        response: { 201: ref('ComplaintRegistered') },
      },
    },
    async (request, reply) => {
      const actor = requireRole(request, ...OFFICER_ROLES);
      const { receipt, ...body } = request.body;
      const at = (s: string | undefined) => (s ? new Date(s) : undefined);
      const made = unwrap(
        await registerComplaint(deps, actorOf(actor), {
          ...body,
          ...(receipt ? { receipt: { ...receipt, stampedAt: at(receipt.stampedAt), receivedAt: at(receipt.receivedAt) } } : {}),
        }),
      );
      reply.code(201);
      return registered(made);
    },
  );

  app.get(
    '/api/tax-services/complaints',
    {
      schema: {
        tags: ['tax-services'],
        summary: 'The complaints register: a complainant’s own, a unit’s, or all for the TSD, newest first (TS-39)',
        querystring: Type.Object(
          {
            state: Type.Optional(literals(['under_review', 'answered', 'breached'] as const, 'Which complaints')),
            serviceKey: Type.Optional(ServiceKey()),
            channel: Type.Optional(ChannelSchema),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
            offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
          },
          Strict,
        ),
        response: { 200: Type.Array(ref('Complaint')) },
      },
    },
    async (request) => listComplaints(deps, requireRole(request, ...TAXPAYER_ROLES, ...OFFICER_ROLES), request.query),
  );

  app.get(
    '/api/tax-services/complaints/:id',
    {
      schema: {
        tags: ['tax-services'],
        summary: 'One complaint with its proof of receipt and reply (TS-16, TS-17)',
        params: IdParams,
        response: { 200: ref('Complaint') },
      },
    },
    async (request) => unwrap(await getComplaint(deps, requireRole(request, ...TAXPAYER_ROLES, ...OFFICER_ROLES), request.params.id)),
  );

  app.post(
    '/api/tax-services/complaints/:id/reply',
    {
      schema: {
        tags: ['tax-services'],
        summary: 'Reply in writing: the letter is kept with the request and the complainant is told (TS-17)',
        params: IdParams,
        body: AnswerBody,
        response: { 200: ref('Complaint') },
      },
    },
    async (request) => {
      const actor = requireRole(request, ...OFFICER_ROLES);
      unwrap(await answerComplaint(deps, actor, request.params.id, request.body));
      return unwrap(await getComplaint(deps, actor, request.params.id));
    },
  );

  app.post(
    '/api/tax-services/requests/:id/rating',
    {
      schema: {
        tags: ['tax-services'],
        summary: 'The applicant rates a closed request once: overall, courtesy, clarity, timeliness (TS-14, TS-41)',
        params: IdParams,
        body: SurveyBody,
        response: { 201: Type.Object({ id: Type.String() }) },
      },
    },
    async (request, reply) => {
      const made = unwrap(await rateOwnRequest(deps, requireRole(request, ...TAXPAYER_ROLES), request.params.id, request.body));
      reply.code(201);
      return made;
    },
  );

  app.post(
    '/api/public/tax-services/units/:code/ratings',
    {
      schema: {
        tags: ['public', 'tax-services'],
        summary: 'Rate a unit of the tax authorities and its staff, with remarks and proposals (A1 p.16(4), TS-18, TS-41)',
        security: [],
        params: UnitParams,
        body: UnitRatingBody,
        response: { 201: Type.Object({ id: Type.String() }) },
      },
    },
    async (request, reply) => {
      limit(book, request, reply);
      const p = request.principal;
      const { viaPhone151, ...input } = request.body;
      const isCallCentre = viaPhone151 === true && p.kind === 'account' && (OFFICER_ROLES as readonly string[]).includes(p.role);
      const rater = { actor: p.kind === 'account' ? actorOf(p) : 'public', tin: p.kind === 'account' && isTaxpayer(p.role) ? p.tin : null };
      const made = unwrap(await rateUnit(deps, rater, request.params.code, { ...input, channel: isCallCentre ? 'phone_151' : 'cabinet' }));
      reply.code(201);
      return made;
    },
  );

  app.get(
    '/api/public/tax-services/units/:code/ratings',
    {
      schema: {
        tags: ['public', 'tax-services'],
        summary: 'How the public rated a unit over the last twelve months (TS-41)',
        security: [],
        params: UnitParams,
        response: { 200: Type.Object({ unitCode: Type.String(), from: Type.String(), to: Type.String(), totals: ref('RatingAggregate') }) },
      },
    },
    async (request) => {
      const [known] = await deps.database.query('SELECT 1 FROM tax_services.units WHERE code = $1', [request.params.code]);
      if (!known) throw new ProblemError('UNIT_NOT_FOUND', 'params.code');
      const today = dushanbeDate(deps.clock.now());
      const [y, m, d] = today.split('-').map(Number) as [number, number, number];
      // The twelve months up to today: from the day after the same date a year ago.
      const from = new Date(Date.UTC(y - 1, m - 1, d + 1)).toISOString().slice(0, 10);
      const summary = await ratingSummary(deps, { unitCode: request.params.code, from, to: today });
      return { unitCode: request.params.code, from: summary.from, to: summary.to, totals: summary.totals };
    },
  );

  app.get(
    '/api/tax-services/ratings/summary',
    {
      schema: {
        tags: ['tax-services'],
        summary: 'Ratings aggregated per service, unit, channel and staff member, for the dashboard and reports (TS-32, TS-41)',
        querystring: Type.Object(
          {
            from: Type.Optional(IsoDate('First day, default the 1st of this month')),
            to: Type.Optional(IsoDate('Last day, default today')),
            region: Type.Optional(literals(['central', 'dushanbe', 'sughd', 'khatlon', 'gbao', 'rrs'] as const, 'Region')),
            unitCode: Type.Optional(Line(60)),
            serviceKey: Type.Optional(ServiceKey()),
            channel: Type.Optional(ChannelSchema),
            kind: Type.Optional(literals(['request', 'unit'] as const, 'Surveys after a request, or ratings of a unit')),
          },
          Strict,
        ),
        response: { 200: ref('RatingSummary') },
      },
    },
    async (request) => {
      requireRole(request, ...OFFICER_ROLES);
      for (const key of ['from', 'to'] as const) {
        const value = request.query[key];
        if (value !== undefined && !isCalendarDate(value)) throw new ProblemError('VALIDATION_FAILED', `querystring.${key}`);
      }
      return ratingSummary(deps, request.query);
    },
  );

  app.get(
    '/api/tax-services/ratings/remarks',
    {
      schema: {
        tags: ['tax-services'],
        summary: 'Remarks and proposals left with ratings, newest first (A1 p.16(4))',
        querystring: Type.Object(
          {
            unitCode: Type.Optional(Line(60)),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
            offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
          },
          Strict,
        ),
        response: { 200: Type.Array(Type.Object({}, { additionalProperties: true })) },
      },
    },
    async (request) => {
      requireRole(request, ...OFFICER_ROLES);
      const found = await listRatingRemarks(deps, request.query);
      return found.map((r) => ({ ...r, ratedAt: new Date(r.ratedAt as string).toISOString() }));
    },
  );

  app.get(
    '/api/tax-services/quality-notes',
    {
      schema: {
        tags: ['tax-services'],
        summary: 'The monthly information notes on service quality with their files (10.10.03, TS-33)',
        response: { 200: Type.Array(Type.Object({}, { additionalProperties: true })) },
      },
    },
    async (request) => {
      requireRole(request, ...OFFICER_ROLES);
      return listQualityNotes(deps);
    },
  );

  app.get(
    '/api/tax-services/quality-notes/:year/:month',
    { schema: { tags: ['tax-services'], summary: 'The latest revision of a month’s information note (10.10.03, TS-33)', params: PeriodParams } },
    async (request) => {
      requireRole(request, ...OFFICER_ROLES);
      return unwrap(await getQualityNote(deps, request.params));
    },
  );

  app.post(
    '/api/tax-services/quality-notes/:year/:month',
    {
      schema: {
        tags: ['tax-services'],
        summary: 'Make the month’s information note now, or a revised one (10.10.03, TS-33)',
        params: PeriodParams,
        response: { 200: Type.Object({ requestId: Type.String(), number: Type.String(), revision: Type.Integer(), resultIds: Type.Array(Type.String()) }) },
      },
    },
    async (request) => {
      const made = unwrap(await generateQualityNote(deps, actorOf(requireRole(request, 'service_officer')), request.params));
      return { ...made, resultIds: [...made.resultIds] };
    },
  );

  app.post(
    '/api/tax-services/indicators/:year/compute',
    {
      schema: {
        tags: ['tax-services'],
        summary: 'Compute the year’s quality and accessibility indicators (TS-13, TS-34)',
        params: YearParams,
        response: { 200: ref('QualityIndicators') },
      },
    },
    async (request) => unwrap(await computeAnnualIndicators(deps, actorOf(requireRole(request, 'service_officer')), request.params.year)),
  );

  app.post(
    '/api/tax-services/indicators/:year/publish',
    {
      schema: {
        tags: ['tax-services'],
        summary: 'Publish the year’s indicators for "Boju khiroj" and www.andoz.tj (TS-03, TS-13)',
        params: YearParams,
        response: { 200: ref('QualityIndicators') },
      },
    },
    async (request) => unwrap(await publishAnnualIndicators(deps, actorOf(requireRole(request, 'service_officer')), request.params.year)),
  );

  app.get(
    '/api/tax-services/indicators/:year',
    {
      schema: {
        tags: ['tax-services'],
        summary: 'A year’s indicators, published or not (TS-34)',
        params: YearParams,
        response: { 200: ref('QualityIndicators') },
      },
    },
    async (request) => {
      requireRole(request, ...OFFICER_ROLES);
      return unwrap(await getAnnualIndicators(deps, request.params.year, { publishedOnly: false }));
    },
  );

  const csv = async (year: number, publishedOnly: boolean, reply: FastifyReply) => {
    const view = unwrap(await getAnnualIndicators(deps, year, { publishedOnly }));
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="quality-indicators-${year}.csv"`)
      .send(indicatorsCsv({ year: view.year, values: view.values }));
  };
  app.get(
    '/api/tax-services/indicators/:year/csv',
    { schema: { tags: ['tax-services'], summary: 'A year’s indicators as CSV, published or not (TS-34)', params: YearParams } },
    async (request, reply) => {
      requireRole(request, ...OFFICER_ROLES);
      return csv(request.params.year, false, reply);
    },
  );

  app.get(
    '/api/public/tax-services/indicators',
    {
      schema: {
        tags: ['public', 'tax-services'],
        summary: 'The years whose quality indicators are published (TS-13)',
        security: [],
        response: { 200: Type.Array(Type.Object({ year: Type.Integer(), publishedAt: Type.Union([Type.String(), Type.Null()]) })) },
      },
    },
    async () => listPublishedYears(deps),
  );

  app.get(
    '/api/public/tax-services/indicators/:year',
    {
      schema: {
        tags: ['public', 'tax-services'],
        summary: 'A year’s published quality indicators (TS-13, TS-34)',
        security: [],
        params: YearParams,
        response: { 200: ref('QualityIndicators') },
      },
    },
    async (request) => unwrap(await getAnnualIndicators(deps, request.params.year, { publishedOnly: true })),
  );

  app.get(
    '/api/public/tax-services/indicators/:year/csv',
    { schema: { tags: ['public', 'tax-services'], summary: 'A year’s published quality indicators as CSV (TS-34)', security: [], params: YearParams } },
    async (request, reply) => csv(request.params.year, true, reply),
  );
}
