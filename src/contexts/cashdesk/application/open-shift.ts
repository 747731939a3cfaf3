import type { AccountPrincipal } from '../../../platform/auth.ts';
import { fail, type Failure, type Result } from '../../../platform/result.ts';
import type { ShiftOpening } from '../../fiscal/index.ts';
import type { CashdeskErrorCode } from '../domain/errors.ts';
import type { ModuleFailure } from '../infrastructure/fiscal-module/port.ts';
import { shifts } from '../infrastructure/schema.ts';
import { actorOf, type CashdeskDeps } from './deps.ts';
import { type Issued, issueDocument } from './issue-document.ts';
import { loadUnlockedRegister } from './register-access.ts';
import { checkReadiness, refusal } from './register-readiness.ts';

export type OpenShiftRefusal = Failure<CashdeskErrorCode | 'NOT_FOUND' | 'REGISTER_LOCKED' | 'SHIFT_ALREADY_OPEN'> | ModuleFailure;

/**
 * Opens a shift (p.77): the checks before work run first (p.34 the date and time from the operator,
 * p.65/p.68/p.70 the module and the registry), then the module forms the `shift_open` document,
 * which goes to the operator like a receipt.
 */
export async function openShift(
  deps: CashdeskDeps,
  actor: AccountPrincipal,
  session: string | undefined,
  registerId: string,
  input: { readonly openingCash?: number },
): Promise<Result<Issued<ShiftOpening> & { readonly openingCash: number }, OpenShiftRefusal>> {
  const found = await loadUnlockedRegister(deps, actor, registerId, session);
  if (!found.ok) return found;
  return deps.modules.exclusive(found.value.id, async () => {
    const ready = await checkReadiness(deps, found.value, 'always');
    if (!ready.verdict.canIssueReceipts || !ready.port) return refusal(ready.verdict);
    if (ready.status?.shift.isOpen) return fail('SHIFT_ALREADY_OPEN', undefined, { shiftNumber: ready.status.shift.number });
    const port = ready.port;
    const openingCash = input.openingCash ?? 0;
    const issued = await issueDocument(deps, ready.vcr, port, {
      form: (request) => port.openShift(request),
      alsoInTransaction: async (tx, d) => {
        await tx.insert(shifts).values({ registerId: ready.vcr.id, shiftNumber: d.shiftNumber, openedAt: new Date(d.issuedAt), openingCash });
      },
      audit: { actor: actorOf(actor), action: 'cashdesk.shift_opened', after: (d) => ({ shiftNumber: d.shiftNumber, number: d.number, openingCash }) },
    });
    return issued.ok ? { ok: true as const, value: { ...issued.value, openingCash } } : issued;
  });
}
