import { eq } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { type Db, transact } from '../../../platform/db.ts';
import { notify } from '../../../platform/notifications.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { AfterReleaseErrorCode } from '../domain/after-release-errors.ts';
import type { DeclarationData } from '../domain/declaration.ts';
import { assess } from '../domain/declaration-payments.ts';
import type { DeclarationErrorCode } from '../domain/declaration-errors.ts';
import { amendmentBarriers } from '../domain/declaration-rules.ts';
import { type DeclarationRow, declarations, declarationVersions } from '../infrastructure/declaration.schema.ts';
import { afterReleaseCheck } from './after-release-check.ts';
import { actorOf, type CustomsDeps } from './deps.ts';
import { declarationFacts } from './declaration-facts.ts';
import { sha256Hex, signingBytes } from './declaration-signature.ts';
import { publishChangedAfterRelease } from './declaration-release.ts';
import { lockDeclaration } from './declaration-store.ts';

export type AfterReleaseDecisionInput = { readonly caseCode: string; readonly reason: string; readonly data: DeclarationData };
export type AfterReleaseRefusal = Failure<AfterReleaseErrorCode | DeclarationErrorCode>;

/** The payable and secured amounts under some data at the rates of the day of acceptance, or undefined when they cannot be computed. */
async function paymentsUnder(tx: Db, data: DeclarationData, day: string): Promise<bigint | undefined> {
  const facts = await declarationFacts(tx, data, day, 'electronic');
  if (facts.rate === undefined || data.items.some((i) => !facts.tariffs.has(i.commodityCode))) return undefined;
  const a = assess(data, facts.rate, (item) => facts.tariffs.get(item.commodityCode) as never);
  return a.payableDirams + a.toSecureDirams;
}

/**
 * Art.133 p.8 (CUS-DEC-50): customs changes declared data after release by its own decision, in a
 * case of the authorised body's list that allows it, only in the fields the case opens; no goods
 * are added (p.4), and who, where and under which regime stay as declared. A change that would
 * alter the payments or the goods' codes and categories is refused here: its adjustment of payments
 * belongs to the payment slice. The change is the next version, signed by no declarant, with the
 * officer as its author; the declarant is told.
 */
export async function decideAfterReleaseChange(
  deps: CustomsDeps,
  actor: AccountPrincipal,
  id: string,
  input: AfterReleaseDecisionInput,
): Promise<Result<DeclarationRow, AfterReleaseRefusal>> {
  const now = deps.clock.now();
  return transact(deps.database.db, async (tx) => {
    const found = await lockDeclaration(tx, actor, id);
    if (!found.ok) return found;
    const row = found.value;
    if (row.state !== 'RELEASED' && row.state !== 'CONDITIONALLY_RELEASED') return fail('DECLARATION_STATE_INVALID', 'params.id', { state: row.state });
    const day = row.acceptedOn as string;
    const [before, after] = await Promise.all([paymentsUnder(tx, row.data, day), paymentsUnder(tx, input.data, day)]);
    const verdict = await afterReleaseCheck(tx, { caseCode: input.caseCode, mode: 'decision', before: row.data, after: input.data, day: dushanbeDate(now) });
    const reasons = [...verdict.reasons, ...amendmentBarriers(row.data, input.data, 'location_or_typo', [], { before: before ?? 0n, after: after ?? -1n })];
    if (reasons.length > 0) return fail('AFTER_RELEASE_CHANGE_NOT_ALLOWED', 'body.data', { reasons, fields: verdict.fields });
    const version = row.version + 1;
    const tag = `after_release_decision:${input.caseCode}`;
    await tx.insert(declarationVersions).values({
      declarationId: row.id,
      version,
      data: input.data,
      sha256: sha256Hex(signingBytes({ declarationId: row.id, kind: tag, reason: input.reason, data: input.data })),
      signature: null,
      certificatePem: null,
      signerTin: null,
      reason: tag,
      actor: actorOf(actor),
      createdAt: now,
    });
    const [changed] = await tx.update(declarations).set({ data: input.data, version, updatedAt: now }).where(eq(declarations.id, row.id)).returning();
    await publishChangedAfterRelease(tx, row, version, now);
    await notify(tx, now, {
      recipient: { kind: 'business', id: row.declarantCode },
      kind: 'customs_after_release_change_decided',
      title: {
        tg: `Маълумоти эъломияи № ${row.number} бо қарори мақоми гумрукӣ тағйир дода шуд`,
        ru: `Сведения декларации № ${row.number} изменены по решению таможенного органа`,
        en: `Declaration No ${row.number} was changed by decision of customs`,
      },
      body: { tg: `${input.caseCode}: ${input.reason}`, ru: `${input.caseCode}: ${input.reason}`, en: `${input.caseCode}: ${input.reason}` },
      subject: { type: 'customs_declaration', id: row.id },
    });
    await appendAudit(tx, now, {
      actor: actorOf(actor),
      action: 'customs.after_release_change_decided',
      entity: 'customs.declaration',
      entityId: row.id,
      after: { version, caseCode: input.caseCode, reason: input.reason },
    });
    return ok(changed as DeclarationRow);
  });
}
