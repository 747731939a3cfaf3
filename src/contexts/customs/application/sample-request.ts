import { sql } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { type Db, rows, transact } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { notify } from '../../../platform/notifications.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { isDecimal, scaled } from '../domain/declaration.ts';
import type { DeclarationErrorCode } from '../domain/declaration-errors.ts';
import type { SampleLine } from '../domain/sample-permissions.ts';
import type { SampleErrorCode } from '../domain/sample-errors.ts';
import { type SamplePermissionRow, samplePermissions } from '../infrastructure/sample.schema.ts';
import { actorOf, type CustomsDeps } from './deps.ts';
import { lockDeclaration, mayFile } from './declaration-store.ts';
import { tariffOn } from './reference-queries.ts';

export type SampleRefusal = Failure<SampleErrorCode | DeclarationErrorCode>;
export type SampleRequestInput = {
  readonly purpose: string;
  readonly lines: readonly { readonly commodityCode: string; readonly description: string; readonly quantity: string }[];
};

/** SP-<year>-<6 digits>: the permission's number, unique for good. */
async function nextNumber(tx: Db, year: string): Promise<string> {
  const [row] = await rows<{ n: string }>(tx, sql`SELECT nextval('customs.sample_permission_seq')::text AS n`);
  return `SP-${year}-${String(row?.n ?? '0').padStart(6, '0')}`;
}

/** Each line's code in force today, with its unit (the quantity is in that unit), and a positive quantity. */
async function linesWithUnits(deps: CustomsDeps, input: SampleRequestInput, day: string): Promise<Result<SampleLine[], SampleRefusal>> {
  const lines: SampleLine[] = [];
  for (const [i, line] of input.lines.entries()) {
    if (!isDecimal(line.quantity, 3) || scaled(line.quantity, 3) <= 0n) return fail('SAMPLE_QUANTITY_INVALID', `body.lines.${i}.quantity`);
    const tariff = await tariffOn(deps, line.commodityCode, day);
    if (!tariff.ok) return fail('SAMPLE_CODE_UNKNOWN', `body.lines.${i}.commodityCode`);
    lines.push({ commodityCode: line.commodityCode, description: line.description, quantity: line.quantity, unit: tariff.value.duty.unit });
  }
  return ok(lines);
}

/**
 * Art.127 p.1 i.2 (CUS-DEC-18): the declarant (or its broker) asks customs' permission to take
 * samples and specimens of the imported goods of a draft declaration, by commodity code and
 * quantity in the unit of the code. The officers are told; the samples are then stated as lines of
 * that declaration, with no declaration of their own.
 */
export async function requestSamplePermission(
  deps: CustomsDeps,
  actor: AccountPrincipal,
  declarationId: string,
  input: SampleRequestInput,
): Promise<Result<SamplePermissionRow, SampleRefusal>> {
  const now = deps.clock.now();
  const day = dushanbeDate(now);
  const lines = await linesWithUnits(deps, input, day);
  if (!lines.ok) return lines;
  return transact(deps.database.db, async (tx) => {
    const found = await lockDeclaration(tx, actor, declarationId);
    if (!found.ok) return found;
    const declaration = found.value;
    if (!mayFile(actor, declaration)) return fail('DECLARATION_NOT_YOURS', 'params.id');
    if (declaration.state !== 'DRAFT') return fail('SAMPLE_DECLARATION_NOT_DRAFT', 'params.id', { state: declaration.state });
    if (declaration.direction !== 'import') return fail('SAMPLE_GOODS_NOT_IMPORTED', 'params.id');
    const [row] = await tx
      .insert(samplePermissions)
      .values({
        id: uuidv7(now.getTime()),
        number: await nextNumber(tx, day.slice(0, 4)),
        declarationId,
        declarantCode: declaration.declarantCode,
        officeCode: declaration.officeCode,
        lines: lines.value,
        purpose: input.purpose,
        state: 'REQUESTED',
        requestedBy: actorOf(actor),
        requestedAt: now,
      })
      .returning();
    if (!row) throw new Error('sample permission not stored');
    await notify(tx, now, {
      recipient: { kind: 'role', id: 'customs_officer' },
      kind: 'customs_sample_permission_requested',
      title: {
        tg: `Дархост барои гирифтани чошнӣ ва намунаҳо № ${row.number}`,
        ru: `Запрос на взятие проб и образцов № ${row.number}`,
        en: `Request to take samples No ${row.number}`,
      },
      body: { tg: `${row.officeCode}: ${row.purpose}`, ru: `${row.officeCode}: ${row.purpose}`, en: `${row.officeCode}: ${row.purpose}` },
      subject: { type: 'customs_sample_permission', id: row.number },
    });
    await appendAudit(tx, now, {
      actor: actorOf(actor),
      action: 'customs.sample_permission_requested',
      entity: 'customs.sample_permission',
      entityId: row.id,
      after: { number: row.number, declarationId, lines: row.lines },
    });
    return ok(row);
  });
}
