import { and, asc, desc, eq, isNotNull, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import type { Localised } from '../../../platform/i18n.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { RequestErrorCode } from '../domain/errors.ts';
import { type SlaState, slaState } from '../domain/sla.ts';
import { ratings } from '../infrastructure/complaints.schema.ts';
import { type RequestRow, requestEvents, requests, results, units } from '../infrastructure/schema.ts';
import { actorOf, type TaxServicesDeps } from './deps.ts';

export type RequestView = ReturnType<typeof viewOf>;

const isTaxpayer = (p: AccountPrincipal) => p.role === 'business' || p.role === 'taxpayer';

function viewOf(deps: TaxServicesDeps, row: RequestRow, unit: { code: string; nameTg: string; nameRu: string; nameEn: string } | undefined, now: Date) {
  const version = deps.catalogue.versions().find((v) => v.id === row.catalogueVersionId);
  const line = version?.lines.get(row.serviceKey);
  const state: SlaState | 'awaiting_documents' | 'suspended' =
    row.status === 'awaiting_documents'
      ? 'awaiting_documents'
      : row.status === 'suspended'
        ? 'suspended'
        : slaState({ dueAt: row.dueAt, warnAt: row.warnAt, targetAt: row.targetAt, opensAt: row.opensAt, stageDueAt: row.stageDueAt }, now, row.completedAt);
  return {
    id: row.id,
    number: row.number,
    serviceKey: row.serviceKey,
    serviceCode: row.serviceCode,
    serviceName: (line?.name ?? { tg: row.serviceKey, ru: row.serviceKey, en: row.serviceKey }) as Localised,
    deadlineText: (line?.deadlineText ?? null) as Localised | null,
    resultText: (line?.result.text ?? null) as Localised | null,
    catalogueVersion: version?.label ?? null,
    channel: row.channel,
    applicant: { tin: row.applicantTin, name: row.applicantName, email: row.applicantEmail, phone: row.applicantPhone },
    unit: { code: unit?.code ?? '', name: { tg: unit?.nameTg ?? '', ru: unit?.nameRu ?? '', en: unit?.nameEn ?? '' }, region: row.region },
    status: row.status,
    sla: {
      state,
      startedAt: row.startedAt?.toISOString() ?? null,
      dueAt: row.dueAt?.toISOString() ?? null,
      warnAt: row.warnAt?.toISOString() ?? null,
      targetAt: row.targetAt?.toISOString() ?? null,
      opensAt: row.opensAt?.toISOString() ?? null,
      stageDueAt: row.stageDueAt?.toISOString() ?? null,
      warnedAt: row.warnedAt?.toISOString() ?? null,
      escalatedAt: row.escalatedAt?.toISOString() ?? null,
    },
    receivedAt: row.receivedAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
    elapsedSeconds: row.elapsedSeconds,
    isLate: row.isLate,
    suspensions: row.suspensions,
    suspendedSeconds: row.suspendedSeconds,
    hadQueue: row.hadQueue,
    queueWaitSeconds: row.queueWaitSeconds,
    outcomeNote: row.outcomeNote,
    period: row.periodYear ? { year: row.periodYear, month: row.periodMonth } : null,
    planDate: row.planDate,
    subject: row.subject,
  };
}

/** Who may read a request: its applicant (by TIN), an officer of its unit, the TSD (TS-52). */
function canRead(p: AccountPrincipal, row: RequestRow): boolean {
  if (isTaxpayer(p)) return row.applicantTin !== null && row.applicantTin === p.tin;
  if (p.role === 'service_officer') return true;
  if (p.role === 'tax_officer') return p.unitId === null || p.unitId === row.unitId;
  return false;
}

/** Whether the caller may act on a request (no audit entry: the answer that follows reads it once). */
export async function isVisible(deps: TaxServicesDeps, p: AccountPrincipal, id: string): Promise<boolean> {
  const [row] = await deps.database.db.select().from(requests).where(eq(requests.id, id));
  return row !== undefined && canRead(p, row);
}

/** One request; `registeredNow`: the caller has just registered it (a front office may route it to another unit). */
export async function getRequest(
  deps: TaxServicesDeps,
  p: AccountPrincipal,
  id: string,
  registeredNow = false,
): Promise<Result<RequestView & { events: unknown[]; results: unknown[]; isRated: boolean }, Failure<RequestErrorCode>>> {
  const db = deps.database.db;
  const [found] = await db.select().from(requests).leftJoin(units, eq(units.id, requests.unitId)).where(eq(requests.id, id));
  if (!found || !(registeredNow || canRead(p, found.requests))) return fail('REQUEST_NOT_FOUND');
  const [events, delivered, rated] = await Promise.all([
    db.select().from(requestEvents).where(eq(requestEvents.requestId, id)).orderBy(asc(requestEvents.at), asc(requestEvents.id)),
    db
      .select({
        id: results.id,
        kind: results.kind,
        fileName: results.fileName,
        mediaType: results.mediaType,
        sha256: results.sha256,
        createdAt: results.createdAt,
      })
      .from(results)
      .where(eq(results.requestId, id)),
    db.select({ id: ratings.id }).from(ratings).where(eq(ratings.requestId, id)).limit(1),
  ]);
  const now = deps.clock.now();
  // TS-52: an officer's access to a taxpayer's request is kept in the audit trail.
  if (!isTaxpayer(p)) await appendAudit(db, now, { actor: actorOf(p), action: 'tax-services.request.read', entity: 'service_request', entityId: id });
  return ok({
    ...viewOf(deps, found.requests, found.units ?? undefined, now),
    events: events.map((e) => ({ at: e.at.toISOString(), kind: e.kind, actor: isTaxpayer(p) ? undefined : e.actor, note: e.note, data: e.data })),
    results: delivered.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    /** The applicant has rated the service (TS-41: once). */
    isRated: rated.length > 0,
  });
}

export async function getResult(deps: TaxServicesDeps, p: AccountPrincipal, requestId: string, resultId: string) {
  const db = deps.database.db;
  const [row] = await db.select().from(requests).where(eq(requests.id, requestId));
  if (!row || !canRead(p, row)) return fail('REQUEST_NOT_FOUND');
  const [result] = await db
    .select()
    .from(results)
    .where(and(eq(results.id, resultId), eq(results.requestId, requestId)));
  if (!result) return fail('RESULT_NOT_FOUND');
  return ok({ fileName: result.fileName, mediaType: result.mediaType, content: Buffer.from(result.contentBase64, 'base64') });
}

export type RequestFilter = {
  readonly state?: 'open' | 'at_risk' | 'breached' | 'suspended' | 'awaiting_documents' | 'closed';
  readonly serviceKey?: string;
  readonly unitCode?: string;
  readonly region?: string;
  readonly channel?: string;
  readonly applicantTin?: string;
  readonly limit?: number;
  readonly offset?: number;
};

/** A taxpayer's own requests, or an officer's work queue (most urgent first). */
export async function listRequests(deps: TaxServicesDeps, p: AccountPrincipal, filter: RequestFilter = {}) {
  const now = deps.clock.now();
  const conditions: (SQL | undefined)[] = [];
  if (isTaxpayer(p)) conditions.push(eq(requests.applicantTin, p.tin ?? ''));
  else if (p.role === 'tax_officer' && p.unitId) conditions.push(eq(requests.unitId, p.unitId));
  else if (p.role !== 'service_officer' && p.role !== 'tax_officer') return [];
  switch (filter.state) {
    case 'open':
      conditions.push(isNull(requests.completedAt));
      break;
    case 'at_risk':
      conditions.push(
        eq(requests.status, 'open'),
        lte(requests.warnAt, now),
        or(isNull(requests.dueAt), sql`${requests.dueAt} > ${now.toISOString()}::timestamptz`),
      );
      break;
    case 'breached':
      conditions.push(eq(requests.status, 'open'), lte(requests.dueAt, now));
      break;
    case 'suspended':
    case 'awaiting_documents':
      conditions.push(eq(requests.status, filter.state));
      break;
    case 'closed':
      conditions.push(isNotNull(requests.completedAt));
      break;
  }
  if (filter.serviceKey) conditions.push(eq(requests.serviceKey, filter.serviceKey));
  if (filter.unitCode) conditions.push(eq(units.code, filter.unitCode));
  if (filter.region) conditions.push(eq(requests.region, filter.region));
  if (filter.channel) conditions.push(eq(requests.channel, filter.channel));
  if (filter.applicantTin && !isTaxpayer(p)) conditions.push(eq(requests.applicantTin, filter.applicantTin));
  const found = await deps.database.db
    .select()
    .from(requests)
    .innerJoin(units, eq(units.id, requests.unitId))
    .where(and(...conditions))
    .orderBy(filter.state === 'closed' ? desc(requests.completedAt) : sql`${requests.dueAt} ASC NULLS LAST`, desc(requests.receivedAt))
    .limit(Math.min(filter.limit ?? 50, 500))
    .offset(filter.offset ?? 0);
  return found.map((r) => viewOf(deps, r.requests, r.units, now));
}
