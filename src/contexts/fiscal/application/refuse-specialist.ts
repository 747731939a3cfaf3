import { eq } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit.ts';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { format } from '../../../platform/i18n.ts';
import { notify } from '../../../platform/notifications.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { nextSpecialistStatus } from '../domain/tsc-registry.ts';
import { specialists } from '../infrastructure/schema.ts';
import { actorOf, type FiscalDeps } from './deps.ts';
import { loadSpecialistView, type SpecialistView } from './list-specialists.ts';

const NOTICE = {
  title: { tg: 'Бақайдгирии мутахассис рад карда шуд', ru: 'В регистрации специалиста отказано', en: 'Specialist registration refused' },
  body: {
    tg: 'Бақайдгирии мутахассис {name} рад карда шуд. Сабаб: {reason}.',
    ru: 'В регистрации специалиста {name} отказано. Причина: {reason}.',
    en: 'Registration of specialist {name} is refused. Reason: {reason}.',
  },
};

/** p.53 item 11: the operator refuses to register a specialist, stating the reason to the TSC. */
export async function refuseSpecialist(
  deps: FiscalDeps,
  actor: AccountPrincipal,
  id: string,
  input: { readonly reason: string },
): Promise<Result<SpecialistView, Failure<'SPECIALIST_NOT_FOUND' | 'SPECIALIST_NOT_PENDING'>>> {
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const [before] = await tx.select().from(specialists).where(eq(specialists.id, id)).for('update');
    if (!before) return fail('SPECIALIST_NOT_FOUND');
    const next = nextSpecialistStatus(before.status, 'refuse');
    if (next !== 'refused') return fail('SPECIALIST_NOT_PENDING');
    const [after] = await tx.update(specialists).set({ status: next, decidedAt: now, refusalReason: input.reason }).where(eq(specialists.id, id)).returning();
    await appendAudit(tx, now, { actor: actorOf(actor), action: 'specialist.refused', entity: 'fiscal.specialist', entityId: id, before, after });
    await notify(tx, now, {
      recipient: { kind: 'org', id: before.tscId },
      kind: 'specialist.refused',
      title: NOTICE.title,
      body: format(NOTICE.body, { name: before.fullName, reason: input.reason }),
      subject: { type: 'specialist', id },
    });
    return ok((await loadSpecialistView(tx, id)) as SpecialistView);
  });
}
