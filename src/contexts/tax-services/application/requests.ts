import { eq, sql } from 'drizzle-orm';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { type Db, rows } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import type { Localised } from '../../../platform/i18n.ts';
import { type NewNotification, notify } from '../../../platform/notifications.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { RequestErrorCode } from '../domain/errors.ts';
import { bucketOf } from '../domain/percentiles.ts';
import { type ClockStart, pauseUnit, resumeClock, type SlaClock, startClock } from '../domain/sla.ts';
import type { Channel, ResultKind, ServiceLine } from '../domain/types.ts';
import { completionStats, type RequestRow, requestEvents, requests, results, units } from '../infrastructure/schema.ts';
import type { TaxServicesDeps } from './deps.ts';
import { sha256Hex } from '../../../platform/bytes.ts';

/** A new request as any channel brings it in (TS-26). */
export type OpenRequestInput = {
  /** Catalogue key: the code plus the sub-variant letter, e.g. '05.05.01b' or '06.06.01'. */
  readonly serviceKey: string;
  readonly channel: Channel;
  readonly applicant: { readonly tin?: string | null; readonly name?: string | null; readonly email?: string | null; readonly phone?: string | null };
  /** The responsible unit's code; by default the one the catalogue names, or the territorial body of Dushanbe. */
  readonly unitCode?: string;
  /** When the application arrived (default now): a post or e-mail complaint counts from its incoming-registration stamp (TS-16). */
  readonly receivedAt?: Date;
  /** For services whose clock starts with "the application and the necessary documents": are they complete? (TS-29; default true). */
  readonly documentsComplete?: boolean;
  /** The start event when it is not the arrival (12.12.02: the later of contract and payment; data from a registering authority). */
  readonly startedAt?: Date;
  readonly period?: { readonly year: number; readonly month?: number };
  readonly planDate?: string;
  /** Counter and terminal services (TS-31): whether there was a queue, and how long the applicant waited. */
  readonly hadQueue?: boolean;
  readonly queueWaitSeconds?: number;
  /** What the service needs to know (the TIN asked for, the period of a reconciliation act …). */
  readonly subject?: Record<string, unknown>;
};

/** A result delivered electronically with the request (the certificate, the extract, the letter, the SMS text). */
export type DeliveredResult = { readonly kind: ResultKind; readonly fileName: string; readonly mediaType: string; readonly content: Buffer };

export type OpenedRequest = {
  readonly id: string;
  readonly number: string;
  readonly line: ServiceLine;
  readonly clock: SlaClock | null;
  readonly status: RequestRow['status'];
};

/** The unit codes the catalogue's "responsible unit" cells name, in the order they are tried. */
const UNIT_BY_NAME: readonly (readonly [RegExp, string])[] = [
  [/MBMA/, 'mbma'],
  [/^LTTD|Large Taxpayers/, 'lttd'],
  [/^DTAE/, 'dtae'],
  [/International Cooperation/, 'international'],
  [/Tax Control Department/, 'tax-control'],
  [/^TSD/, 'tsd'],
  [/^Department of Accounting and Data Processing/, 'accounting'],
  [/^Departments of the TC central office/, 'tsd'],
];
const DEFAULT_TERRITORIAL_UNIT = 'dushanbe';

export function defaultUnitCode(line: ServiceLine): string {
  const name = line.responsibleUnit.value.en;
  return UNIT_BY_NAME.find(([pattern]) => pattern.test(name))?.[1] ?? DEFAULT_TERRITORIAL_UNIT;
}

const startsWithDocuments = (line: ServiceLine) => line.startEvent === 'application_and_documents' || line.startEvent === 'documents';

function clockStart(row: Pick<RequestRow, 'periodYear' | 'periodMonth' | 'planDate' | 'hadQueue'>, startedAt: Date, office: string): ClockStart {
  return {
    startedAt,
    office,
    ...(row.periodYear ? { period: { year: row.periodYear, ...(row.periodMonth ? { month: row.periodMonth } : {}) } } : {}),
    ...(row.planDate ? { planDate: row.planDate } : {}),
    ...(row.hadQueue !== null && row.hadQueue !== undefined ? { hadQueue: row.hadQueue } : {}),
  };
}

const clockColumns = (c: SlaClock) => ({ dueAt: c.dueAt, warnAt: c.warnAt, targetAt: c.targetAt, opensAt: c.opensAt, stageDueAt: c.stageDueAt });

async function nextNumber(tx: Db, at: Date): Promise<string> {
  const [row] = await rows<{ n: string }>(tx, sql`SELECT nextval('tax_services.request_number_seq')::text AS n`);
  return `${dushanbeDate(at).slice(0, 4)}-${String(row?.n ?? '0').padStart(7, '0')}`;
}

async function event(tx: Db, requestId: string, at: Date, kind: string, actor: string, note?: string | null, data: Record<string, unknown> = {}) {
  await tx.insert(requestEvents).values({ id: uuidv7(at.getTime()), requestId, at, kind, actor, note: note ?? null, data });
}

/** The applicant's inbox (TS-38): by TIN in the personal cabinet; e-mail and SMS go through the same record. */
function toApplicant(row: Pick<RequestRow, 'id' | 'applicantTin'>, kind: string, title: Localised, body: Localised): NewNotification[] {
  return row.applicantTin
    ? [{ recipient: { kind: 'business', id: row.applicantTin }, kind, title, body, subject: { type: 'service_request', id: row.id } }]
    : [];
}

/**
 * Registers a request from any channel with its SLA clock (TS-26, TS-27, TS-29): the clock starts
 * at the start event the standard names; an application whose documents are incomplete waits
 * without a clock. The applicant is told it was received, with its number (TS-38).
 */
export async function openRequest(
  tx: Db,
  deps: TaxServicesDeps,
  actor: string,
  input: OpenRequestInput,
): Promise<Result<OpenedRequest, Failure<RequestErrorCode>>> {
  const at = deps.clock.now();
  const receivedAt = input.receivedAt ?? at;
  const version = deps.catalogue.at(dushanbeDate(receivedAt));
  if (!version) return fail('SERVICE_NOT_IN_FORCE');
  const line = version.lines.get(input.serviceKey);
  if (!line) return fail('SERVICE_NOT_FOUND', 'body.serviceKey', { serviceKey: input.serviceKey });
  const { tin, name, email, phone } = input.applicant;
  if (!tin && !(name && (email || phone)) && !name) return fail('APPLICANT_REQUIRED', 'body.applicant');
  const rule = line.deadline;
  if ((rule.kind === 'fixed_date' && rule.date !== 'february_1') || rule.kind === 'date_window') {
    if (!input.period?.year || (rule.kind !== 'fixed_date' || rule.date !== 'april_1_after_year' ? !input.period.month : false))
      return fail('PERIOD_REQUIRED', 'body.period');
  }
  if (rule.kind === 'plan' && !input.planDate) return fail('PLAN_DATE_REQUIRED', 'body.planDate');
  const unitCode = input.unitCode ?? defaultUnitCode(line);
  const [unit] = await tx.select().from(units).where(eq(units.code, unitCode));
  if (!unit) return fail('UNIT_NOT_FOUND', 'body.unitCode', { unitCode });

  const waits = startsWithDocuments(line) && input.documentsComplete === false;
  const startedAt = waits ? null : (input.startedAt ?? receivedAt);
  const row = {
    periodYear: input.period?.year ?? null,
    periodMonth: input.period?.month ?? null,
    planDate: input.planDate ?? null,
    hadQueue: input.hadQueue ?? null,
  };
  const clock = startedAt ? startClock(rule, clockStart(row, startedAt, unit.office), deps.calendar(), deps.sla) : null;
  const id = uuidv7(at.getTime());
  const number = await nextNumber(tx, at);
  await tx.insert(requests).values({
    id,
    number,
    catalogueVersionId: version.id,
    serviceKey: line.key,
    serviceCode: line.code,
    channel: input.channel,
    applicantTin: tin ?? null,
    applicantName: name ?? null,
    applicantEmail: email ?? null,
    applicantPhone: phone ?? null,
    unitId: unit.id,
    region: unit.region,
    status: waits ? 'awaiting_documents' : 'open',
    receivedAt,
    startedAt,
    ...(clock ? clockColumns(clock) : {}),
    ...row,
    queueWaitSeconds: input.queueWaitSeconds ?? null,
    subject: input.subject ?? {},
    createdBy: actor,
  });
  await event(tx, id, at, 'received', actor, null, { channel: input.channel, documentsComplete: !waits });
  await notify(
    tx,
    at,
    ...toApplicant(
      { id, applicantTin: tin ?? null },
      'request_received',
      { tg: `Дархост № ${number} қабул шуд`, ru: `Обращение № ${number} принято`, en: `Request No ${number} received` },
      line.name,
    ),
  );
  return ok({ id, number, line, clock, status: waits ? 'awaiting_documents' : 'open' });
}

async function lockRequest(tx: Db, id: string): Promise<RequestRow | undefined> {
  const [row] = await tx.select().from(requests).where(eq(requests.id, id)).for('update');
  return row;
}

function lineOf(deps: TaxServicesDeps, row: RequestRow): ServiceLine {
  const version = deps.catalogue.versions().find((v) => v.id === row.catalogueVersionId);
  const line = version?.lines.get(row.serviceKey);
  if (!line) throw new Error(`catalogue version ${row.catalogueVersionId} has no line ${row.serviceKey}`);
  return line;
}

async function officeOf(tx: Db, unitId: string): Promise<string> {
  const [unit] = await tx.select({ office: units.office }).from(units).where(eq(units.id, unitId));
  return unit?.office ?? 'default';
}

/** The necessary documents are complete: the clock starts now (TS-29). */
export async function startRequestClock(
  tx: Db,
  deps: TaxServicesDeps,
  actor: string,
  id: string,
): Promise<Result<{ clock: SlaClock }, Failure<RequestErrorCode>>> {
  const at = deps.clock.now();
  const row = await lockRequest(tx, id);
  if (!row) return fail('REQUEST_NOT_FOUND');
  if (row.status !== 'awaiting_documents') return fail(row.completedAt ? 'REQUEST_CLOSED' : 'REQUEST_ALREADY_STARTED');
  const line = lineOf(deps, row);
  const clock = startClock(line.deadline, clockStart(row, at, await officeOf(tx, row.unitId)), deps.calendar(), deps.sla);
  await tx
    .update(requests)
    .set({ status: 'open', startedAt: at, ...clockColumns(clock) })
    .where(eq(requests.id, id));
  await event(tx, id, at, 'documents_complete', actor);
  return ok({ clock });
}

/**
 * Documents are requested from the applicant: the clock is suspended, with the request recorded
 * and the applicant told what is missing (TS-38).
 */
export async function suspendRequest(
  tx: Db,
  deps: TaxServicesDeps,
  actor: string,
  id: string,
  note: string,
): Promise<Result<{ id: string }, Failure<RequestErrorCode>>> {
  const at = deps.clock.now();
  const row = await lockRequest(tx, id);
  if (!row) return fail('REQUEST_NOT_FOUND');
  if (row.completedAt) return fail('REQUEST_CLOSED');
  if (row.status === 'suspended') return fail('REQUEST_ALREADY_SUSPENDED');
  if (row.status === 'awaiting_documents') return fail('REQUEST_NOT_STARTED');
  const line = lineOf(deps, row);
  // Statutory dates and real time have no pause unit; a counter service's minutes are served on the spot.
  if (pauseUnit(line.deadline) === null || line.deadline.kind === 'minutes') return fail('SUSPENSION_NOT_ALLOWED');
  await tx
    .update(requests)
    .set({ status: 'suspended', suspendedAt: at, suspensions: row.suspensions + 1 })
    .where(eq(requests.id, id));
  await event(tx, id, at, 'documents_requested', actor, note);
  await notify(
    tx,
    at,
    ...toApplicant(
      row,
      'request_documents',
      {
        tg: `Ба дархости № ${row.number} ҳуҷҷатҳо лозиманд`,
        ru: `По обращению № ${row.number} нужны документы`,
        en: `Request No ${row.number} needs documents`,
      },
      { tg: note, ru: note, en: note },
    ),
  );
  return ok({ id });
}

/** The requested documents arrived: the clock resumes, its due time moved by what the pause cost. */
export async function resumeRequest(tx: Db, deps: TaxServicesDeps, actor: string, id: string): Promise<Result<{ clock: SlaClock }, Failure<RequestErrorCode>>> {
  const at = deps.clock.now();
  const row = await lockRequest(tx, id);
  if (!row) return fail('REQUEST_NOT_FOUND');
  if (row.completedAt) return fail('REQUEST_CLOSED');
  if (row.status !== 'suspended' || !row.suspendedAt || !row.startedAt) return fail('REQUEST_NOT_SUSPENDED');
  const line = lineOf(deps, row);
  const office = await officeOf(tx, row.unitId);
  const before: SlaClock = { dueAt: row.dueAt, warnAt: row.warnAt, targetAt: row.targetAt, opensAt: row.opensAt, stageDueAt: row.stageDueAt };
  const clock = resumeClock(line.deadline, before, row.suspendedAt, at, clockStart(row, row.startedAt, office), deps.calendar(), deps.sla);
  const pausedSeconds = Math.max(0, Math.round((at.getTime() - row.suspendedAt.getTime()) / 1000));
  await tx
    .update(requests)
    .set({
      status: 'open',
      suspendedAt: null,
      suspendedSeconds: row.suspendedSeconds + pausedSeconds,
      ...clockColumns(clock),
      // A warning or escalation raised before the pause no longer holds if the new times are ahead.
      ...(clock.warnAt && clock.warnAt > at ? { warnedAt: null } : {}),
      ...(clock.dueAt && clock.dueAt > at ? { escalatedAt: null } : {}),
    })
    .where(eq(requests.id, id));
  await event(tx, id, at, 'documents_received', actor, null, { pausedSeconds, dueAt: clock.dueAt?.toISOString() ?? null });
  return ok({ clock });
}

/** First day of the Dushanbe month of an instant. */
const monthOf = (at: Date) => `${dushanbeDate(at).slice(0, 7)}-01`;

async function close(
  tx: Db,
  deps: TaxServicesDeps,
  actor: string,
  id: string,
  outcome: 'completed' | 'rejected',
  note: string | null,
  delivered: readonly DeliveredResult[],
): Promise<Result<{ id: string; isLate: boolean; resultIds: string[] }, Failure<RequestErrorCode>>> {
  const at = deps.clock.now();
  const row = await lockRequest(tx, id);
  if (!row) return fail('REQUEST_NOT_FOUND');
  if (row.completedAt) return fail('REQUEST_CLOSED');
  const isLate = row.dueAt !== null && at > row.dueAt;
  const pausedNow = row.suspendedAt ? Math.round((at.getTime() - row.suspendedAt.getTime()) / 1000) : 0;
  const elapsed = row.startedAt ? Math.max(0, Math.round((at.getTime() - row.startedAt.getTime()) / 1000) - row.suspendedSeconds - pausedNow) : null;
  await tx
    .update(requests)
    .set({
      status: outcome,
      completedAt: at,
      suspendedAt: null,
      suspendedSeconds: row.suspendedSeconds + pausedNow,
      elapsedSeconds: elapsed,
      isLate,
      outcomeNote: note,
    })
    .where(eq(requests.id, id));
  const resultIds: string[] = [];
  for (const r of delivered) {
    const resultId = uuidv7(at.getTime());
    resultIds.push(resultId);
    await tx.insert(results).values({
      id: resultId,
      requestId: id,
      kind: r.kind,
      fileName: r.fileName,
      mediaType: r.mediaType,
      contentBase64: r.content.toString('base64'),
      sha256: sha256Hex(r.content),
      createdAt: at,
    });
  }
  if (elapsed !== null) {
    const bucket = bucketOf(elapsed);
    const month = monthOf(at);
    const suspended = row.suspensions > 0 ? 1 : 0;
    // Counted for the whole country ('') and for the request's region, under each breakdown.
    const breakdowns = { all: '', service: row.serviceKey, unit: row.unitId, region: row.region, channel: row.channel };
    const values = ['', row.region].flatMap((scope) =>
      Object.entries(breakdowns).map(([dimension, value]) => ({ month, scope, dimension, value, bucket, closed: 1, late: isLate ? 1 : 0, suspended })),
    );
    await tx
      .insert(completionStats)
      .values(values)
      .onConflictDoUpdate({
        target: [completionStats.scope, completionStats.month, completionStats.dimension, completionStats.value, completionStats.bucket],
        set: {
          closed: sql`${completionStats.closed} + 1`,
          late: sql`${completionStats.late} + excluded.late`,
          suspended: sql`${completionStats.suspended} + excluded.suspended`,
        },
      });
  }
  await event(tx, id, at, outcome, actor, note, { isLate, results: resultIds });
  const title: Localised =
    outcome === 'completed'
      ? { tg: `Дархост № ${row.number} иҷро шуд`, ru: `Обращение № ${row.number} исполнено`, en: `Request No ${row.number} completed` }
      : { tg: `Дархост № ${row.number} рад карда шуд`, ru: `В обращении № ${row.number} отказано`, en: `Request No ${row.number} refused` };
  const body: Localised = note ? { tg: note, ru: note, en: note } : lineOf(deps, row).result.text;
  await notify(tx, at, ...toApplicant(row, outcome === 'completed' ? 'request_completed' : 'request_rejected', title, body));
  return ok({ id, isLate, resultIds });
}

/** The service is delivered: the results are kept with the request and the applicant is told (TS-26, TS-38). */
export const completeRequest = (tx: Db, deps: TaxServicesDeps, actor: string, id: string, delivered: readonly DeliveredResult[], note: string | null = null) =>
  close(tx, deps, actor, id, 'completed', note, delivered);

/** The service is refused, with its reason, in writing (TS-17, TS-38). */
export const rejectRequest = (tx: Db, deps: TaxServicesDeps, actor: string, id: string, reason: string, delivered: readonly DeliveredResult[] = []) =>
  close(tx, deps, actor, id, 'rejected', reason, delivered);
