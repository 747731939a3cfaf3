import { and, eq, inArray, lte, or, sql } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db.ts';
import { type NewNotification, notify } from '../../../platform/notifications.ts';
import type { DueTimeChecker } from '../../../platform/outbox.ts';
import { publish } from '../../../platform/outbox.ts';
import { type DueActions, dueActions, periodEndOf } from '../domain/storage.ts';
import { type StorageRow, storageDisposals, storageRecords } from '../infrastructure/storage.schema.ts';
import { loadArrivalSettings } from './preliminary-store.ts';

const BATCH = 500;
const DAY_MS = 86_400_000;

type Notice = { kind: string; title: NewNotification['title']; body: NewNotification['body'] };

function noticesOf(r: StorageRow, a: DueActions): Notice[] {
  const due = (d: Date) => d.toISOString();
  const out: Notice[] = [];
  if (a.flagOverdue)
    out.push({
      kind: 'short_declaration_overdue',
      title: {
        tg: `Эъломияи мухтасар № ${r.number} дер шуд`,
        ru: `Краткая декларация по № ${r.number} просрочена`,
        en: `Short declaration for ${r.number} is overdue`,
      },
      body: { tg: `Мӯҳлат: ${due(r.shortDeclarationDueAt)}`, ru: `Срок: ${due(r.shortDeclarationDueAt)}`, en: `Due: ${due(r.shortDeclarationDueAt)}` },
    });
  if (a.warnPeriod)
    out.push({
      kind: 'storage_period_ending',
      title: {
        tg: `Мӯҳлати нигоҳдории № ${r.number} ба охир мерасад`,
        ru: `Срок хранения по № ${r.number} истекает`,
        en: `Storage period of ${r.number} is ending`,
      },
      body: { tg: `То ${due(periodEndOf(r))}`, ru: `До ${due(periodEndOf(r))}`, en: `Until ${due(periodEndOf(r))}` },
    });
  if (a.warnMaximum)
    out.push({
      kind: 'storage_maximum_ending',
      title: {
        tg: `Мӯҳлати ниҳоии нигоҳдории № ${r.number} ба охир мерасад`,
        ru: `Предельный срок хранения по № ${r.number} истекает`,
        en: `Maximum storage period of ${r.number} is ending`,
      },
      body: { tg: `То ${due(r.maximumEndsAt)}`, ru: `До ${due(r.maximumEndsAt)}`, en: `Until ${due(r.maximumEndsAt)}` },
    });
  if (a.toDisposal)
    out.push({
      kind: 'storage_to_disposal',
      title: {
        tg: `Моли № ${r.number} барои ихтиёрдорӣ супорида шуд`,
        ru: `Товары по № ${r.number} переданы для распоряжения`,
        en: `Goods of ${r.number} handed to disposal`,
      },
      body: { tg: 'Боби 57', ru: 'Глава 57', en: 'Chapter 57' },
    });
  return out;
}

async function apply(tx: Db, r: StorageRow, a: DueActions, now: Date): Promise<void> {
  await tx
    .update(storageRecords)
    .set({
      ...(a.flagOverdue ? { shortDeclarationOverdueAt: now } : {}),
      ...(a.warnPeriod ? { periodWarnedAt: now } : {}),
      ...(a.warnMaximum ? { maximumWarnedAt: now } : {}),
      ...(a.toDisposal ? { status: 'TO_DISPOSAL' as const, disposalAt: now } : {}),
    })
    .where(eq(storageRecords.id, r.id));
  if (a.toDisposal) {
    // Art.77 p.2, Chapter 57 (CUS-TS-03, CUS-TS-08): the goods pass to the disposal process.
    await tx.insert(storageDisposals).values({ storageId: r.id, officeCode: r.officeCode, maximumEndedAt: r.maximumEndsAt, handedAt: now });
    await publish(
      tx,
      'customs.storage_disposal_due',
      {
        storageId: r.id,
        storageNumber: r.number,
        officeCode: r.officeCode,
        declarantTin: r.declarantTin,
        maximumEndsAt: r.maximumEndsAt.toISOString(),
        goods: r.goods,
      },
      now,
    );
  }
  const notices = noticesOf(r, a);
  await notify(
    tx,
    now,
    ...notices.flatMap((n) =>
      [
        { kind: 'role' as const, id: 'customs_officer' },
        { kind: 'business' as const, id: r.declarantTin },
      ].map((recipient) => ({ recipient, ...n, subject: { type: 'customs_storage', id: r.id } })),
    ),
  );
  await appendAudit(tx, now, {
    actor: 'system',
    action: 'customs.storage_deadlines_checked',
    entity: 'customs.storage_records',
    entityId: r.id,
    before: { status: r.status },
    after: { ...a, status: a.toDisposal ? 'TO_DISPOSAL' : r.status },
  });
}

/**
 * CUS-TS-02: flags a short declaration not made by the end of the next working day; CUS-TS-07:
 * warns `warningDays` before the end of the period in force and before the maximum; CUS-TS-03,
 * CUS-TS-08: when the maximum period has ended, hands the goods to Chapter 57 (TO_DISPOSAL, a
 * disposal record and the event `customs.storage_disposal_due`). Each flag is set once.
 */
export function storageDeadlineChecker(): DueTimeChecker {
  return {
    name: 'customs.storage-deadlines',
    run: (db, now) =>
      db.transaction(async (tx) => {
        const policy = (await loadArrivalSettings(tx)).storage;
        const horizon = new Date(now.getTime() + policy.warningDays * DAY_MS);
        const t = storageRecords;
        const candidates = await tx
          .select()
          .from(t)
          .where(
            and(
              inArray(t.status, ['IN_TEMPORARY_STORAGE', 'SHORT_DECLARED']),
              or(
                and(eq(t.status, 'IN_TEMPORARY_STORAGE'), sql`${t.shortDeclarationOverdueAt} IS NULL`, lte(t.shortDeclarationDueAt, now)),
                and(sql`${t.periodWarnedAt} IS NULL`, sql`coalesce(${t.extendedUntil}, ${t.ordinaryEndsAt}) <= ${horizon.toISOString()}::timestamptz`),
                and(sql`${t.maximumWarnedAt} IS NULL`, lte(t.maximumEndsAt, horizon)),
                lte(t.maximumEndsAt, now),
              ),
            ),
          )
          .limit(BATCH)
          .for('update', { skipLocked: true });
        let touched = 0;
        for (const r of candidates) {
          const a = dueActions(r, now, policy);
          if (!a.flagOverdue && !a.warnPeriod && !a.warnMaximum && !a.toDisposal) continue;
          await apply(tx, r, a, now);
          touched += 1;
        }
        return touched;
      }),
  };
}
