import { and, eq } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { type Db, transact } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { notify } from '../../../platform/notifications.ts';
import { fail, ok, type Result } from '../../../platform/result.ts';
import type { DeclarationData } from '../domain/declaration.ts';
import { canMove } from '../domain/declaration.ts';
import { assess } from '../domain/declaration-payments.ts';
import { type AmendmentKind, amendmentBarriers, withdrawalBarriers } from '../domain/declaration-rules.ts';
import { amendmentTag } from '../domain/after-release.ts';
import {
  controlEvents,
  type DeclarationRequestRow,
  type DeclarationRow,
  declarationRequests,
  declarations,
  declarationVersions,
} from '../infrastructure/declaration.schema.ts';
import { afterReleaseCheck } from './after-release-check.ts';
import { actorOf, type CustomsDeps } from './deps.ts';
import { declarationFacts } from './declaration-facts.ts';
import { publishChangedAfterRelease, type ReleasePorts, releaseIfReady } from './declaration-release.ts';
import { type SignatureVerdict, sha256Hex, signingBytes, verifyFiling } from './declaration-signature.ts';
import { assessmentColumns, lockDeclaration, mayFile, type Refusal } from './declaration-store.ts';
import { withdrawalExitReasons } from './free-zone-withdrawal.ts';

export type SignedInput = { readonly signature: string; readonly certificatePem: string };
export type AmendmentInput = SignedInput & {
  readonly kind: AmendmentKind;
  readonly reason: string;
  readonly data: DeclarationData;
  /** After release (art.133 p.8, CUS-DEC-50): the case of the authorised body's list the change falls under. */
  readonly caseCode?: string;
};
export type WithdrawalInput = SignedInput & { readonly reason: string };

/** What the declarant signs for a request: the declaration, the request and, for a change, the new data. */
export const requestMessage = (declarationId: string, kind: string, reason: string, data?: DeclarationData): Buffer =>
  signingBytes({ declarationId, kind, reason, ...(data ? { data } : {}) });

async function eventsOf(tx: Db, id: string) {
  return tx.select().from(controlEvents).where(eq(controlEvents.declarationId, id));
}

async function payableUnder(tx: Db, data: DeclarationData, day: string): Promise<bigint | undefined> {
  const facts = await declarationFacts(tx, data, day, 'electronic');
  if (facts.rate === undefined || data.items.some((i) => !facts.tariffs.has(i.commodityCode))) return undefined;
  const a = assess(data, facts.rate, (item) => facts.tariffs.get(item.commodityCode) as never);
  return a.payableDirams + a.toSecureDirams;
}

/** Checked before the transaction (the national register is read on its own connection); the signer is matched to the filer inside. */
async function verifyRequest(deps: CustomsDeps, input: SignedInput, message: Buffer, at: Date): Promise<SignatureVerdict> {
  return verifyFiling(deps.database.db, deps.verifyNationalSignature, {
    certificatePem: input.certificatePem,
    signatureBase64: input.signature,
    message,
    signedAt: at,
  });
}

function signatureRefusal(verdict: SignatureVerdict, row: DeclarationRow): Refusal | undefined {
  if (!verdict.isValid) return { code: 'DECLARATION_SIGNATURE_INVALID', field: 'body.signature', details: { fault: verdict.fault } };
  if (verdict.signerCode !== row.filerTin) return { code: 'DECLARATION_SIGNATURE_INVALID', field: 'body.signature', details: { fault: 'signature_not_filer' } };
  return undefined;
}

/**
 * D9 (art.133 p.1-4; CUS-DEC-43..47): the declarant's motivated, signed request naming exactly what
 * changes (the new data). A request that the guards already bar is refused at once with every
 * reason; otherwise it waits for customs (AMENDMENT_REQUESTED). After release (D22, art.133 p.8)
 * and for completing an incomplete declaration (art.135 p.2) the same request is used.
 */
export async function requestAmendment(
  deps: CustomsDeps,
  actor: AccountPrincipal,
  id: string,
  input: AmendmentInput,
): Promise<Result<DeclarationRequestRow, Refusal>> {
  const verdict = await verifyRequest(deps, input, requestMessage(id, amendmentTag(input.kind, input.caseCode), input.reason, input.data), deps.clock.now());
  return transact(deps.database.db, async (tx) => {
    const found = await lockDeclaration(tx, actor, id);
    if (!found.ok) return found;
    const row = found.value;
    if (!mayFile(actor, row)) return fail('DECLARATION_NOT_YOURS', 'params.id');
    const isReleased = row.state === 'RELEASED' || row.state === 'CONDITIONALLY_RELEASED';
    // D12: the change customs demanded (art.133 p.6) is made whatever control did, and may change the payments.
    const isDemanded = row.state === 'AMENDMENT_DEMANDED';
    if (!isReleased && !isDemanded && !canMove(row.state, 'D9_amendment_requested'))
      return fail('DECLARATION_STATE_INVALID', 'params.id', { state: row.state });
    if (isDemanded && input.kind !== 'data') return fail('DECLARATION_AMENDMENT_NOT_ALLOWED', 'body.kind', { reasons: ['demand_needs_data_change'] });
    if (input.kind === 'completion' && (row.form !== 'incomplete' || row.incompleteCompletedAt !== null))
      return fail('DECLARATION_AMENDMENT_NOT_ALLOWED', 'body.kind', { reasons: ['not_incomplete'] });
    const now = deps.clock.now();
    const bad = signatureRefusal(verdict, row);
    if (bad) return { ok: false, error: bad };
    const day = row.acceptedOn as string;
    const open = await tx
      .select({ id: declarationRequests.id })
      .from(declarationRequests)
      .where(and(eq(declarationRequests.declarationId, row.id), eq(declarationRequests.status, 'open'), eq(declarationRequests.kind, 'amendment')));
    const [before, after] = await Promise.all([payableUnder(tx, row.data, day), payableUnder(tx, input.data, day)]);
    const events = isReleased || isDemanded ? [] : await eventsOf(tx, row.id);
    const reasons = amendmentBarriers(row.data, input.data, isDemanded ? 'completion' : input.kind, events, { before: before ?? 0n, after: after ?? -1n });
    if (open.length > 0) reasons.push('request_pending');
    // Art.133 p.8 (CUS-DEC-50): after release only in a case of the authorised body's list, in the fields it opens (art.135 p.2 completion is the Code's own case).
    const afterRelease =
      isReleased && input.kind !== 'completion'
        ? await afterReleaseCheck(tx, { caseCode: input.caseCode, mode: 'permission', before: row.data, after: input.data, day: dushanbeDate(now) })
        : undefined;
    if (afterRelease) reasons.push(...afterRelease.reasons);
    if (reasons.length > 0)
      return fail('DECLARATION_AMENDMENT_NOT_ALLOWED', 'body.data', { reasons, ...(afterRelease?.fields.length ? { fields: afterRelease.fields } : {}) });
    const [request] = await tx
      .insert(declarationRequests)
      .values({
        id: uuidv7(now.getTime()),
        declarationId: row.id,
        kind: 'amendment',
        status: 'open',
        reason: input.reason,
        changes: { kind: input.kind, data: input.data, ...(input.caseCode ? { caseCode: input.caseCode } : {}) },
        signature: input.signature,
        certificatePem: input.certificatePem,
        requestedBy: actorOf(actor),
        requestedAt: now,
      })
      .returning();
    if (!isReleased && !isDemanded)
      await tx.update(declarations).set({ state: 'AMENDMENT_REQUESTED', resumeState: row.state, updatedAt: now }).where(eq(declarations.id, row.id));
    await appendAudit(tx, now, {
      actor: actorOf(actor),
      action: 'customs.amendment_requested',
      entity: 'customs.declaration',
      entityId: row.id,
      after: { kind: input.kind },
    });
    return ok(request as DeclarationRequestRow);
  });
}

/**
 * D13, D20 (art.134 p.1, 3, 5-8, 11; CUS-DEC-51, 53-57, 59): the declarant's motivated, signed
 * request to withdraw. A preliminary declaration whose goods were not presented, or a periodic
 * case, is withdrawn on the simple request of art.134 p.9-10 (AMB-04).
 */
export async function requestWithdrawal(
  deps: CustomsDeps,
  actor: AccountPrincipal,
  id: string,
  input: WithdrawalInput,
): Promise<Result<DeclarationRequestRow, Refusal>> {
  const verdict = await verifyRequest(deps, input, requestMessage(id, 'withdrawal', input.reason), deps.clock.now());
  return transact(deps.database.db, async (tx) => {
    const found = await lockDeclaration(tx, actor, id);
    if (!found.ok) return found;
    const row = found.value;
    if (!mayFile(actor, row)) return fail('DECLARATION_NOT_YOURS', 'params.id');
    const now = deps.clock.now();
    const bad = signatureRefusal(verdict, row);
    if (bad) return { ok: false, error: bad };
    const isSimple = row.state === 'WITHDRAWAL_DUE';
    const reasons = withdrawalBarriers(row.state, row.direction, row.exitedAt !== null, await eventsOf(tx, row.id), isSimple);
    // Art.134 p.3, 5 (CUS-DEC-53, 54): the border office's exit data and a stated free-zone withdrawal.
    if (!isSimple) reasons.push(...(await withdrawalExitReasons(tx, row, now)));
    if (row.state === 'WITHDRAWAL_REQUESTED' || row.state === 'DRAFT') reasons.push('state_final');
    if (reasons.length > 0) return fail('DECLARATION_WITHDRAWAL_NOT_ALLOWED', 'params.id', { reasons: [...new Set(reasons)] });
    const [request] = await tx
      .insert(declarationRequests)
      .values({
        id: uuidv7(now.getTime()),
        declarationId: row.id,
        kind: 'withdrawal',
        status: 'open',
        reason: input.reason,
        signature: input.signature,
        certificatePem: input.certificatePem,
        requestedBy: actorOf(actor),
        requestedAt: now,
      })
      .returning();
    if (!isSimple)
      await tx.update(declarations).set({ state: 'WITHDRAWAL_REQUESTED', resumeState: row.state, updatedAt: now }).where(eq(declarations.id, row.id));
    await appendAudit(tx, now, {
      actor: actorOf(actor),
      action: 'customs.withdrawal_requested',
      entity: 'customs.declaration',
      entityId: row.id,
      after: { simple: isSimple },
    });
    return ok(request as DeclarationRequestRow);
  });
}

/**
 * D10, D14 (art.133 p.1-2, art.134 p.6, art.149 p.6; CUS-DEC-55, CUS-REL-07): customs permits or
 * refuses, electronically. A permitted change becomes the next immutable version; a permitted
 * withdrawal ends the declaration, and a released one has its release annulled (D21). A refusal
 * returns the declaration to where it was, with the reasons.
 */
export async function decideRequest(
  deps: CustomsDeps,
  ports: ReleasePorts,
  actor: AccountPrincipal,
  id: string,
  requestId: string,
  input: { readonly permit: boolean; readonly reasons: readonly string[] },
): Promise<Result<DeclarationRow, Refusal>> {
  return transact(deps.database.db, async (tx) => {
    const found = await lockDeclaration(tx, actor, id);
    if (!found.ok) return found;
    const row = found.value;
    const [request] = await tx
      .select()
      .from(declarationRequests)
      .where(and(eq(declarationRequests.id, requestId), eq(declarationRequests.declarationId, id), eq(declarationRequests.status, 'open')));
    if (!request || request.kind === 'amendment_demand') return fail('DECLARATION_REQUEST_NOT_FOUND', 'params.requestId');
    if (!input.permit && input.reasons.length === 0) return fail('DECLARATION_DATA_INVALID', 'body.reasons');
    const now = deps.clock.now();
    await tx
      .update(declarationRequests)
      .set({ status: input.permit ? 'permitted' : 'refused', decidedBy: actorOf(actor), decidedAt: now, decisionReasons: [...input.reasons] })
      .where(eq(declarationRequests.id, request.id));
    const resume = row.resumeState ?? row.state;
    if (request.kind === 'amendment') {
      const changes = request.changes as { kind: AmendmentKind; data: DeclarationData; caseCode?: string };
      if (input.permit) {
        const version = row.version + 1;
        const payable = changes.kind === 'completion' ? await reassess(tx, changes.data, row.acceptedOn as string) : undefined;
        await tx.insert(declarationVersions).values({
          declarationId: row.id,
          version,
          data: changes.data,
          sha256: sha256Hex(requestMessage(row.id, amendmentTag(changes.kind, changes.caseCode), request.reason, changes.data)),
          signature: request.signature,
          certificatePem: request.certificatePem,
          signerTin: row.filerTin,
          reason: amendmentTag(changes.kind, changes.caseCode),
          actor: actorOf(actor),
          createdAt: now,
        });
        await tx
          .update(declarations)
          .set({
            data: changes.data,
            version,
            state: resume,
            resumeState: null,
            updatedAt: now,
            ...(changes.kind === 'completion' ? { incompleteCompletedAt: now, ...payable } : {}),
          })
          .where(eq(declarations.id, row.id));
        // D22 (art.133 p.8): the goods stay released and the statistics follow the changed data.
        if (row.state === 'RELEASED' || row.state === 'CONDITIONALLY_RELEASED') await publishChangedAfterRelease(tx, row, version, now);
        if (row.state === 'AMENDMENT_DEMANDED')
          await tx
            .update(declarationRequests)
            .set({ status: 'done', decidedBy: actorOf(actor), decidedAt: now })
            .where(
              and(eq(declarationRequests.declarationId, row.id), eq(declarationRequests.kind, 'amendment_demand'), eq(declarationRequests.status, 'open')),
            );
      } else if (row.state !== 'AMENDMENT_DEMANDED')
        await tx.update(declarations).set({ state: resume, resumeState: null, updatedAt: now }).where(eq(declarations.id, row.id));
    } else if (input.permit) {
      const wasReleased = resume === 'RELEASED' || resume === 'CONDITIONALLY_RELEASED';
      await tx
        .update(declarations)
        .set({
          state: wasReleased ? 'RELEASE_ANNULLED' : 'WITHDRAWN',
          withdrawnAt: now,
          ...(wasReleased ? { annulledAt: now } : {}),
          resumeState: null,
          updatedAt: now,
        })
        .where(eq(declarations.id, row.id));
    } else await tx.update(declarations).set({ state: resume, resumeState: null, updatedAt: now }).where(eq(declarations.id, row.id));
    await appendAudit(tx, now, {
      actor: actorOf(actor),
      action: `customs.${request.kind}_${input.permit ? 'permitted' : 'refused'}`,
      entity: 'customs.declaration',
      entityId: row.id,
      after: { requestId: request.id, reasons: input.reasons },
    });
    await notify(tx, now, {
      recipient: { kind: 'business', id: row.declarantCode },
      kind: `customs_${request.kind}_${input.permit ? 'permitted' : 'refused'}`,
      title: input.permit
        ? {
            tg: `Дархост оид ба эъломияи № ${row.number} иҷозат дода шуд`,
            ru: `Обращение по декларации № ${row.number} разрешено`,
            en: `Your request on declaration No ${row.number} is permitted`,
          }
        : {
            tg: `Дархост оид ба эъломияи № ${row.number} рад карда шуд`,
            ru: `В обращении по декларации № ${row.number} отказано`,
            en: `Your request on declaration No ${row.number} is refused`,
          },
      body: { tg: input.reasons.join('; '), ru: input.reasons.join('; '), en: input.reasons.join('; ') },
      subject: { type: 'customs_declaration', id: row.id },
    });
    if (request.kind === 'amendment' && input.permit) await releaseIfReady(tx, ports, row.id, now);
    const [after] = await tx.select().from(declarations).where(eq(declarations.id, row.id));
    return ok(after as DeclarationRow);
  });
}

async function reassess(tx: Db, data: DeclarationData, day: string) {
  const facts = await declarationFacts(tx, data, day, 'electronic');
  if (facts.rate === undefined) return {};
  return assessmentColumns(assess(data, facts.rate, (item) => facts.tariffs.get(item.commodityCode) as never));
}
