import { and, eq, inArray, isNull, lte, type SQL } from 'drizzle-orm';
import { dushanbeDate } from '../../../platform/calendar/time.ts';
import type { Db } from '../../../platform/db.ts';
import { type DueTimeChecker, publish } from '../../../platform/outbox.ts';
import { exportExitDueAt, importDeclarationDueAt, type PeriodicParameters, wholeLotExitedOn, withdrawalDueAt } from '../domain/periodic.ts';
import { loadParameters, noticesOf } from '../infrastructure/periodic.repository.ts';
import { type ApplicationRow, periodicApplications } from '../infrastructure/periodic.schema.ts';
import { settleWholeLot } from './periodic-record-exit.ts';
import { auditPeriodic, same, saveApplication, tellDeclarant, tellOfficers } from './periodic-view.ts';

const BATCH = 200;
const pick = (tx: Db, where: SQL | undefined) =>
  tx.select().from(periodicApplications).where(where).orderBy(periodicApplications.submittedAt).limit(BATCH).for('update', { skipLocked: true });

/** P7: to be withdrawn; the declarant has the grace period (AMB-07) before customs annuls. */
async function toWithdrawalDue(tx: Db, a: ApplicationRow, now: Date, p: PeriodicParameters, why: string): Promise<void> {
  const due = withdrawalDueAt(now, p);
  const saved = await saveApplication(tx, a, { state: 'WITHDRAWAL_DUE', periodClosedAt: a.periodClosedAt ?? now, withdrawalDueAt: due }, now);
  await auditPeriodic(tx, now, 'system', 'periodic.withdrawal_due', a, { state: 'WITHDRAWAL_DUE', why, withdrawalDueAt: due.toISOString() });
  await tellDeclarant(tx, now, saved, {
    kind: 'periodic_withdrawal_due',
    title: { tg: `Ариза № ${a.number} бояд бозхонда шавад`, ru: `Заявление № ${a.number} подлежит отзыву`, en: `Application No ${a.number} must be withdrawn` },
    body: same(`${why}; ${due.toISOString()}`),
  });
}

/** P5 / P7 at the end of the delivery period. */
async function endPeriod(tx: Db, a: ApplicationRow, now: Date, p: PeriodicParameters): Promise<void> {
  const notices = await noticesOf(tx, a.id);
  // Art.136 p.14: nothing named in the application was presented in the period.
  if (notices.length === 0) return toWithdrawalDue(tx, a, now, p, 'art.136 p.14: goods not presented');
  const change =
    a.direction === 'import'
      ? { declarationDueAt: importDeclarationDueAt(a.periodEnd), originalDeclarationDueAt: importDeclarationDueAt(a.periodEnd) }
      : { exportDueAt: exportExitDueAt(a.periodEnd) };
  const saved = await saveApplication(tx, a, { state: 'DECLARATION_DUE', periodClosedAt: now, ...change }, now);
  await auditPeriodic(tx, now, 'system', 'periodic.declaration_due', a, { state: 'DECLARATION_DUE', ...change });
  const settled = await settleWholeLot(tx, saved, now);
  await tellDeclarant(tx, now, settled, {
    kind: 'periodic_declaration_due',
    title: { tg: `Декларатсия барои № ${a.number} лозим аст`, ru: `Подайте декларацию по № ${a.number}`, en: `Declaration due for No ${a.number}` },
    body: same(settled.declarationDueAt?.toISOString() ?? 'art.138 p.2'),
  });
}

/** P10: declared export goods not all gone 6 months after the period (art.138 p.3, 6). */
async function exportOverdue(tx: Db, a: ApplicationRow, now: Date, p: PeriodicParameters): Promise<void> {
  if (wholeLotExitedOn(await noticesOf(tx, a.id))) return;
  if (a.state === 'DECLARATION_DUE') return toWithdrawalDue(tx, a, now, p, 'art.138 p.3: goods not exported in 6 months');
  const due = withdrawalDueAt(now, p);
  const saved = await saveApplication(tx, a, { state: 'EXPORT_OVERDUE', withdrawalDueAt: due }, now);
  await auditPeriodic(tx, now, 'system', 'periodic.export_overdue', a, { state: 'EXPORT_OVERDUE', withdrawalDueAt: due.toISOString() });
  await tellDeclarant(tx, now, saved, {
    kind: 'periodic_export_overdue',
    title: {
      tg: `Декларатсия ${a.declarationNumber} бояд бозхонда шавад`,
      ru: `Декларация ${a.declarationNumber} подлежит отзыву`,
      en: `Declaration ${a.declarationNumber} must be withdrawn`,
    },
    body: same(`art.138 p.6; ${due.toISOString()}`),
  });
}

/** Flags a row once and tells the officers (and the declarant when `toDeclarant`). */
async function flag(
  tx: Db,
  a: ApplicationRow,
  now: Date,
  column: 'escalatedAt' | 'overdueNotifiedAt' | 'declarationOverdueAt' | 'withdrawalEscalatedAt',
  kind: string,
  toDeclarant: boolean,
) {
  const saved = await saveApplication(tx, a, { [column]: now }, now);
  const message = { kind, title: same(`${kind}: ${a.number}`), body: same(`${a.officeCode} ${a.state}`) };
  await tellOfficers(tx, now, saved, message);
  if (toDeclarant) await tellDeclarant(tx, now, saved, message);
  await publish(tx, `customs.${kind}`, { applicationNumber: a.number, state: a.state }, now);
}

/**
 * The clocks of catalog 3.2: escalation on day 8 and the overdue answer (AMB-10), the start (P3)
 * and end (P5, P7) of the delivery period, the 6-month export limit (P10), the overdue declaration,
 * the end of the withdrawal grace (annulment due, AMB-07) and the closing (P12).
 */
export function periodicChecker(): DueTimeChecker {
  return {
    name: 'customs.periodic',
    run: (db, now) =>
      db.transaction(async (tx) => {
        const today = dushanbeDate(now);
        const p = await loadParameters(tx);
        const A = periodicApplications;
        let touched = 0;
        const each = async (where: SQL | undefined, fn: (a: ApplicationRow) => Promise<void>) => {
          for (const a of await pick(tx, where)) {
            await fn(a);
            touched += 1;
          }
        };
        await each(and(eq(A.state, 'SUBMITTED'), isNull(A.escalatedAt), lte(A.escalateAt, now)), (a) =>
          flag(tx, a, now, 'escalatedAt', 'periodic_decision_escalated', false),
        );
        await each(and(eq(A.state, 'SUBMITTED'), isNull(A.overdueNotifiedAt), lte(A.decisionDueAt, now)), (a) =>
          flag(tx, a, now, 'overdueNotifiedAt', 'periodic_decision_overdue', true),
        );
        await each(and(eq(A.state, 'PERMITTED'), lte(A.periodStart, today)), async (a) => {
          await saveApplication(tx, a, { state: 'ACTIVE', activatedAt: now }, now);
          await auditPeriodic(tx, now, 'system', 'periodic.activated', a, { state: 'ACTIVE' });
        });
        const ended = await pick(tx, eq(A.state, 'ACTIVE'));
        for (const a of ended.filter((r) => r.periodEnd < today)) {
          await endPeriod(tx, a, now, p);
          touched += 1;
        }
        await each(and(inArray(A.state, ['DECLARATION_DUE', 'DECLARED']), eq(A.direction, 'export'), lte(A.exportDueAt, now)), (a) =>
          exportOverdue(tx, a, now, p),
        );
        await each(and(eq(A.state, 'DECLARATION_DUE'), isNull(A.declarationOverdueAt), lte(A.declarationDueAt, now)), (a) =>
          flag(tx, a, now, 'declarationOverdueAt', 'periodic_declaration_overdue', true),
        );
        await each(and(inArray(A.state, ['WITHDRAWAL_DUE', 'EXPORT_OVERDUE']), isNull(A.withdrawalEscalatedAt), lte(A.withdrawalDueAt, now)), (a) =>
          flag(tx, a, now, 'withdrawalEscalatedAt', 'periodic_annulment_due', false),
        );
        for (const a of await pick(tx, eq(A.state, 'DECLARED'))) {
          if (a.direction === 'export' && !wholeLotExitedOn(await noticesOf(tx, a.id))) continue;
          await saveApplication(tx, a, { state: 'CLOSED', closedAt: now }, now);
          await auditPeriodic(tx, now, 'system', 'periodic.closed', a, { state: 'CLOSED' });
          touched += 1;
        }
        return touched;
      }),
  };
}
