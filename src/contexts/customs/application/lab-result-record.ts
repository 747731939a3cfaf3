import { and, eq } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { transact } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { notify } from '../../../platform/notifications.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { DeclarationErrorCode } from '../domain/declaration-errors.ts';
import { isIsoDate } from '../domain/history.ts';
import type { LabResultErrorCode } from '../domain/lab-result-errors.ts';
import type { LabConclusion } from '../domain/sample-permissions.ts';
import { controlEvents } from '../infrastructure/declaration.schema.ts';
import { type LabResultRow, labResults } from '../infrastructure/sample.schema.ts';
import { actorOf, type CustomsDeps } from './deps.ts';
import { lockDeclaration } from './declaration-store.ts';

export type LabResultRefusal = Failure<LabResultErrorCode | DeclarationErrorCode>;
export type LabResultInput = {
  /** The expertise order (control event `expertise_ordered`) the samples were tested under. */
  readonly controlEventId: string;
  readonly laboratory: string;
  readonly reportNumber: string;
  readonly reportedOn: string;
  readonly items: readonly number[];
  readonly conclusion: LabConclusion;
  readonly findings: string;
};

/**
 * Art.127 p.1 i.4 (CUS-DEC-20): an officer records the result of the tests of samples (the
 * laboratory's or expert's report) against the expertise order of the declaration; the declarant
 * is told and reads it with the declaration.
 */
export async function recordLabResult(
  deps: CustomsDeps,
  actor: AccountPrincipal,
  declarationId: string,
  input: LabResultInput,
): Promise<Result<LabResultRow, LabResultRefusal>> {
  const now = deps.clock.now();
  const today = dushanbeDate(now);
  return transact(deps.database.db, async (tx) => {
    const found = await lockDeclaration(tx, actor, declarationId);
    if (!found.ok) return found;
    const declaration = found.value;
    const [order] = await tx
      .select()
      .from(controlEvents)
      .where(and(eq(controlEvents.id, input.controlEventId), eq(controlEvents.declarationId, declarationId), eq(controlEvents.kind, 'expertise_ordered')));
    if (!order) return fail('LAB_RESULT_EXPERTISE_NOT_FOUND', 'body.controlEventId');
    if (!isIsoDate(input.reportedOn) || input.reportedOn > today || input.reportedOn < dushanbeDate(order.at))
      return fail('LAB_RESULT_DATE_INVALID', 'body.reportedOn');
    const numbers = new Set(declaration.data.items.map((i) => i.number));
    const unknown = input.items.findIndex((n) => !numbers.has(n));
    if (unknown >= 0) return fail('LAB_RESULT_ITEM_UNKNOWN', `body.items.${unknown}`);
    const [row] = await tx
      .insert(labResults)
      .values({
        id: uuidv7(now.getTime()),
        declarationId,
        controlEventId: order.id,
        laboratory: input.laboratory,
        reportNumber: input.reportNumber,
        reportedOn: input.reportedOn,
        items: [...new Set(input.items)].sort((a, b) => a - b),
        conclusion: input.conclusion,
        findings: input.findings,
        recordedBy: actorOf(actor),
        recordedAt: now,
      })
      .returning();
    if (!row) throw new Error('lab result not stored');
    const number = declaration.number ?? declaration.id;
    await notify(tx, now, {
      recipient: { kind: 'business', id: declaration.declarantCode },
      kind: 'customs_lab_result_recorded',
      title: {
        tg: `Натиҷаи тадқиқоти чошнӣ ва намунаҳо аз рӯи эъломияи № ${number}`,
        ru: `Результаты исследования проб по декларации № ${number}`,
        en: `Results of the tests of samples, declaration No ${number}`,
      },
      body: {
        tg: 'Бо натиҷаҳо дар утоқи шахсӣ шинос шавед (м.127 қ.1 б.4).',
        ru: 'Ознакомьтесь с результатами в личном кабинете (ст.127 ч.1 п.4).',
        en: 'Read the results in your cabinet (art.127 p.1 i.4).',
      },
      subject: { type: 'customs_declaration', id: declarationId },
    });
    await appendAudit(tx, now, {
      actor: actorOf(actor),
      action: 'customs.lab_result_recorded',
      entity: 'customs.declaration',
      entityId: declarationId,
      after: { labResultId: row.id, controlEventId: order.id, conclusion: row.conclusion, items: row.items },
    });
    return ok(row);
  });
}
