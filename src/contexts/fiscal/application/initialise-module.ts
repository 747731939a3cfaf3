import { eq } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit.ts';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { transact } from '../../../platform/db.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { fiscalModules } from '../infrastructure/schema.ts';
import { actorOf, type FiscalDeps } from './deps.ts';
import { sealModuleKeys } from './module-key-store.ts';
import type { OperatorKeys } from './operator-keys.ts';
import type { FiscalScheme } from '../domain/fiscal-scheme.ts';

/**
 * p.81 (FIS-FM-22, FIS-FM-23): commissioning, first stage. The module made its key pair; its
 * public key is handed to the operator and stored with the module; the operator answers with its
 * own public key, from which both sides derive the module's keys. Done once per module.
 */
export async function initialiseModule(
  deps: FiscalDeps,
  scheme: FiscalScheme,
  operatorKeys: () => Promise<OperatorKeys>,
  actor: AccountPrincipal,
  number: string,
  publicKeyHex: string,
): Promise<
  Result<
    { readonly fiscalModuleNumber: string; readonly operatorPublicKey: string },
    Failure<'FISCAL_MODULE_NOT_FOUND' | 'FISCAL_MODULE_WRONG_STATE' | 'MODULE_KEY_INVALID'>
  >
> {
  // A point off the curve would let a forged module probe the operator's private key.
  if (!scheme.isValidPublicKey(Buffer.from(publicKeyHex, 'hex'))) return fail('MODULE_KEY_INVALID', 'body.publicKey');
  const now = deps.clock.now();
  const operator = await operatorKeys();
  return transact(deps.database.db, async (tx) => {
    const [before] = await tx.select().from(fiscalModules).where(eq(fiscalModules.number, number)).for('update');
    if (!before || (actor.role === 'tsc_specialist' && before.tscId !== actor.orgId)) return fail('FISCAL_MODULE_NOT_FOUND');
    if (before.publicKey !== null || before.status === 'returned') return fail('FISCAL_MODULE_WRONG_STATE');
    // The key agreement is done once, here, and its result kept sealed for intake.
    const keys = scheme.deriveModuleKeys(operator.privateKey, Buffer.from(publicKeyHex, 'hex'), number);
    await tx
      .update(fiscalModules)
      .set({ publicKey: publicKeyHex.toLowerCase(), sealedKeys: sealModuleKeys(operator.privateKey, number, keys), initialisedAt: now, updatedAt: now })
      .where(eq(fiscalModules.number, number));
    await appendAudit(tx, now, {
      actor: actorOf(actor),
      action: 'fiscal_module.initialised',
      entity: 'fiscal.fiscal_module',
      entityId: number,
      before: { publicKey: null },
      after: { publicKey: publicKeyHex.toLowerCase() },
    });
    return ok({ fiscalModuleNumber: number, operatorPublicKey: operator.publicKeyHex });
  });
}
