import { and, eq, isNull, lte } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit.ts';
import { notify } from '../../../platform/notifications.ts';
import type { DueTimeChecker } from '../../../platform/outbox.ts';
import { declarations } from '../infrastructure/declaration.schema.ts';

/**
 * D6 (art.130 p.4; CUS-DEC-33, AMB-01, AMB-02): the goods of a preliminary declaration were not
 * presented within 15 calendar days of its registration: the declaration is due to be withdrawn,
 * on the declarant's simple request (art.134 p.10, AMB-04).
 */
export function preliminaryDueChecker(): DueTimeChecker {
  return {
    name: 'customs.preliminary-declaration-due',
    run: (db, now) =>
      db.transaction(async (tx) => {
        const due = await tx
          .update(declarations)
          .set({ state: 'WITHDRAWAL_DUE', updatedAt: now })
          .where(and(eq(declarations.state, 'PRELIMINARY_REGISTERED'), lte(declarations.preliminaryDueAt, now)))
          .returning();
        for (const row of due) {
          await appendAudit(tx, now, { actor: 'system', action: 'customs.preliminary_withdrawal_due', entity: 'customs.declaration', entityId: row.id });
          await notify(tx, now, {
            recipient: { kind: 'business', id: row.declarantCode },
            kind: 'customs_preliminary_withdrawal_due',
            title: {
              tg: `Эъломияи пешакии № ${row.number} бояд бозхонд шавад`,
              ru: `Предварительная декларация № ${row.number} подлежит отзыву`,
              en: `Preliminary declaration No ${row.number} is to be withdrawn`,
            },
            body: {
              tg: 'Мол дар давоми 15 рӯз пешниҳод нашуд (м.130 қ.4).',
              ru: 'Товары не предъявлены в течение 15 дней (ст.130 ч.4).',
              en: 'The goods were not presented within 15 days (art.130 p.4).',
            },
            subject: { type: 'customs_declaration', id: row.id },
          });
        }
        return due.length;
      }),
  };
}

/** Art.135 p.2 (CUS-DEC-61): the missing data of an incomplete declaration are 45 days late: the declarant and the office are told once. */
export function incompleteOverdueChecker(): DueTimeChecker {
  return {
    name: 'customs.incomplete-declaration-overdue',
    run: (db, now) =>
      db.transaction(async (tx) => {
        const late = await tx
          .update(declarations)
          .set({ incompleteOverdueAt: now })
          .where(and(isNull(declarations.incompleteCompletedAt), isNull(declarations.incompleteOverdueAt), lte(declarations.incompleteDueAt, now)))
          .returning();
        for (const row of late) {
          await appendAudit(tx, now, { actor: 'system', action: 'customs.incomplete_overdue', entity: 'customs.declaration', entityId: row.id });
          const title = {
            tg: `Маълумоти эъломияи нопурраи № ${row.number} пешниҳод нашуд`,
            ru: `Не представлены сведения неполной декларации № ${row.number}`,
            en: `Missing data of incomplete declaration No ${row.number} are late`,
          };
          const body = { tg: 'Мӯҳлати 45 рӯз гузашт (м.135 қ.2).', ru: 'Срок 45 дней истёк (ст.135 ч.2).', en: 'The 45 days are over (art.135 p.2).' };
          await notify(
            tx,
            now,
            {
              recipient: { kind: 'business', id: row.declarantCode },
              kind: 'customs_incomplete_overdue',
              title,
              body,
              subject: { type: 'customs_declaration', id: row.id },
            },
            {
              recipient: { kind: 'role', id: 'customs_officer' },
              kind: 'customs_incomplete_overdue',
              title,
              body,
              subject: { type: 'customs_declaration', id: row.id },
            },
          );
        }
        return late.length;
      }),
  };
}
