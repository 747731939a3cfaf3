import { CHAIN_START, nextChainHash, shiftSignedBytes } from '../../../platform/fiscal-document.ts';
import { notifyRaw } from '../../../platform/notifications.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { FiscalScheme } from '../domain/fiscal-scheme.ts';
import { type NewAlert, raiseAlerts } from '../infrastructure/intake.repository.ts';
import type { FiscalDeps } from './deps.ts';
import { alertNotices, ONCE_OPEN } from './intake-alerts.ts';

export type ShiftSignatureInput = {
  readonly fiscalModuleNumber: string;
  readonly shiftNumber: number;
  /** The module's chain head after the Z-report, hex of Streebog-256. */
  readonly chainHash: string;
  /** GOST R 34.10-2012 signature (r ‖ s), hex. */
  readonly signature: string;
};

export type ShiftSignatureOutcome = {
  readonly fiscalModuleNumber: string;
  readonly shiftNumber: number;
  readonly zNumber: number;
  readonly verifiedAt: string;
};

export type ShiftSignatureError = 'SHIFT_NOT_CLOSED' | 'SHIFT_ALREADY_SIGNED' | 'SHIFT_SIGNATURE_INVALID' | 'CHAIN_INCOMPLETE' | 'CHAIN_HASH_MISMATCH';

const parse = (body: unknown): Record<string, unknown> => (typeof body === 'string' ? JSON.parse(body) : body) as Record<string, unknown>;

/**
 * Scheme FS1, shift close (p.77, p.79; docs/fiscal-crypto.md): the module sends the signature it
 * made once for the shift over the Z-report and its chain head. The operator checks the signature
 * with the public key registered at commissioning (p.81), then recomputes the chain head from the
 * documents it stored since the last verified shift; both must hold. The signature and the head
 * are kept with the shift, so every document of the shift is non-repudiable. A resubmission of the
 * same signature answers the same; missing documents make the module send it again later.
 */
export async function receiveShiftSignature(
  deps: FiscalDeps,
  scheme: FiscalScheme,
  input: ShiftSignatureInput,
): Promise<Result<ShiftSignatureOutcome, Failure<ShiftSignatureError>>> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const outcome = await deps.database.rawTransaction(async (q) => {
    const [shift] = await q<{ z_number: string | null; signature: string | null; verified: string | null; register_id: string }>(
      `SELECT z_number::text, signature, to_char(signature_verified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS verified, register_id FROM fiscal.shifts
        WHERE fiscal_module_number = $1 AND shift_number = $2 FOR UPDATE`,
      [input.fiscalModuleNumber, input.shiftNumber],
    );
    if (!shift?.z_number) return { error: 'SHIFT_NOT_CLOSED' as const };
    const zNumber = Number(shift.z_number);
    const result = { fiscalModuleNumber: input.fiscalModuleNumber, shiftNumber: input.shiftNumber, zNumber };
    if (shift.signature) {
      return shift.signature === input.signature.toLowerCase()
        ? { ok: { ...result, verifiedAt: shift.verified as string } }
        : { error: 'SHIFT_ALREADY_SIGNED' as const };
    }
    const [module] = await q<{ public_key: string | null; business_tin: string | null; inspectorate_code: string | null }>(
      `SELECT m.public_key, r.business_tin, r.inspectorate_code FROM fiscal.fiscal_modules m LEFT JOIN fiscal.registers r ON r.id = m.register_id WHERE m.number = $1`,
      [input.fiscalModuleNumber],
    );
    const alert = (kind: string, detail: Record<string, unknown>): NewAlert => ({
      kind,
      fm: input.fiscalModuleNumber,
      registerId: shift.register_id,
      businessTin: module?.business_tin ?? null,
      inspectorateCode: module?.inspectorate_code ?? null,
      number: zNumber,
      detail: { shiftNumber: input.shiftNumber, ...detail },
    });
    const [z] = await q<{ body: unknown }>(`SELECT body FROM fiscal.documents WHERE fiscal_module_number = $1 AND number = $2`, [
      input.fiscalModuleNumber,
      zNumber,
    ]);
    const isSigned =
      !!module?.public_key &&
      !!z &&
      scheme.verify(Buffer.from(module.public_key, 'hex'), shiftSignedBytes(input.chainHash.toLowerCase(), parse(z.body)), Buffer.from(input.signature, 'hex'));
    if (!isSigned) return { error: 'SHIFT_SIGNATURE_INVALID' as const, alert: alert('SHIFT_SIGNATURE_INVALID', {}) };
    // The chain from the last verified head (or the module's first document) to the Z-report,
    // ordered by the bigint columns: an output column named like a table column would win in
    // ORDER BY and sort the text, putting 10 before 2.
    const [base] = await q<{ z_number: string; chain_hash: string }>(
      `SELECT s.z_number::text AS z_number, s.chain_hash FROM fiscal.shifts s WHERE s.fiscal_module_number = $1 AND s.chain_hash IS NOT NULL AND s.z_number < $2 ORDER BY s.z_number DESC LIMIT 1`,
      [input.fiscalModuleNumber, zNumber],
    );
    const from = base ? Number(base.z_number) : 0;
    const docs = await q<{ number: string; body: unknown }>(
      `SELECT d.number::text AS number, d.body FROM fiscal.documents d WHERE d.fiscal_module_number = $1 AND d.number > $2 AND d.number <= $3 ORDER BY d.number`,
      [input.fiscalModuleNumber, from, zNumber],
    );
    if (docs.length !== zNumber - from) return { error: 'CHAIN_INCOMPLETE' as const };
    let head = base?.chain_hash ?? CHAIN_START;
    for (const d of docs) head = nextChainHash(head, parse(d.body));
    if (head !== input.chainHash.toLowerCase())
      return { error: 'CHAIN_HASH_MISMATCH' as const, alert: alert('CHAIN_HASH_MISMATCH', { from: from + 1, to: zNumber }) };
    await q(`UPDATE fiscal.shifts SET chain_hash = $3, signature = $4, signature_verified_at = $5 WHERE fiscal_module_number = $1 AND shift_number = $2`, [
      input.fiscalModuleNumber,
      input.shiftNumber,
      head,
      input.signature.toLowerCase(),
      at,
    ]);
    return { ok: { ...result, verifiedAt: at } };
  });
  if ('ok' in outcome && outcome.ok) return ok(outcome.ok);
  const failure = outcome as { error: ShiftSignatureError; alert?: NewAlert };
  // A refused signature is evidence for the tax authority: the alert is written even though nothing else is.
  if (failure.alert) {
    const alert = failure.alert;
    await deps.database.rawTransaction(async (q) => {
      const raised = await raiseAlerts(q, at, [alert], ONCE_OPEN);
      await notifyRaw(q, now, alertNotices(raised));
    });
  }
  return fail(failure.error);
}
