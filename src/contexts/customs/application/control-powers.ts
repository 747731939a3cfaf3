import { and, eq } from 'drizzle-orm';
import { type AccountPrincipal, accounts } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { type Db, transact } from '../../../platform/db.ts';
import { fail, ok, type Failure, type Result } from '../../../platform/result.ts';
import { CONTROL_FORMS, type ControlForm, missingControlForms } from '../domain/control-powers.ts';
import type { ControlPowerErrorCode } from '../domain/control-powers-errors.ts';
import { type ControlPowersRow, controlPowers } from '../infrastructure/control-powers.schema.ts';
import { actorOf, type CustomsDeps } from './deps.ts';

/** An officer's powers of control as the head set them, or the role's when the head has not. */
export type OfficerPowers = {
  readonly accountId: string;
  readonly login: string;
  readonly displayName: string;
  readonly forms: readonly ControlForm[];
  /** True while the head has not set this officer's powers: every form the customs officer's role gives. */
  readonly isRoleDefault: boolean;
  readonly basis: string | null;
  readonly setAt: Date | null;
  readonly setBy: string | null;
};

type Officer = { readonly id: string; readonly login: string; readonly displayName: string };

const view = (o: Officer, row: ControlPowersRow | undefined): OfficerPowers => ({
  accountId: o.id,
  login: o.login,
  displayName: o.displayName,
  forms: row ? CONTROL_FORMS.filter((f) => row.forms.includes(f)) : CONTROL_FORMS,
  isRoleDefault: row === undefined,
  basis: row?.basis ?? null,
  setAt: row?.setAt ?? null,
  setBy: row?.setBy ?? null,
});

async function officerOf(db: Db, accountId: string): Promise<Officer | undefined> {
  const [o] = await db
    .select({ id: accounts.id, login: accounts.login, displayName: accounts.displayName })
    .from(accounts)
    .where(and(eq(accounts.id, accountId), eq(accounts.role, 'customs_officer'), eq(accounts.isActive, true)));
  return o;
}

/** Every customs officer with the powers of control in force, by login (the head's list). */
export async function listControlPowers(deps: CustomsDeps): Promise<OfficerPowers[]> {
  const found = await deps.database.db
    .select({ id: accounts.id, login: accounts.login, displayName: accounts.displayName, powers: controlPowers })
    .from(accounts)
    .leftJoin(controlPowers, eq(controlPowers.accountId, accounts.id))
    .where(and(eq(accounts.role, 'customs_officer'), eq(accounts.isActive, true)))
    .orderBy(accounts.login);
  return found.map((r) => view(r, r.powers ?? undefined));
}

/** One officer's powers: the head sees anyone's, an officer only their own. */
export async function controlPowersOf(
  deps: CustomsDeps,
  actor: AccountPrincipal,
  accountId: string,
): Promise<Result<OfficerPowers, Failure<ControlPowerErrorCode>>> {
  if (actor.role !== 'customs_head' && actor.accountId !== accountId) return fail('CONTROL_OFFICER_NOT_FOUND', 'params.accountId');
  const officer = await officerOf(deps.database.db, accountId);
  if (!officer) return fail('CONTROL_OFFICER_NOT_FOUND', 'params.accountId');
  const [row] = await deps.database.db.select().from(controlPowers).where(eq(controlPowers.accountId, accountId));
  return ok(view(officer, row));
}

/**
 * Art.399 p.4 (CUS-CTL-04): the head of the customs authority sets the forms of control an officer
 * may apply, citing the order or job description that grants them. Replaces the powers in force;
 * the audit log keeps the forms before and after.
 */
export async function setControlPowers(
  deps: CustomsDeps,
  head: AccountPrincipal,
  accountId: string,
  input: { readonly forms: readonly ControlForm[]; readonly basis: string },
): Promise<Result<OfficerPowers, Failure<ControlPowerErrorCode>>> {
  return transact(deps.database.db, async (tx) => {
    const officer = await officerOf(tx, accountId);
    if (!officer) return fail('CONTROL_OFFICER_NOT_FOUND', 'params.accountId');
    const now = deps.clock.now();
    const [before] = await tx.select().from(controlPowers).where(eq(controlPowers.accountId, accountId)).for('update');
    const row = { accountId, forms: CONTROL_FORMS.filter((f) => input.forms.includes(f)), basis: input.basis.trim(), setAt: now, setBy: actorOf(head) };
    await tx
      .insert(controlPowers)
      .values(row)
      .onConflictDoUpdate({ target: controlPowers.accountId, set: { forms: row.forms, basis: row.basis, setAt: row.setAt, setBy: row.setBy } });
    await appendAudit(tx, now, {
      actor: actorOf(head),
      action: 'customs.control_powers_set',
      entity: 'platform.account',
      entityId: accountId,
      before: before ? { forms: before.forms, basis: before.basis } : { forms: [...CONTROL_FORMS], basis: null },
      after: { forms: row.forms, basis: row.basis },
    });
    return ok(view(officer, row));
  });
}

/** The forms of which the officer would need one to record a control act of `kind`, or undefined when allowed. */
export async function missingControlPower(tx: Db, actor: AccountPrincipal, kind: string): Promise<readonly ControlForm[] | undefined> {
  const [row] = await tx.select({ forms: controlPowers.forms }).from(controlPowers).where(eq(controlPowers.accountId, actor.accountId));
  return missingControlForms(row?.forms, kind);
}
