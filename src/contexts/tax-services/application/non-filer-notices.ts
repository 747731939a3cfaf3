import { and, eq, sql } from 'drizzle-orm';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { type Db, rows, transact } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { notify } from '../../../platform/notifications.ts';
import type { DueTimeChecker } from '../../../platform/outbox.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { parsePeriod } from '../domain/ledger.ts';
import type { LedgerErrorCode } from '../domain/ledger-errors.ts';
import { isNoticeWindowDay, noticeWindow, nonFilerNotice } from '../domain/ledger-notices.ts';
import { filingObligations } from '../infrastructure/ledger.schema.ts';
import type { TaxServicesDeps } from './deps.ts';
import { checkFormPeriod, listDeclarationForms } from './filings.ts';
import { queueMessage, trilingual } from './outgoing-messages.ts';
import { completeRequest, openRequest } from './requests.ts';

export type NewObligation = { readonly tin: string; readonly formCode: string; readonly period: string; readonly email?: string | null };

/**
 * Enters filing obligations (which TIN files which form for which period, TS-36), with the window
 * of their notice; an obligation already entered is left as it is. All or nothing: a bad item
 * refuses the whole list, naming the item.
 */
export async function addObligations(
  tx: Db,
  deps: TaxServicesDeps,
  actor: string,
  items: readonly NewObligation[],
): Promise<Result<{ created: number; existing: number }, Failure<LedgerErrorCode>>> {
  const at = deps.clock.now();
  const forms = await listDeclarationForms(tx);
  const values = [];
  for (const [i, item] of items.entries()) {
    const checked = await checkFormPeriod(tx, item.formCode, item.period, `body.items[${i}]`, forms);
    if (!checked.ok) return checked;
    const window = noticeWindow(checked.value.period.year, checked.value.period.endMonth);
    values.push({
      id: uuidv7(at.getTime()),
      tin: item.tin,
      formCode: item.formCode,
      period: item.period,
      windowFrom: window.from,
      windowTo: window.to,
      email: item.email ?? null,
      createdAt: at,
      createdBy: actor,
    });
  }
  const inserted = values.length ? await tx.insert(filingObligations).values(values).onConflictDoNothing().returning({ id: filingObligations.id }) : [];
  return ok({ created: inserted.length, existing: values.length - inserted.length });
}

/** Obligations with where each stands: filed, noticed (with the notice's request), or pending. */
export async function listObligations(db: Db, filter: { readonly tin?: string; readonly period?: string; readonly limit?: number; readonly offset?: number }) {
  return rows<{
    id: string;
    tin: string;
    formCode: string;
    period: string;
    windowFrom: string;
    windowTo: string;
    email: string | null;
    noticeRequestId: string | null;
    noticedAt: string | null;
    isFiled: boolean;
  }>(
    db,
    sql`SELECT o.id::text, o.tin, o.form_code AS "formCode", o.period, o.window_from::text AS "windowFrom", o.window_to::text AS "windowTo", o.email,
               o.notice_request_id::text AS "noticeRequestId", to_char(o.noticed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "noticedAt",
               EXISTS (SELECT 1 FROM tax_services.filings f WHERE f.tin = o.tin AND f.form_code = o.form_code AND f.period = o.period) AS "isFiled"
        FROM tax_services.filing_obligations o
        WHERE true ${filter.tin ? sql`AND o.tin = ${filter.tin}` : sql``} ${filter.period ? sql`AND o.period = ${filter.period}` : sql``}
        ORDER BY o.window_from DESC, o.tin, o.form_code
        LIMIT ${filter.limit ?? 200} OFFSET ${filter.offset ?? 0}`,
  );
}

const BATCH = 200;

type Due = { id: string; tin: string; form_code: string; period: string; email: string | null };

/** The obligations whose window is open on `date`, not filed and not yet noticed. */
function dueObligations(db: Db, date: string): Promise<Due[]> {
  return rows<Due>(
    db,
    sql`SELECT o.id::text, o.tin, o.form_code, o.period, o.email FROM tax_services.filing_obligations o
        WHERE o.notice_request_id IS NULL AND o.window_from <= ${date} AND o.window_to >= ${date}
          AND NOT EXISTS (SELECT 1 FROM tax_services.filings f WHERE f.tin = o.tin AND f.form_code = o.form_code AND f.period = o.period)
        ORDER BY o.window_from, o.id LIMIT ${BATCH}`,
  );
}

/**
 * One notice, in its own transaction: the obligation is locked (a concurrent run skips it, and a
 * declaration filed meanwhile cancels it), a 05.05.04 request is opened for its period and
 * completed with the notice text as its result, the e-mail is queued and the cabinet notified,
 * and the obligation marked as noticed.
 */
async function sendOne(deps: TaxServicesDeps, actor: string, due: Due, sentOn: string): Promise<boolean> {
  const done = await transact(deps.database.db, async (tx) => {
    const [locked] = await rows<{ id: string }>(
      tx,
      sql`SELECT o.id::text FROM tax_services.filing_obligations o
          WHERE o.id = ${due.id} AND o.notice_request_id IS NULL
            AND NOT EXISTS (SELECT 1 FROM tax_services.filings f WHERE f.tin = o.tin AND f.form_code = o.form_code AND f.period = o.period)
          FOR UPDATE OF o SKIP LOCKED`,
    );
    if (!locked) return fail('SKIPPED');
    const period = parsePeriod(due.period);
    const form = (await listDeclarationForms(tx)).find((f) => f.code === due.form_code);
    if (!period || !form) throw new Error(`obligation ${due.id} has an unknown form or period`);
    const opened = await openRequest(tx, deps, actor, {
      serviceKey: '05.05.04',
      channel: 'email',
      applicant: { tin: due.tin, email: due.email },
      period: { year: period.year, month: period.endMonth },
      subject: { obligationId: due.id, formCode: due.form_code, period: due.period },
    });
    if (!opened.ok) return opened;
    const at = deps.clock.now();
    const text = nonFilerNotice({ tin: due.tin, formCode: form.code, formName: form.name, period, sentOn });
    const body = trilingual(text);
    if (due.email)
      await queueMessage(tx, at, {
        channel: 'email',
        address: due.email,
        subject: 'Огоҳинома / Уведомление / Notice: 05.05.04',
        body,
        kind: 'non_filer_notice',
        tin: due.tin,
        requestId: opened.value.id,
      });
    await notify(tx, at, {
      recipient: { kind: 'business', id: due.tin },
      kind: 'non_filer_notice',
      title: {
        tg: `Эъломия пешниҳод нашудааст: ${form.code} ${due.period}`,
        ru: `Декларация не представлена: ${form.code} ${due.period}`,
        en: `Return not filed: ${form.code} ${due.period}`,
      },
      body: text,
      subject: { type: 'service_request', id: opened.value.id },
    });
    const completed = await completeRequest(tx, deps, actor, opened.value.id, [
      { kind: 'notice', fileName: `05.05.04-${opened.value.number}.txt`, mediaType: 'text/plain; charset=utf-8', content: Buffer.from(body, 'utf8') },
    ]);
    if (!completed.ok) return completed;
    await tx
      .update(filingObligations)
      .set({ noticeRequestId: opened.value.id, noticedAt: at })
      .where(and(eq(filingObligations.id, due.id)));
    return ok(true);
  });
  return done.ok;
}

/**
 * TS-36, 05.05.04: on a day of a window (the 16th to the 30th of a month, the last day in February,
 * A-12), e-mails a notice to every taxpayer with an obligation in its window that has not filed,
 * once per obligation. On any other day it does nothing and returns 0.
 */
export async function sendNonFilerNotices(deps: TaxServicesDeps, actor: string, now: Date): Promise<number> {
  const today = dushanbeDate(now);
  if (!isNoticeWindowDay(today)) return 0;
  let sent = 0;
  for (;;) {
    const due = await dueObligations(deps.database.db, today);
    let progressed = 0;
    for (const d of due) if (await sendOne(deps, actor, d, today)) progressed += 1;
    sent += progressed;
    if (due.length < BATCH || progressed === 0) return sent;
  }
}

/** The officer's run (TS-36): refused outside a window, so that a run on a wrong day is visible. */
export async function runNonFilerNotices(deps: TaxServicesDeps, actor: string): Promise<Result<{ sent: number; date: string }, Failure<LedgerErrorCode>>> {
  const now = deps.clock.now();
  const date = dushanbeDate(now);
  if (!isNoticeWindowDay(date)) return fail('NOTICE_WINDOW_CLOSED', undefined, { date });
  return ok({ sent: await sendNonFilerNotices(deps, actor, now), date });
}

/** The worker's daily pass of 05.05.04 (TS-36). */
export function nonFilerNoticeChecker(deps: TaxServicesDeps): DueTimeChecker {
  return { name: 'tax-services.non-filer-notices', run: (_db, now) => sendNonFilerNotices(deps, 'system', now) };
}
