import { and, eq } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { canonicalJson } from '../../../platform/canonical-json.ts';
import { fail, ok, type Failure, type Result } from '../../../platform/result.ts';
import type { ZReport } from '../../fiscal/index.ts';
import type { CashdeskErrorCode } from '../domain/errors.ts';
import { shiftTotals } from '../domain/shift-reports.ts';
import type { ModuleFailure, ShiftSignature } from '../infrastructure/fiscal-module/port.ts';
import { shifts } from '../infrastructure/schema.ts';
import { actorOf, type CashdeskDeps } from './deps.ts';
import { type Issued, issueDocument } from './issue-document.ts';
import { receiptsOfShift } from './records.ts';
import { type SignatureState, sendShiftSignatures, signatureState } from './send-shift-signatures.ts';
import { loadUnlockedRegister } from './register-access.ts';
import { checkReadiness, refusal } from './register-readiness.ts';

export type ClosedShift = Issued<ZReport> & {
  /** The module's totals equal the register's own recomputation from its copies of the receipts. */
  readonly matchesRegister: boolean;
  /** The shift signature (p.77, p.79): verified by the operator, or still to send (the worker retries). */
  readonly signature: SignatureState;
};

/**
 * Closes the shift with the Z-report (p.2, p.77): the module forms it from its own totals and signs
 * it; it goes to the operator, which recomputes the shift from the receipts it holds (FIS-IMP-20).
 * A shift that lasted 24 hours, or offline time that ran out, may still be closed (register-guard).
 */
export async function closeShift(
  deps: CashdeskDeps,
  actor: AccountPrincipal,
  session: string | undefined,
  registerId: string,
): Promise<Result<ClosedShift, Failure<CashdeskErrorCode | 'NOT_FOUND' | 'REGISTER_LOCKED' | 'SHIFT_NOT_OPEN'> | ModuleFailure>> {
  const found = await loadUnlockedRegister(deps, actor, registerId, session);
  if (!found.ok) return found;
  return deps.modules.exclusive(found.value.id, async () => {
    const ready = await checkReadiness(deps, found.value, 'if_stale');
    if (!ready.verdict.canCloseShift || !ready.port) return refusal(ready.verdict, true);
    if (!ready.status?.shift.isOpen) return fail('SHIFT_NOT_OPEN');
    const port = ready.port;
    const vcr = ready.vcr;
    let signature: ShiftSignature | undefined;
    const issued = await issueDocument(deps, vcr, port, {
      form: async (request) => {
        const z = await port.formZReport(request);
        if (!z.ok) return z;
        signature = z.value.shiftSignature;
        return ok(z.value.document);
      },
      // The signature is kept with the shift until the operator has verified it (p.77, p.79).
      alsoInTransaction: async (tx, d) => {
        await tx
          .update(shifts)
          .set({ closedAt: new Date(d.issuedAt), zNumber: d.number, shiftSignature: signature ?? null })
          .where(and(eq(shifts.registerId, vcr.id), eq(shifts.shiftNumber, d.shiftNumber)));
      },
      audit: { actor: actorOf(actor), action: 'cashdesk.shift_closed', after: (d) => ({ shiftNumber: d.shiftNumber, number: d.number, totals: d.totals }) },
    });
    if (!issued.ok) return issued;
    const z = issued.value.document;
    if (issued.value.delivery.status === 'accepted') await sendShiftSignatures(deps, vcr);
    const [kept] = await deps.database.db
      .select()
      .from(shifts)
      .where(and(eq(shifts.registerId, vcr.id), eq(shifts.shiftNumber, z.shiftNumber)));
    const own = shiftTotals(await receiptsOfShift(deps.database.db, vcr.id, z.shiftNumber));
    return ok({ ...issued.value, matchesRegister: canonicalJson(own) === canonicalJson(z.totals), signature: kept ? signatureState(kept) : 'none' });
  });
}
