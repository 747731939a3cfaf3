import { eq } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { addCalendarDays } from '../../../platform/calendar/index.ts';
import { transact } from '../../../platform/db.ts';
import { notify } from '../../../platform/notifications.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { ExitErrorCode } from '../domain/exit-errors.ts';
import { mayMove } from '../domain/undertaking.ts';
import { type UndertakingRow, undertakings } from '../infrastructure/exit-statistics.schema.ts';
import { actorOf, type CustomsDeps } from './deps.ts';
import { lockUndertaking } from './undertaking-queries.ts';

export type UndertakingDecision = { readonly accept: boolean; readonly reason?: string };

/**
 * Art.150 p.1 as amended (CUS-REL-08): customs accepts the undertaking and releases the goods
 * before the declaration — the period runs from this release, to the end of its last calendar day
 * in Dushanbe — or refuses it with a reason.
 */
export async function decideUndertaking(
  deps: CustomsDeps,
  officer: AccountPrincipal,
  number: string,
  input: UndertakingDecision,
): Promise<Result<UndertakingRow, Failure<ExitErrorCode>>> {
  const now = deps.clock.now();
  return transact(deps.database.db, async (tx) => {
    const found = await lockUndertaking(tx, officer, number);
    if (!found.ok) return found;
    const u = found.value;
    if (!mayMove(u.state, input.accept ? 'accept' : 'refuse')) return fail('UNDERTAKING_STATE_CONFLICT', 'params.number', { state: u.state });
    const dueAt = addCalendarDays(now, u.periodDays);
    const change = input.accept
      ? { state: 'ACCEPTED' as const, decidedAt: now, decidedBy: actorOf(officer), releasedAt: now, dueAt }
      : { state: 'REFUSED' as const, decidedAt: now, decidedBy: actorOf(officer), refusalReason: input.reason ?? '' };
    const [row] = await tx.update(undertakings).set(change).where(eq(undertakings.id, u.id)).returning();
    await appendAudit(tx, now, {
      actor: actorOf(officer),
      action: input.accept ? 'customs.undertaking_accepted' : 'customs.undertaking_refused',
      entity: 'customs.undertaking',
      entityId: u.id,
      before: { state: u.state },
      after: { state: change.state, ...(input.accept ? { dueAt: dueAt.toISOString() } : { reason: input.reason ?? '' }) },
    });
    const due = dueAt.toISOString();
    await notify(tx, now, {
      recipient: { kind: 'business', id: u.declarantCode },
      kind: input.accept ? 'customs_undertaking_accepted' : 'customs_undertaking_refused',
      title: input.accept
        ? {
            tg: `Мол то пешниҳоди декларатсия барориш шуд (ӯҳдадории № ${u.number})`,
            ru: `Товары выпущены до подачи декларации (обязательство № ${u.number})`,
            en: `Goods released before the declaration (undertaking No ${u.number})`,
          }
        : { tg: `Ӯҳдадории № ${u.number} рад карда шуд`, ru: `Обязательство № ${u.number} отклонено`, en: `Undertaking No ${u.number} is refused` },
      body: input.accept
        ? {
            tg: `Декларатсияро то ${due} пешниҳод кунед (м.150).`,
            ru: `Подайте декларацию до ${due} (ст.150).`,
            en: `File the declaration by ${due} (art.150).`,
          }
        : { tg: input.reason ?? '', ru: input.reason ?? '', en: input.reason ?? '' },
      subject: { type: 'customs_undertaking', id: u.id },
    });
    return ok(row as UndertakingRow);
  });
}
