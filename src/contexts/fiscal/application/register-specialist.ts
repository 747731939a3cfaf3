import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit.ts';
import { type AccountPrincipal, createAccount } from '../../../platform/auth.ts';
import { sqlState, UNIQUE_VIOLATION } from '../../../platform/db.ts';
import { format } from '../../../platform/i18n.ts';
import { notify } from '../../../platform/notifications.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { BRANCH_OPEN_FOR_SPECIALISTS, nextSpecialistStatus } from '../domain/tsc-registry.ts';
import { branches, specialists, tscs } from '../infrastructure/schema.ts';
import { actorOf, type FiscalDeps } from './deps.ts';
import { loadSpecialistView, type SpecialistView } from './list-specialists.ts';

/** The login and first password of a new specialist account: shown once, never stored in clear. */
export type InitialCredentials = { readonly login: string; readonly initialPassword: string };

const NOTICE = {
  title: { tg: 'Мутахассис ба қайд гирифта шуд', ru: 'Специалист зарегистрирован', en: 'Specialist registered' },
  body: {
    tg: 'Мутахассис {name} ба қайд гирифта шуд ва метавонад бо логини «{login}» дар низоми иттилооти андоз кор кунад (б.53). Пароли аввалия ба оператор як маротиба дода шуд; онро дар вуруди аввал иваз кунед.',
    ru: 'Специалист {name} зарегистрирован и может работать в налоговой информационной системе под логином «{login}» (п.53). Первоначальный пароль выдан один раз; смените его при первом входе.',
    en: 'Specialist {name} is registered and may work in the tax information system as "{login}" (p.53). The initial password was issued once; change it at first login.',
  },
};

/**
 * p.53 item 11 (FIS-ACC-02): the operator registers the qualified specialist and enables him to
 * work in the TIS: a `tsc_specialist` account bound to the TSC and, if named, the branch. The
 * initial password is returned in this response only. A branch specialist passes the access gate
 * only while the branch is registered (p.113, p.119).
 */
export async function registerSpecialist(
  deps: FiscalDeps,
  actor: AccountPrincipal,
  id: string,
): Promise<
  Result<
    { readonly specialist: SpecialistView; readonly credentials: InitialCredentials },
    Failure<'SPECIALIST_NOT_FOUND' | 'SPECIALIST_NOT_PENDING' | 'TSC_REMOVED' | 'BRANCH_NOT_REGISTERED' | 'LOGIN_TAKEN'>
  >
> {
  const now = deps.clock.now();
  const initialPassword = randomBytes(12).toString('base64url');
  try {
    return await deps.database.db.transaction(async (tx) => {
      const [before] = await tx.select().from(specialists).where(eq(specialists.id, id)).for('update');
      if (!before) return fail('SPECIALIST_NOT_FOUND');
      const next = nextSpecialistStatus(before.status, 'register');
      if (next !== 'registered') return fail('SPECIALIST_NOT_PENDING');
      const [tsc] = await tx.select({ status: tscs.status }).from(tscs).where(eq(tscs.id, before.tscId)).for('share');
      if (tsc?.status !== 'included') return fail('TSC_REMOVED');
      if (before.branchId) {
        const [branch] = await tx.select({ status: branches.status }).from(branches).where(eq(branches.id, before.branchId)).for('share');
        if (!branch || !BRANCH_OPEN_FOR_SPECIALISTS.includes(branch.status)) return fail('BRANCH_NOT_REGISTERED');
      }
      const accountId = await createAccount(
        tx,
        { role: 'tsc_specialist', login: before.login, secret: initialPassword, displayName: before.fullName, orgId: before.tscId, unitId: before.branchId },
        now,
      );
      const [after] = await tx.update(specialists).set({ status: next, accountId, decidedAt: now }).where(eq(specialists.id, id)).returning();
      await appendAudit(
        tx,
        now,
        { actor: actorOf(actor), action: 'specialist.registered', entity: 'fiscal.specialist', entityId: id, before, after },
        {
          actor: actorOf(actor),
          action: 'account.created',
          entity: 'platform.account',
          entityId: accountId,
          after: { id: accountId, role: 'tsc_specialist', login: before.login, orgId: before.tscId, unitId: before.branchId },
        },
      );
      await notify(tx, now, {
        recipient: { kind: 'org', id: before.tscId },
        kind: 'specialist.registered',
        title: NOTICE.title,
        body: format(NOTICE.body, { name: before.fullName, login: before.login }),
        subject: { type: 'specialist', id },
      });
      const specialist = (await loadSpecialistView(tx, id)) as SpecialistView;
      return ok({ specialist, credentials: { login: before.login, initialPassword } });
    });
  } catch (error) {
    // An account with this login was made after the application (platform.accounts.login is unique).
    if (sqlState(error) === UNIQUE_VIOLATION) return fail('LOGIN_TAKEN', 'login');
    throw error;
  }
}
