import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { documents, shifts } from '../infrastructure/schema.ts';
import type { CashdeskDeps } from './deps.ts';
import type { Vcr } from './register-access.ts';

/**
 * Refusals that only mean "not yet": the operator does not hold the Z-report or every document of
 * the shift yet (an offline backlog still on its way). The signature is sent again later.
 */
const NOT_YET: ReadonlySet<string> = new Set(['SHIFT_NOT_CLOSED', 'CHAIN_INCOMPLETE']);

export type SignatureState = 'verified' | 'pending' | 'refused' | 'none';

/**
 * Scheme FS1, shift close (p.77, p.79; docs/fiscal-crypto.md): once the operator has acknowledged a
 * shift's Z-report, the register sends the signature the module made over the Z-report and its
 * document chain; the operator verifies it with the module's registered key. Unreachable or "not
 * yet": it stays to send, and the worker sends it with the next sync. Runs inside the register's turn.
 */
export async function sendShiftSignatures(deps: CashdeskDeps, vcr: Vcr): Promise<{ readonly verified: number; readonly refused: number }> {
  const db = deps.database.db;
  const waiting = await db
    .select({ shiftNumber: shifts.shiftNumber, signature: shifts.shiftSignature })
    .from(shifts)
    .innerJoin(documents, and(eq(documents.fiscalModuleNumber, vcr.fiscalModuleNumber), eq(documents.number, shifts.zNumber)))
    .where(
      and(
        eq(shifts.registerId, vcr.id),
        isNotNull(shifts.shiftSignature),
        isNull(shifts.signatureVerifiedAt),
        isNull(shifts.signatureRefusal),
        eq(documents.delivery, 'accepted'),
      ),
    )
    .orderBy(shifts.shiftNumber);
  let verified = 0;
  let refused = 0;
  for (const w of waiting) {
    const s = w.signature;
    if (!s) continue;
    const answer = await deps.link().sendShiftSignature({
      fiscalModuleNumber: vcr.fiscalModuleNumber,
      shiftNumber: s.shiftNumber,
      chainHash: s.chainHash,
      signature: s.signature,
    });
    const now = deps.clock.now();
    if (answer.kind === 'unreachable') {
      deps.linkState.down(now, answer.reason);
      break;
    }
    deps.linkState.up(now);
    if (answer.kind === 'refused' && NOT_YET.has(answer.code)) continue;
    const set = answer.kind === 'accepted' ? { signatureVerifiedAt: now } : { signatureRefusal: answer.code };
    await db
      .update(shifts)
      .set(set)
      .where(and(eq(shifts.registerId, vcr.id), eq(shifts.shiftNumber, w.shiftNumber)));
    if (answer.kind === 'accepted') verified += 1;
    else refused += 1;
  }
  return { verified, refused };
}

/** Where a shift's signature stands: verified by the operator, waiting to be sent, refused, or none (an open shift). */
export const signatureState = (row: Pick<typeof shifts.$inferSelect, 'shiftSignature' | 'signatureVerifiedAt' | 'signatureRefusal'>): SignatureState =>
  row.signatureVerifiedAt ? 'verified' : row.signatureRefusal ? 'refused' : row.shiftSignature ? 'pending' : 'none';
