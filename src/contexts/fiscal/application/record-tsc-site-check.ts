import { eq } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit.ts';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { format } from '../../../platform/i18n.ts';
import { notify } from '../../../platform/notifications.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { checkSiteCheck } from '../domain/tsc-registry.ts';
import { tscApplications } from '../infrastructure/schema.ts';
import { actorOf, dueAt, type FiscalDeps, openDeadline } from './deps.ts';
import { type TscApplicationView, loadTscApplicationView } from './list-tsc-applications.ts';
import { AUTHORISED_BODY } from './submit-tsc-application.ts';

const NOTICE = {
  title: { tg: 'Санҷиш дар маҳал', ru: 'Проверка на месте', en: 'On-site check' },
  body: {
    tg: 'Дар маълумоти аризаи «{name}» номутобиқатӣ ошкор шуд: {inconsistencies}. Мақоми ваколатдор то {due} дар маҳал санҷиш мегузаронад (б.101).',
    ru: 'В данных заявления «{name}» найдены расхождения: {inconsistencies}. Уполномоченный орган проверит их на месте до {due} (п.101).',
    en: 'Inconsistencies were found in the application of "{name}": {inconsistencies}. The authorised body checks them on site by {due} (p.101).',
  },
};

/**
 * p.101 (FIS-TSC-11): when the data of an applicant are inconsistent, the authorised body checks
 * their reliability and legality on site within one working day. The decision then follows
 * (p.102), and only then may the inconsistencies be a ground for refusal (p.103 (2)).
 */
export async function recordTscSiteCheck(
  deps: FiscalDeps,
  actor: AccountPrincipal,
  id: string,
  input: { readonly inconsistencies: string },
): Promise<Result<TscApplicationView, Failure<'TSC_APPLICATION_NOT_FOUND' | 'TSC_APPLICATION_DECIDED' | 'TSC_SITE_CHECK_OPEN'>>> {
  const now = deps.clock.now();
  const siteCheckDueAt = dueAt(deps.calendar(), 'TSC_SITE_CHECK', now);
  return deps.database.db.transaction(async (tx) => {
    const [before] = await tx.select().from(tscApplications).where(eq(tscApplications.id, id)).for('update');
    if (!before) return fail('TSC_APPLICATION_NOT_FOUND');
    const refusal = checkSiteCheck(before.status);
    if (refusal) return fail(refusal);
    const [after] = await tx
      .update(tscApplications)
      .set({ status: 'site_check', inconsistencies: input.inconsistencies, siteCheckDueAt })
      .where(eq(tscApplications.id, id))
      .returning();
    await openDeadline(tx, {
      kind: 'TSC_SITE_CHECK',
      subject: { type: 'tsc_application', id },
      responsible: { kind: 'authorised_body', id: AUTHORISED_BODY },
      startsAt: now,
      dueAt: siteCheckDueAt,
    });
    await appendAudit(tx, now, { actor: actorOf(actor), action: 'tsc_application.site_check', entity: 'fiscal.tsc_application', entityId: id, before, after });
    await notify(tx, now, {
      recipient: { kind: 'business', id: before.applicantTin },
      kind: 'tsc_application.site_check',
      title: NOTICE.title,
      body: format(NOTICE.body, { name: before.name, inconsistencies: input.inconsistencies, due: dushanbeDate(siteCheckDueAt) }),
      subject: { type: 'tsc_application', id },
    });
    return ok((await loadTscApplicationView(tx, id)) as TscApplicationView);
  });
}
