import { eq } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { transact } from '../../../platform/db.ts';
import { notify } from '../../../platform/notifications.ts';
import { publish } from '../../../platform/outbox.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { RegimeErrorCode } from '../domain/regime-errors.ts';
import { checkValidity, PERMIT_BASIS } from '../domain/regime-permits.ts';
import { type ProcessingPermitRow, processingPermits } from '../infrastructure/regime.schema.ts';
import { actorOf, type CustomsDeps } from './deps.ts';
import { nextPermitNumber } from './regime-permit-store.ts';

/** Outbox topic published when a processing permit is issued (the declaration slice may check a declaration's permit against it). */
export const PROCESSING_PERMIT_ISSUED = 'customs.processing_permit_issued';

/** Art.180 p.6, art.193 p.4, art.204 p.6 as amended: the decision is electronic or written. */
export type PermitDecision =
  | { readonly decision: 'issue'; readonly form: 'electronic' | 'written'; readonly validTo: string; readonly terms: string }
  | { readonly decision: 'refuse'; readonly form: 'electronic' | 'written'; readonly reason: string };

/**
 * CUS-REG-04, CUS-REG-05: the officer issues the permit "in accordance with the legislation on the
 * permit system" (a permit record with number, terms and validity, citing its basis) or refuses it
 * with reasons; a decision after the 10 working days is recorded as late, never refused.
 */
export async function decideProcessingPermit(
  deps: CustomsDeps,
  officer: AccountPrincipal,
  id: string,
  input: PermitDecision,
): Promise<Result<ProcessingPermitRow, Failure<RegimeErrorCode>>> {
  const now = deps.clock.now();
  const today = dushanbeDate(now);
  if (input.decision === 'issue') {
    const valid = checkValidity(today, input.validTo);
    if (!valid.ok) return valid;
  }
  return transact(deps.database.db, async (tx) => {
    const [p] = await tx.select().from(processingPermits).where(eq(processingPermits.id, id)).for('update');
    if (!p) return fail('REGIME_PERMIT_NOT_FOUND', 'params.id');
    if (p.status !== 'submitted') return fail('REGIME_PERMIT_ALREADY_DECIDED', 'params.id', { status: p.status });
    const issued = input.decision === 'issue';
    const [decided] = await tx
      .update(processingPermits)
      .set({
        status: issued ? 'issued' : 'refused',
        decidedAt: now,
        decidedBy: actorOf(officer),
        decisionForm: input.form,
        // The same instant the checker flags as overdue.
        isDecidedLate: now.getTime() >= p.decisionDueAt.getTime(),
        refusalReason: issued ? null : input.reason,
        permitNumber: issued ? await nextPermitNumber(tx, 'processing_permit_seq', 'PP', now) : null,
        permitValidFrom: issued ? today : null,
        permitValidTo: issued ? input.validTo : null,
        permitTerms: issued ? input.terms : null,
        legalBasis: issued ? PERMIT_BASIS[p.kind] : null,
      })
      .where(eq(processingPermits.id, p.id))
      .returning();
    if (!decided) throw new Error('permit not updated');
    if (issued)
      await publish(
        tx,
        PROCESSING_PERMIT_ISSUED,
        { permitId: p.id, permitNumber: decided.permitNumber, kind: p.kind, applicantTin: p.applicantTin, validTo: input.validTo },
        now,
      );
    await notify(tx, now, {
      recipient: { kind: 'business', id: p.applicantTin },
      kind: issued ? 'processing_permit_issued' : 'processing_permit_refused',
      title: issued
        ? {
            tg: `Иҷозат барои коркард дода шуд: ${decided.permitNumber}`,
            ru: `Выдано разрешение на переработку: ${decided.permitNumber}`,
            en: `Processing permit issued: ${decided.permitNumber}`,
          }
        : { tg: 'Дар додани иҷозат рад карда шуд', ru: 'В выдаче разрешения отказано', en: 'The permit was refused' },
      body: { tg: decided.refusalReason ?? '', ru: decided.refusalReason ?? '', en: decided.refusalReason ?? '' },
      subject: { type: 'customs_processing_permit', id: p.id },
    });
    await appendAudit(tx, now, {
      actor: actorOf(officer),
      action: issued ? 'customs.processing_permit_issued' : 'customs.processing_permit_refused',
      entity: 'customs.processing_permits',
      entityId: p.id,
      before: { status: p.status },
      after: decided,
    });
    return ok(decided);
  });
}
