import type { AccountPrincipal } from '../../../platform/auth.ts';
import { transact } from '../../../platform/db.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { AuditErrorCode } from '../domain/audit-errors.ts';
import { groundFor } from '../domain/audit-grounds.ts';
import { type AuditSubjectInput, checkSubject, createAudit } from './audit-subject.ts';
import { type AuditView, loadAuditView } from './audit-view.ts';
import { actorOf, type CustomsDeps } from './deps.ts';

export type RegisterInput = AuditSubjectInput & {
  /** D1-D8 for a desk audit (art.417(1) p.6), F1-F15 for a field audit (art.417(2) p.5). */
  readonly ground: string;
  /** What the ground rests on (the RMS result, the request, the information received). */
  readonly groundDetails: string;
};

/**
 * A2, CUS-AUD-02, CUS-AUD-09, CUS-AUD-16: an unplanned audit rests on exactly one ground of the
 * closed list of its place. There is no limit on how often a person is audited (art.417(1) p.7,
 * art.417(2) p.6): nothing here looks at the person's other audits.
 */
export async function registerUnplannedAudit(
  deps: CustomsDeps,
  actor: AccountPrincipal,
  input: RegisterInput,
): Promise<Result<AuditView, Failure<AuditErrorCode>>> {
  const now = deps.clock.now();
  const ground = groundFor(input.place, input.ground);
  if (!ground) return fail('AUDIT_GROUND_UNKNOWN', 'body.ground', { place: input.place });
  return transact(deps.database.db, async (tx) => {
    const linked = await checkSubject(tx, input, now);
    if (!linked.ok) return linked;
    const audit = await createAudit(tx, input, linked.value, { kind: 'ground', ground: ground.code, details: input.groundDetails }, actorOf(actor), now);
    return ok(await loadAuditView(tx, audit, now));
  });
}
