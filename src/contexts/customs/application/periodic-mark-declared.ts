import type { Db } from '../../../platform/db.ts';
import { type Failure, ok, type Result } from '../../../platform/result.ts';
import type { PeriodicErrorCode } from '../domain/periodic-errors.ts';
import { auditPeriodic, lockApplication, saveApplication, stateConflict } from './periodic-view.ts';

/**
 * P6 (art.136 p.9, art.138 p.2): the declaration slice, in its own transaction, records that the
 * goods declaration for the period was accepted. Only from DECLARATION_DUE; the checker closes the
 * application once everything is declared (and, for export, has left) (P12).
 */
export async function markPeriodicDeclared(
  tx: Db,
  input: { readonly number: string; readonly declarationNumber: string; readonly at: Date },
): Promise<Result<{ readonly number: string; readonly state: 'DECLARED' }, Failure<PeriodicErrorCode>>> {
  const found = await lockApplication(tx, input.number);
  if (!found.ok) return found;
  const a = found.value;
  if (a.state !== 'DECLARATION_DUE') return stateConflict(a);
  await saveApplication(tx, a, { state: 'DECLARED', declarationNumber: input.declarationNumber, declaredAt: input.at }, input.at);
  await auditPeriodic(tx, input.at, 'system:declarations', 'periodic.declared', a, { state: 'DECLARED', declarationNumber: input.declarationNumber });
  return ok({ number: a.number, state: 'DECLARED' });
}
