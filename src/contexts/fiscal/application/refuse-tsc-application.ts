import { eq } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit.ts';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { format } from '../../../platform/i18n.ts';
import { notify } from '../../../platform/notifications.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { checkRefusal, type RefusalGroundInput, tscRefusalGrounds } from '../domain/tsc-registry.ts';
import { tscApplications } from '../infrastructure/schema.ts';
import { actorOf, type FiscalDeps, meetDeadlines } from './deps.ts';
import { type TscApplicationView, loadTscApplicationView } from './list-tsc-applications.ts';

const LETTER = {
  title: {
    tg: 'Мактуби раддия оид ба ворид намудан ба феҳристи МХТ',
    ru: 'Письмо об отказе во включении в реестр ЦТО',
    en: 'Refusal of inclusion in the TSC registry',
  },
  body: {
    tg: 'Мактуби № {letter} аз {date}: ворид намудани «{name}» ба феҳристи давлатӣ рад карда шуд. Сабабҳо: {grounds}. Пас аз ислоҳи камбудиҳо шумо метавонед такроран муроҷиат намоед (б.105).',
    ru: 'Письмо № {letter} от {date}: во включении «{name}» в государственный реестр отказано. Причины: {grounds}. После устранения недостатков вы можете обратиться повторно (п.105).',
    en: 'Letter No {letter} of {date}: inclusion of "{name}" in the state registry is refused. Reasons: {grounds}. Once the deficiencies are corrected you may apply again (p.105).',
  },
};

/**
 * p.103-104 (FIS-TSC-13 to 15): the authorised body refuses inclusion, on an incomplete or
 * improperly completed set of documents (ground 1) or on inconsistencies confirmed by the on-site
 * check (ground 2), and sends the applicant a letter stating each reason.
 */
export async function refuseTscApplication(
  deps: FiscalDeps,
  actor: AccountPrincipal,
  id: string,
  input: { readonly letterNumber: string; readonly grounds: readonly RefusalGroundInput[] },
): Promise<Result<TscApplicationView, Failure<'TSC_APPLICATION_NOT_FOUND' | 'TSC_APPLICATION_DECIDED' | 'TSC_DISCREPANCY_NOT_CHECKED'>>> {
  const now = deps.clock.now();
  const grounds = tscRefusalGrounds(input.grounds);
  return deps.database.db.transaction(async (tx) => {
    const [before] = await tx.select().from(tscApplications).where(eq(tscApplications.id, id)).for('update');
    if (!before) return fail('TSC_APPLICATION_NOT_FOUND');
    const refusal = checkRefusal(
      before.status,
      grounds.map((g) => g.code),
    );
    if (refusal) return fail(refusal, refusal === 'TSC_DISCREPANCY_NOT_CHECKED' ? 'body.grounds' : undefined);
    const [after] = await tx
      .update(tscApplications)
      .set({ status: 'refused', decidedAt: now, decidedBy: actorOf(actor), decisionNumber: input.letterNumber, refusalGrounds: grounds })
      .where(eq(tscApplications.id, id))
      .returning();
    await meetDeadlines(tx, { type: 'tsc_application', id }, ['TSC_DECISION', 'TSC_SITE_CHECK'], now);
    await appendAudit(tx, now, { actor: actorOf(actor), action: 'tsc_application.refused', entity: 'fiscal.tsc_application', entityId: id, before, after });
    await notify(tx, now, {
      recipient: { kind: 'business', id: before.applicantTin },
      kind: 'tsc_application.refused',
      title: LETTER.title,
      body: format(LETTER.body, {
        letter: input.letterNumber,
        date: dushanbeDate(now),
        name: before.name,
        grounds: grounds.map((g) => `${g.ref}: ${g.detail}`).join('; '),
      }),
      subject: { type: 'tsc_application', id },
    });
    return ok((await loadTscApplicationView(tx, id)) as TscApplicationView);
  });
}
