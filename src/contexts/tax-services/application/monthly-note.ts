import { and, desc, eq, sql } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit.ts';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { type Db, rows, transact } from '../../../platform/db.ts';
import type { Localised } from '../../../platform/i18n.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { notify } from '../../../platform/notifications.ts';
import type { DueTimeChecker } from '../../../platform/outbox.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { COMPLAINT_SERVICES } from '../domain/complaint.ts';
import type { ComplaintErrorCode } from '../domain/complaint-errors.ts';
import type { RequestErrorCode } from '../domain/errors.ts';
import { qualityNotes } from '../infrastructure/complaints.schema.ts';
import { qualityNotePdf } from '../infrastructure/quality-documents.ts';
import { requestEvents, requests, results } from '../infrastructure/schema.ts';
import { type DashboardRow, dashboard } from './dashboard.ts';
import type { TaxServicesDeps } from './deps.ts';
import { type RatingSummary, ratingSummary } from './ratings.ts';
import { completeRequest, openRequest } from './requests.ts';
import { sha256Hex } from '../../../platform/bytes.ts';

/** 10.10.03: the service line of the monthly note. */
export const QUALITY_NOTE_SERVICE = '10.10.03';

export type Period = { readonly year: number; readonly month: number };

/** The information note on service quality for a month (10.10.03, TS-33), as its JSON result holds it. */
export type QualityNote = {
  readonly period: Period;
  readonly revision: number;
  readonly generatedAt: string;
  readonly requests: {
    readonly received: number;
    readonly closed: number;
    readonly late: number;
    readonly onTimeRate: number | null;
    readonly medianSeconds: number | null;
    readonly p95Seconds: number | null;
    /** Deadlines that fell in the month and were missed: closed after them, or still open. */
    readonly breaches: { readonly closedLate: number; readonly openPastDue: number };
    /** The live figures when the note was made (TS-32). */
    readonly atGeneration: { readonly open: number; readonly atRisk: number; readonly breached: number; readonly suspended: number };
  };
  readonly byService: readonly {
    readonly key: string;
    readonly name: Localised;
    readonly received: number;
    readonly closed: number;
    readonly late: number;
    readonly onTimeRate: number | null;
    readonly medianSeconds: number | null;
    readonly p95Seconds: number | null;
  }[];
  readonly byUnit: readonly DashboardRow[];
  readonly byRegion: readonly DashboardRow[];
  readonly byChannel: readonly DashboardRow[];
  readonly complaints: {
    readonly received: number;
    readonly byChannel: readonly { readonly channel: string; readonly count: number }[];
    readonly byService: readonly { readonly serviceKey: string; readonly count: number }[];
    readonly answered: number;
    readonly answeredLate: number;
    /** Complaints whose deadline passed by the month's end without a reply by then. */
    readonly unansweredPastDue: number;
  };
  readonly ratings: RatingSummary;
};

const pad = (n: number) => String(n).padStart(2, '0');
/** 00:00 of the first day of a month in Dushanbe. */
export const monthStart = (p: Period) => new Date(`${p.year}-${pad(p.month)}-01T00:00:00+05:00`);
export const nextPeriod = (p: Period): Period => (p.month === 12 ? { year: p.year + 1, month: 1 } : { year: p.year, month: p.month + 1 });
export const previousPeriod = (p: Period): Period => (p.month === 1 ? { year: p.year - 1, month: 12 } : { year: p.year, month: p.month - 1 });
const periodOf = (at: Date): Period => {
  const d = dushanbeDate(at);
  return { year: Number(d.slice(0, 4)), month: Number(d.slice(5, 7)) };
};
const COMPLAINT_KEYS = sql.join(
  COMPLAINT_SERVICES.map((k) => sql`${k}`),
  sql`, `,
);

/** Reads the month's figures inside `tx`, so the note is one consistent picture. */
async function buildNote(tx: Db, deps: TaxServicesDeps, period: Period, revision: number, at: Date): Promise<QualityNote> {
  // Raw SQL takes instants as ISO text: postgres.js under drizzle does not serialise a Date parameter.
  const [start, end] = [monthStart(period).toISOString(), monthStart(nextPeriod(period)).toISOString()];
  const ym = `${period.year}-${pad(period.month)}`;
  const inTx: TaxServicesDeps = { ...deps, database: { ...deps.database, db: tx } };
  const dash = await dashboard(inTx, { from: ym, to: ym });
  const received = await rows<{ service_key: string; n: number }>(
    tx,
    sql`SELECT service_key, count(*)::int AS n FROM tax_services.requests
        WHERE received_at >= ${start} AND received_at < ${end} AND service_key <> ${QUALITY_NOTE_SERVICE} GROUP BY service_key`,
  );
  const [breaches] = await rows<{ closed_late: number; open_past_due: number }>(
    tx,
    sql`SELECT (count(*) FILTER (WHERE completed_at IS NOT NULL))::int AS closed_late, (count(*) FILTER (WHERE completed_at IS NULL))::int AS open_past_due
        FROM tax_services.requests
        WHERE due_at >= ${start} AND due_at < ${end} AND (completed_at IS NULL OR completed_at > due_at)`,
  );
  const complaintRows = await rows<{ kind: 'channel' | 'service'; key: string; n: number }>(
    tx,
    sql`SELECT CASE WHEN GROUPING(channel) = 0 THEN 'channel' ELSE 'service' END AS kind, COALESCE(channel, service_key) AS key, count(*)::int AS n
        FROM tax_services.requests
        WHERE received_at >= ${start} AND received_at < ${end} AND service_key IN (${COMPLAINT_KEYS})
        GROUP BY GROUPING SETS ((channel), (service_key))`,
  );
  const [answers] = await rows<{ answered: number; late: number; past_due: number }>(
    tx,
    sql`SELECT (count(*) FILTER (WHERE completed_at >= ${start} AND completed_at < ${end}))::int AS answered,
               (count(*) FILTER (WHERE completed_at >= ${start} AND completed_at < ${end} AND is_late))::int AS late,
               (count(*) FILTER (WHERE due_at < ${end} AND (completed_at IS NULL OR completed_at >= ${end})))::int AS past_due
        FROM tax_services.requests WHERE service_key IN (${COMPLAINT_KEYS}) AND received_at < ${end}`,
  );
  const lastDay = new Date(Date.UTC(period.year, period.month, 0)).getUTCDate();
  const ratings = await ratingSummary(inTx, { from: `${ym}-01`, to: `${ym}-${pad(lastDay)}` });
  const receivedBy = new Map(received.map((r) => [r.service_key, Number(r.n)]));
  const closedBy = new Map(dash.byService.map((r) => [r.key, r]));
  const catalogue = deps.catalogue.at(dushanbeDate(at)) ?? deps.catalogue.versions().at(-1);
  const keys = [...new Set([...receivedBy.keys(), ...closedBy.keys()])].sort();
  const byChannel = complaintRows.filter((r) => r.kind === 'channel');
  return {
    period,
    revision,
    generatedAt: at.toISOString(),
    requests: {
      received: [...receivedBy.values()].reduce((a, b) => a + b, 0),
      closed: dash.totals.closed,
      late: dash.totals.late,
      onTimeRate: dash.totals.onTimeRate,
      medianSeconds: dash.totals.medianSeconds,
      p95Seconds: dash.totals.p95Seconds,
      breaches: { closedLate: Number(breaches?.closed_late ?? 0), openPastDue: Number(breaches?.open_past_due ?? 0) },
      atGeneration: { open: dash.totals.open, atRisk: dash.totals.atRisk, breached: dash.totals.breached, suspended: dash.totals.suspended },
    },
    byService: keys.map((key) => {
      const c = closedBy.get(key);
      return {
        key,
        name: c?.name ?? catalogue?.lines.get(key)?.name ?? { tg: key, ru: key, en: key },
        received: receivedBy.get(key) ?? 0,
        closed: c?.closed ?? 0,
        late: c?.late ?? 0,
        onTimeRate: c?.onTimeRate ?? null,
        medianSeconds: c?.medianSeconds ?? null,
        p95Seconds: c?.p95Seconds ?? null,
      };
    }),
    byUnit: dash.byUnit,
    byRegion: dash.byRegion,
    byChannel: dash.byChannel,
    complaints: {
      received: byChannel.reduce((a, r) => a + Number(r.n), 0),
      byChannel: byChannel.map((r) => ({ channel: r.key, count: Number(r.n) })).sort((a, b) => a.channel.localeCompare(b.channel)),
      byService: complaintRows
        .filter((r) => r.kind === 'service')
        .map((r) => ({ serviceKey: r.key, count: Number(r.n) }))
        .sort((a, b) => a.serviceKey.localeCompare(b.serviceKey)),
      answered: Number(answers?.answered ?? 0),
      answeredLate: Number(answers?.late ?? 0),
      unansweredPastDue: Number(answers?.past_due ?? 0),
    },
    ratings,
  };
}

const TSD_NAME = 'Раёсати хизматрасонӣ ба андозсупорандагон';

export type NoteMeta = { readonly requestId: string; readonly number: string; readonly revision: number; readonly resultIds: readonly string[] };

/**
 * Makes the information note for a month that has ended (10.10.03, TS-33): the first time it opens
 * the month's 10.10.03 request (due the 10th of the next month) and completes it with the note as
 * PDF and JSON; again, on an officer's request, it adds a revised note to the same request.
 */
export async function generateQualityNote(
  deps: TaxServicesDeps,
  actor: string,
  period: Period,
  at: Date = deps.clock.now(),
): Promise<Result<NoteMeta, Failure<ComplaintErrorCode | RequestErrorCode>>> {
  if (monthStart(nextPeriod(period)) > at) return fail('QUALITY_NOTE_MONTH_NOT_ENDED');
  return transact(deps.database.db, async (tx): Promise<Result<NoteMeta, Failure<ComplaintErrorCode | RequestErrorCode>>> => {
    // One generation of a month at a time: the worker and an officer may meet here.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`tax-services.quality-note:${period.year}-${period.month}`}))`);
    const [existing] = await tx
      .select()
      .from(qualityNotes)
      .where(and(eq(qualityNotes.year, period.year), eq(qualityNotes.month, period.month)));
    const revision = (existing?.revision ?? 0) + 1;
    const note = await buildNote(tx, deps, period, revision, at);
    const name = `quality-note-${period.year}-${pad(period.month)}-r${revision}`;
    const pdf = await qualityNotePdf(note);
    const json = Buffer.from(JSON.stringify(note, null, 2));
    const files = [
      { kind: 'information_note' as const, fileName: `${name}.pdf`, mediaType: 'application/pdf', content: pdf },
      { kind: 'information_note' as const, fileName: `${name}.json`, mediaType: 'application/json', content: json },
    ];
    let meta: NoteMeta;
    if (!existing) {
      const opened = await openRequest(tx, deps, actor, {
        serviceKey: QUALITY_NOTE_SERVICE,
        channel: 'office',
        applicant: { name: TSD_NAME },
        unitCode: 'tsd',
        period,
        subject: { kind: 'quality_note', year: period.year, month: period.month },
      });
      if (!opened.ok) return opened;
      const done = await completeRequest(tx, deps, actor, opened.value.id, files, null);
      if (!done.ok) return done;
      await tx
        .insert(qualityNotes)
        .values({ year: period.year, month: period.month, requestId: opened.value.id, revision, generatedAt: at, generatedBy: actor });
      meta = { requestId: opened.value.id, number: opened.value.number, revision, resultIds: done.value.resultIds };
    } else {
      const resultIds = await addResults(tx, existing.requestId, files, at);
      await tx.insert(requestEvents).values({
        id: uuidv7(at.getTime()),
        requestId: existing.requestId,
        at,
        kind: 'note_regenerated',
        actor,
        note: null,
        data: { revision, results: resultIds },
      });
      await tx
        .update(qualityNotes)
        .set({ revision, generatedAt: at, generatedBy: actor })
        .where(and(eq(qualityNotes.year, period.year), eq(qualityNotes.month, period.month)));
      const [row] = await tx.select({ number: requests.number }).from(requests).where(eq(requests.id, existing.requestId));
      meta = { requestId: existing.requestId, number: row?.number ?? '', revision, resultIds };
    }
    await appendAudit(tx, at, {
      actor,
      action: 'tax-services.quality-note.generated',
      entity: 'service_request',
      entityId: meta.requestId,
      after: { ...period, revision },
    });
    await notify(tx, at, {
      recipient: { kind: 'role', id: 'service_officer' },
      kind: 'quality_note_ready',
      title: {
        tg: `Маълумотнома оид ба сифати хизматрасонӣ барои ${pad(period.month)}.${period.year}`,
        ru: `Информационная справка о качестве обслуживания за ${pad(period.month)}.${period.year}`,
        en: `Information note on service quality for ${pad(period.month)}.${period.year}`,
      },
      body: { tg: `Таҳрири ${revision}`, ru: `Редакция ${revision}`, en: `Revision ${revision}` },
      subject: { type: 'service_request', id: meta.requestId },
    });
    return ok(meta);
  });
}

async function addResults(
  tx: Db,
  requestId: string,
  files: readonly { kind: string; fileName: string; mediaType: string; content: Buffer }[],
  at: Date,
): Promise<string[]> {
  const ids: string[] = [];
  for (const f of files) {
    const id = uuidv7(at.getTime());
    ids.push(id);
    await tx.insert(results).values({
      id,
      requestId,
      kind: f.kind,
      fileName: f.fileName,
      mediaType: f.mediaType,
      contentBase64: f.content.toString('base64'),
      sha256: sha256Hex(f.content),
      createdAt: at,
    });
  }
  return ids;
}

/**
 * TS-33: after a month ends, makes its note once, in time for the 10th of the next month. A month
 * before the register's first request has nothing to report and gets no note.
 */
export function qualityNoteChecker(deps: TaxServicesDeps): DueTimeChecker {
  return {
    name: 'tax-services.quality-note',
    run: async (db, now) => {
      const period = previousPeriod(periodOf(now));
      const [existing] = await db
        .select({ year: qualityNotes.year })
        .from(qualityNotes)
        .where(and(eq(qualityNotes.year, period.year), eq(qualityNotes.month, period.month)));
      if (existing) return 0;
      const active = await rows<{ one: number }>(
        db,
        sql`SELECT 1 AS one FROM tax_services.requests WHERE received_at < ${monthStart(nextPeriod(period)).toISOString()} AND service_key <> ${QUALITY_NOTE_SERVICE} LIMIT 1`,
      );
      if (active.length === 0) return 0;
      const made = await generateQualityNote(deps, 'system', period, now);
      return made.ok ? 1 : 0;
    },
  };
}

/** The notes made so far, newest month first, with their request, deadline and files. */
export async function listQualityNotes(deps: TaxServicesDeps) {
  const db = deps.database.db;
  const notes = await db
    .select()
    .from(qualityNotes)
    .innerJoin(requests, eq(requests.id, qualityNotes.requestId))
    .orderBy(desc(qualityNotes.year), desc(qualityNotes.month));
  const files = notes.length
    ? await db
        .select({ id: results.id, requestId: results.requestId, fileName: results.fileName, mediaType: results.mediaType, createdAt: results.createdAt })
        .from(results)
        .where(sql`${results.requestId} IN (SELECT request_id FROM tax_services.quality_notes)`)
    : [];
  return notes.map(({ quality_notes: n, requests: r }) => ({
    year: n.year,
    month: n.month,
    revision: n.revision,
    generatedAt: n.generatedAt.toISOString(),
    generatedBy: n.generatedBy,
    requestId: r.id,
    number: r.number,
    dueAt: r.dueAt?.toISOString() ?? null,
    completedAt: r.completedAt?.toISOString() ?? null,
    isLate: r.isLate,
    files: files
      .filter((f) => f.requestId === r.id)
      .map((f) => ({ id: f.id, fileName: f.fileName, mediaType: f.mediaType, createdAt: f.createdAt.toISOString() })),
  }));
}

/** The latest revision of a month's note, as its JSON result holds it. */
export async function getQualityNote(
  deps: TaxServicesDeps,
  period: Period,
): Promise<Result<{ requestId: string; number: string; note: QualityNote }, Failure<ComplaintErrorCode>>> {
  const db = deps.database.db;
  const [found] = await db
    .select()
    .from(qualityNotes)
    .innerJoin(requests, eq(requests.id, qualityNotes.requestId))
    .where(and(eq(qualityNotes.year, period.year), eq(qualityNotes.month, period.month)));
  if (!found) return fail('QUALITY_NOTE_NOT_FOUND');
  const [json] = await db
    .select()
    .from(results)
    .where(and(eq(results.requestId, found.quality_notes.requestId), eq(results.mediaType, 'application/json')))
    .orderBy(desc(results.createdAt), desc(results.id))
    .limit(1);
  if (!json) return fail('QUALITY_NOTE_NOT_FOUND');
  return ok({
    requestId: found.requests.id,
    number: found.requests.number,
    note: JSON.parse(Buffer.from(json.contentBase64, 'base64').toString('utf8')) as QualityNote,
  });
}
