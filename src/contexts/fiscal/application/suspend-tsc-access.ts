import { eq } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit.ts';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { format, type Localised } from '../../../platform/i18n.ts';
import { notify } from '../../../platform/notifications.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { checkAccessChange } from '../domain/tsc-registry.ts';
import { tscs } from '../infrastructure/schema.ts';
import { actorOf, type FiscalDeps } from './deps.ts';
import { loadTscView, type TscView } from './list-tscs.ts';

export type AccessChangeError = 'TSC_NOT_FOUND' | 'TSC_REMOVED' | 'TSC_ACCESS_UNCHANGED';

const NOTICES: { readonly [K in 'active' | 'suspended']: { readonly title: Localised; readonly body: Localised } } = {
  suspended: {
    title: {
      tg: 'Дастрасӣ ба низоми иттилооти андоз боздошта шуд',
      ru: 'Доступ к налоговой информационной системе приостановлен',
      en: 'Access to the tax information system suspended',
    },
    body: {
      tg: 'Бо қарори мақоми ваколатдор ({decision}) дастрасии «{name}» ва филиалҳои он ба низоми иттилооти андоз боздошта шуд (б.55, б.122).',
      ru: 'Решением уполномоченного органа ({decision}) доступ «{name}» и его филиалов к налоговой информационной системе приостановлен (п.55, п.122).',
      en: 'By decision of the authorised body ({decision}) the access of "{name}" and its branches to the tax information system is suspended (p.55, p.122).',
    },
  },
  active: {
    title: {
      tg: 'Дастрасӣ ба низоми иттилооти андоз барқарор шуд',
      ru: 'Доступ к налоговой информационной системе восстановлен',
      en: 'Access to the tax information system restored',
    },
    body: {
      tg: 'Бо қарори мақоми ваколатдор ({decision}) дастрасии «{name}» ва филиалҳои он ба низоми иттилооти андоз барқарор карда шуд.',
      ru: 'Решением уполномоченного органа ({decision}) доступ «{name}» и его филиалов к налоговой информационной системе восстановлен.',
      en: 'By decision of the authorised body ({decision}) the access of "{name}" and its branches to the tax information system is restored.',
    },
  },
};

/**
 * Moves a TSC's access to `wanted`, recording the authorised body's decision. Shared by
 * suspendTscAccess and restoreTscAccess; the access gate reads the column on every request.
 */
export async function changeTscAccess(
  deps: FiscalDeps,
  actor: AccountPrincipal,
  id: string,
  wanted: 'active' | 'suspended',
  decisionReference: string,
): Promise<Result<TscView, Failure<AccessChangeError>>> {
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const [before] = await tx.select().from(tscs).where(eq(tscs.id, id)).for('update');
    if (!before) return fail('TSC_NOT_FOUND');
    const refusal = checkAccessChange(before, wanted);
    if (refusal) return fail(refusal);
    const [after] = await tx.update(tscs).set({ access: wanted, accessDecision: decisionReference }).where(eq(tscs.id, id)).returning();
    await appendAudit(tx, now, {
      actor: actorOf(actor),
      action: wanted === 'suspended' ? 'tsc.access_suspended' : 'tsc.access_restored',
      entity: 'fiscal.tsc',
      entityId: id,
      before,
      after,
    });
    const notice = NOTICES[wanted];
    const body = format(notice.body, { decision: decisionReference, name: before.name });
    const kind = wanted === 'suspended' ? 'tsc.access_suspended' : 'tsc.access_restored';
    // While access is suspended the specialists cannot read the TSC's inbox: the TSC's own taxpayer cabinet gets it too.
    await notify(
      tx,
      now,
      { recipient: { kind: 'org', id }, kind, title: notice.title, body, subject: { type: 'tsc', id } },
      { recipient: { kind: 'business', id: before.tin }, kind, title: notice.title, body, subject: { type: 'tsc', id } },
    );
    return ok((await loadTscView(tx, id)) as TscView);
  });
}

/**
 * p.55, p.122 (FIS-ACC-03, FIS-ACC-06): by decision of the authorised body the operator suspends
 * (blocks) the access of a TSC and its branches to the TIS. The TSC stays in the registry.
 */
export async function suspendTscAccess(
  deps: FiscalDeps,
  actor: AccountPrincipal,
  id: string,
  input: { readonly decisionReference: string },
): Promise<Result<TscView, Failure<AccessChangeError>>> {
  return changeTscAccess(deps, actor, id, 'suspended', input.decisionReference);
}
