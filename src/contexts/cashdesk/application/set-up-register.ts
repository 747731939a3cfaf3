import { eq, or } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit.ts';
import { type AccountPrincipal, hashSecret } from '../../../platform/auth.ts';
import { sqlState, transact, UNIQUE_VIOLATION } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { fail, ok, type Failure, type Result } from '../../../platform/result.ts';
import { checkProgramPassword } from '../domain/register-guard.ts';
import { registers } from '../infrastructure/schema.ts';
import { actorOf, type CashdeskDeps } from './deps.ts';
import type { Vcr } from './register-access.ts';

export type SetUpInput = { readonly fiscalRegisterId: string; readonly password: string };

type SetUpRefusal = Failure<
  'NOT_FOUND' | 'PASSWORD_TOO_SHORT' | 'REGISTER_NOT_VIRTUAL' | 'REGISTER_DEREGISTERED' | 'MODULE_MISSING' | 'REGISTER_ALREADY_SET_UP' | 'MODULE_LOCKED'
>;

/**
 * The business sets up the free virtual cash register (p.5) for a virtual register the TSC has
 * registered in the operator's registry (p.16-19). The register's fiscal module is made here, in
 * the server's data directory, and makes its key pair inside itself (p.81): its public key is shown
 * so that the TSC specialist hands it to the operator; the register commissions the module once
 * the operator has it (register-readiness.ts). The program password protects the register (p.65
 * item 10, p.68 item 7).
 */
export async function setUpRegister(deps: CashdeskDeps, actor: AccountPrincipal, input: SetUpInput): Promise<Result<Vcr, SetUpRefusal>> {
  const password = checkProgramPassword(input.password);
  if (!password.ok) return fail('PASSWORD_TOO_SHORT', 'body.password', password.error.details);
  const facts = await deps.registerFacts(input.fiscalRegisterId);
  // Another business's register is "not found": it may not learn that it exists.
  if (!facts || actor.role !== 'business' || facts.business.tin !== actor.tin) return fail('NOT_FOUND', 'body.fiscalRegisterId');
  if (facts.kind !== 'virtual') return fail('REGISTER_NOT_VIRTUAL', 'body.fiscalRegisterId');
  if (facts.status !== 'registered') return fail('REGISTER_DEREGISTERED', 'body.fiscalRegisterId');
  if (!facts.fiscalModule?.isInstalledHere) return fail('MODULE_MISSING', 'body.fiscalRegisterId');
  const moduleNumber = facts.fiscalModule.number;
  const db = deps.database.db;
  const [taken] = await db
    .select({ id: registers.id })
    .from(registers)
    .where(or(eq(registers.fiscalRegisterId, facts.registerId), eq(registers.fiscalModuleNumber, moduleNumber)));
  if (taken) return fail('REGISTER_ALREADY_SET_UP', 'body.fiscalRegisterId', { registerId: taken.id });

  // p.81: the key pair is made inside the module; a module already personalised keeps its keys.
  const port = await deps.modules.create(moduleNumber);
  const personalised = await port.personalise();
  if (!personalised.ok && personalised.error.code !== 'MODULE_ALREADY_PERSONALISED') return fail('MODULE_LOCKED', undefined, { ...personalised.error });

  const now = deps.clock.now();
  const row: Vcr = {
    id: uuidv7(now.getTime()),
    fiscalRegisterId: facts.registerId,
    registryNumber: facts.registryNumber,
    serialNumber: facts.serialNumber,
    fiscalModuleNumber: moduleNumber,
    businessTin: facts.business.tin,
    passwordHash: await hashSecret(input.password),
    failedUnlocks: 0,
    unlockRefusedUntil: null,
    clockCheckedAt: null,
    clockOffsetMs: null,
    createdAt: now,
    updatedAt: now,
  };
  try {
    return await transact(db, async (tx) => {
      await tx.insert(registers).values(row);
      const { passwordHash: _secret, ...visible } = row;
      await appendAudit(tx, now, { actor: actorOf(actor), action: 'cashdesk.register_set_up', entity: 'cashdesk.register', entityId: row.id, after: visible });
      return ok(row);
    });
  } catch (error) {
    if (sqlState(error) === UNIQUE_VIOLATION) return fail('REGISTER_ALREADY_SET_UP', 'body.fiscalRegisterId');
    throw error;
  }
}
