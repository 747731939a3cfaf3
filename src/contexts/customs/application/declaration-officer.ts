/**
 * The customs officer's decisions on a declaration that are not requests of the declarant: refusal
 * of release (art.153), the demand to amend (art.133 p.6), the permission for an incomplete
 * declaration (art.135 p.1), presentation of the goods of a preliminary declaration (art.130 p.2-3),
 * the actual exit of exported goods (art.134 p.3), and the request for originals (art.63 p.12).
 */
import { and, eq } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { type Db, transact } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { notify } from '../../../platform/notifications.ts';
import { publish } from '../../../platform/outbox.ts';
import { fail, ok, type Result } from '../../../platform/result.ts';
import { canMove } from '../domain/declaration.ts';
import { type DeclarationRow, declarationRequests, declarations, originalRequests } from '../infrastructure/declaration.schema.ts';
import { offices } from '../infrastructure/schema.ts';
import { actorOf, type CustomsDeps } from './deps.ts';
import { DECLARATION_REGISTERED } from './declaration-register.ts';
import { lockDeclaration, type Refusal } from './declaration-store.ts';

/** Art.153 p.1 i.1-7 (CUS-REL-10): the grounds on which release is refused. */
export const REFUSAL_GROUNDS = {
  1: 'conditions of art.149 not met',
  2: 'customs’ demand to amend (art.133 p.6) not met',
  3: 'preliminary declaring: the goods were not presented (art.130 p.4, AMB-03)',
  4: 'goods not presented on demand within the release period',
  5: 'suspension of release (art.441(1) p.5) not cancelled',
  6: 'requirements of art.63 p.11 and art.404 p.2, 4 not met',
  7: 'customs control found violations not remedied',
} as const;

const after = async (tx: Db, id: string) => (await tx.select().from(declarations).where(eq(declarations.id, id)))[0] as DeclarationRow;

const tell = (
  tx: Db,
  at: Date,
  row: DeclarationRow,
  kind: string,
  title: { tg: string; ru: string; en: string },
  body: { tg: string; ru: string; en: string },
) => notify(tx, at, { recipient: { kind: 'business', id: row.declarantCode }, kind, title, body, subject: { type: 'customs_declaration', id: row.id } });

/**
 * D19 (art.153 p.1-2; CUS-REL-10, 11): refusal names one or more of the seven grounds and is made
 * only before the release period of art.152 ends.
 */
export async function refuseRelease(
  deps: CustomsDeps,
  actor: AccountPrincipal,
  id: string,
  input: { readonly grounds: readonly number[]; readonly explanation: string },
): Promise<Result<DeclarationRow, Refusal>> {
  return transact(deps.database.db, async (tx) => {
    const found = await lockDeclaration(tx, actor, id);
    if (!found.ok) return found;
    const row = found.value;
    if (!canMove(row.state, 'D19_refused')) return fail('DECLARATION_STATE_INVALID', 'params.id', { state: row.state });
    const grounds = [...new Set(input.grounds)].sort();
    if (grounds.length === 0 || grounds.some((g) => !(g in REFUSAL_GROUNDS))) return fail('DECLARATION_REFUSAL_GROUND_INVALID', 'body.grounds');
    const now = deps.clock.now();
    if (row.releaseDueAt && now > row.releaseDueAt) return fail('DECLARATION_REFUSAL_TOO_LATE', 'params.id', { releaseDueAt: row.releaseDueAt.toISOString() });
    await tx
      .update(declarations)
      .set({ state: 'RELEASE_REFUSED', refusedAt: now, refusalGrounds: grounds, resumeState: null, updatedAt: now })
      .where(eq(declarations.id, row.id));
    await tx
      .update(declarationRequests)
      .set({ status: 'refused', decidedBy: actorOf(actor), decidedAt: now, decisionReasons: ['release_refused'] })
      .where(and(eq(declarationRequests.declarationId, row.id), eq(declarationRequests.status, 'open')));
    await appendAudit(tx, now, {
      actor: actorOf(actor),
      action: 'customs.release_refused',
      entity: 'customs.declaration',
      entityId: row.id,
      after: { grounds },
    });
    const listed = grounds.map((g) => `${g}) ${REFUSAL_GROUNDS[g as keyof typeof REFUSAL_GROUNDS]}`).join('; ');
    await tell(
      tx,
      now,
      row,
      'customs_release_refused',
      { tg: `Дар барориши молҳо рад карда шуд: № ${row.number}`, ru: `Отказ в выпуске товаров: № ${row.number}`, en: `Release refused: No ${row.number}` },
      {
        tg: `Асосҳо (м.153 қ.1): ${listed}. ${input.explanation}`,
        ru: `Основания (ст.153 ч.1): ${listed}. ${input.explanation}`,
        en: `Grounds (art.153 p.1): ${listed}. ${input.explanation}`,
      },
    );
    return ok(await after(tx, row.id));
  });
}

/** D11 (art.133 p.6-7; CUS-DEC-49): curable violations found: the declarant must amend within the release period. */
export async function demandAmendment(
  deps: CustomsDeps,
  actor: AccountPrincipal,
  id: string,
  input: { readonly what: string },
): Promise<Result<DeclarationRow, Refusal>> {
  return transact(deps.database.db, async (tx) => {
    const found = await lockDeclaration(tx, actor, id);
    if (!found.ok) return found;
    const row = found.value;
    if (!canMove(row.state, 'D11_amendment_demanded')) return fail('DECLARATION_STATE_INVALID', 'params.id', { state: row.state });
    const now = deps.clock.now();
    await tx.insert(declarationRequests).values({
      id: uuidv7(now.getTime()),
      declarationId: row.id,
      kind: 'amendment_demand',
      status: 'open',
      reason: input.what,
      requestedBy: actorOf(actor),
      requestedAt: now,
      dueAt: row.releaseDueAt,
    });
    await tx.update(declarations).set({ state: 'AMENDMENT_DEMANDED', resumeState: row.state, updatedAt: now }).where(eq(declarations.id, row.id));
    await appendAudit(tx, now, {
      actor: actorOf(actor),
      action: 'customs.amendment_demanded',
      entity: 'customs.declaration',
      entityId: row.id,
      after: { what: input.what },
    });
    const due = row.releaseDueAt?.toISOString() ?? '';
    await tell(
      tx,
      now,
      row,
      'customs_amendment_demanded',
      {
        tg: `Талаби тағйир додани эъломияи № ${row.number}`,
        ru: `Требование изменить декларацию № ${row.number}`,
        en: `Customs demand to amend declaration No ${row.number}`,
      },
      { tg: `${input.what}. Мӯҳлат: ${due} (м.133 қ.6).`, ru: `${input.what}. Срок: ${due} (ст.133 ч.6).`, en: `${input.what}. Due: ${due} (art.133 p.6).` },
    );
    return ok(await after(tx, row.id));
  });
}

/** Art.135 p.1 (CUS-DEC-60): customs permits the declarant to file the draft as an incomplete declaration. */
export async function permitIncomplete(deps: CustomsDeps, actor: AccountPrincipal, id: string): Promise<Result<DeclarationRow, Refusal>> {
  return transact(deps.database.db, async (tx) => {
    const found = await lockDeclaration(tx, actor, id);
    if (!found.ok) return found;
    const row = found.value;
    if (row.state !== 'DRAFT' || row.form !== 'incomplete') return fail('DECLARATION_STATE_INVALID', 'params.id', { state: row.state, form: row.form });
    const now = deps.clock.now();
    await tx
      .update(declarations)
      .set({ incompletePermittedAt: now, incompletePermittedBy: actorOf(actor), updatedAt: now })
      .where(eq(declarations.id, row.id));
    await appendAudit(tx, now, { actor: actorOf(actor), action: 'customs.incomplete_permitted', entity: 'customs.declaration', entityId: row.id });
    return ok(await after(tx, row.id));
  });
}

/**
 * D5 (art.130 p.2-3; CUS-DEC-31, 32): the goods of a preliminary declaration are presented; copies
 * were compared with originals where needed; the declaration is now the ordinary registered one,
 * the release period runs from now, and risk management gets it.
 */
export async function presentPreliminaryGoods(deps: CustomsDeps, actor: AccountPrincipal, id: string): Promise<Result<DeclarationRow, Refusal>> {
  return transact(deps.database.db, async (tx) => {
    const found = await lockDeclaration(tx, actor, id);
    if (!found.ok) return found;
    const row = found.value;
    if (!canMove(row.state, 'D5_goods_presented')) return fail('DECLARATION_STATE_INVALID', 'params.id', { state: row.state });
    const now = deps.clock.now();
    const [office] = await tx.select({ calendarOffice: offices.calendarOffice }).from(offices).where(eq(offices.code, row.officeCode)).limit(1);
    const releaseDueAt = deps.calendar().addWorkingDays(now, deps.declarations.releaseWorkingDays, office?.calendarOffice ?? 'default');
    await tx.update(declarations).set({ state: 'REGISTERED', releaseDueAt, updatedAt: now }).where(eq(declarations.id, row.id));
    await appendAudit(tx, now, { actor: actorOf(actor), action: 'customs.preliminary_goods_presented', entity: 'customs.declaration', entityId: row.id });
    await publish(tx, DECLARATION_REGISTERED, { declarationId: row.id, number: row.number, officeCode: row.officeCode }, now);
    return ok(await after(tx, row.id));
  });
}

/** Art.134 p.3 (CUS-DEC-53): exported goods actually left the customs territory; withdrawal ends here. */
export async function recordExit(deps: CustomsDeps, actor: AccountPrincipal, id: string): Promise<Result<DeclarationRow, Refusal>> {
  return transact(deps.database.db, async (tx) => {
    const found = await lockDeclaration(tx, actor, id);
    if (!found.ok) return found;
    const row = found.value;
    if (row.direction !== 'export' || !['RELEASED', 'CONDITIONALLY_RELEASED'].includes(row.state) || row.exitedAt !== null)
      return fail('DECLARATION_STATE_INVALID', 'params.id', { state: row.state });
    const now = deps.clock.now();
    await tx.update(declarations).set({ exitedAt: now, updatedAt: now }).where(eq(declarations.id, row.id));
    await appendAudit(tx, now, { actor: actorOf(actor), action: 'customs.goods_exited', entity: 'customs.declaration', entityId: row.id });
    return ok(await after(tx, row.id));
  });
}

/** Art.63 p.12 (CUS-DOC-13, A-24): originals may be asked only of three kinds, and only on a risk basis. */
export const ORIGINAL_KINDS = ['customs_value', 'origin_for_preference', 'payment_relief'] as const;

export async function requestOriginal(
  deps: CustomsDeps,
  actor: AccountPrincipal,
  id: string,
  input: { readonly documentType: string; readonly kind: (typeof ORIGINAL_KINDS)[number]; readonly riskBasis: string },
): Promise<Result<DeclarationRow, Refusal>> {
  return transact(deps.database.db, async (tx) => {
    const found = await lockDeclaration(tx, actor, id);
    if (!found.ok) return found;
    const row = found.value;
    if (row.riskLane === null) return fail('DECLARATION_STATE_INVALID', 'params.id', { state: row.state, reason: 'no_risk_basis' });
    if (!row.data.documents.some((d) => d.typeCode === input.documentType)) return fail('DECLARATION_DATA_INVALID', 'body.documentType');
    const now = deps.clock.now();
    await tx.insert(originalRequests).values({
      id: uuidv7(now.getTime()),
      declarationId: row.id,
      documentType: input.documentType,
      kind: input.kind,
      requestedAt: now,
      requestedBy: actorOf(actor),
      riskBasis: input.riskBasis,
    });
    await appendAudit(tx, now, { actor: actorOf(actor), action: 'customs.original_requested', entity: 'customs.declaration', entityId: row.id, after: input });
    await tell(
      tx,
      now,
      row,
      'customs_original_requested',
      {
        tg: `Пешниҳоди асли ҳуҷҷат: № ${row.number}`,
        ru: `Представьте оригинал документа: № ${row.number}`,
        en: `Please present an original: No ${row.number}`,
      },
      { tg: `${input.documentType} (м.63 қ.12)`, ru: `${input.documentType} (ст.63 ч.12)`, en: `${input.documentType} (art.63 p.12)` },
    );
    return ok(await after(tx, row.id));
  });
}

/** Art.63 p.13 (CUS-DOC-14): the official saw the original. */
export async function recordOriginalSeen(deps: CustomsDeps, actor: AccountPrincipal, id: string, requestId: string): Promise<Result<DeclarationRow, Refusal>> {
  return transact(deps.database.db, async (tx) => {
    const found = await lockDeclaration(tx, actor, id);
    if (!found.ok) return found;
    const [request] = await tx
      .select()
      .from(originalRequests)
      .where(and(eq(originalRequests.id, requestId), eq(originalRequests.declarationId, id)));
    if (!request || request.seenAt !== null) return fail('DECLARATION_REQUEST_NOT_FOUND', 'params.requestId');
    const now = deps.clock.now();
    await tx
      .update(originalRequests)
      .set({ seenAt: now, seenBy: actorOf(actor) })
      .where(eq(originalRequests.id, requestId));
    await appendAudit(tx, now, { actor: actorOf(actor), action: 'customs.original_seen', entity: 'customs.declaration', entityId: id, after: { requestId } });
    return ok(await after(tx, id));
  });
}
