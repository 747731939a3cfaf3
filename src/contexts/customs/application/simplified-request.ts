import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { transact } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { notify } from '../../../platform/notifications.ts';
import { fail, ok, type Result } from '../../../platform/result.ts';
import { isIsoDate } from '../domain/history.ts';
import { refusalNoticeDueAt } from '../domain/periodic.ts';
import type { SimplifiedProcedure } from '../domain/simplified.ts';
import { TABLES } from '../domain/tables.ts';
import { type SimplifiedRequestRow, simplifiedRequests } from '../infrastructure/simplified.schema.ts';
import { actorOf, type CustomsDeps } from './deps.ts';
import { getReferenceOn, tariffOn } from './reference-queries.ts';
import { nextSimplifiedNumber, type SimplifiedRefusal } from './simplified-queries.ts';

export type SimplifiedRequestInput = {
  readonly procedure: SimplifiedProcedure;
  readonly officeCode: string;
  readonly commodityCodes: readonly string[];
  readonly validFrom: string;
  readonly validTo: string;
  readonly reason: string;
};

/** The office accepts export declarations (art.125) of the kind, and every code is in the nomenclature today. */
async function checkReference(deps: CustomsDeps, input: SimplifiedRequestInput, today: string): Promise<SimplifiedRefusal | undefined> {
  const office = await getReferenceOn(deps, TABLES.offices, [input.officeCode], today);
  const kinds = office.ok ? (office.value.declarationKinds as string[]) : [];
  const regimes = office.ok ? (office.value.regimes as string[]) : [];
  const kindOk = kinds.includes('goods') || (input.procedure === 'periodic' && kinds.includes('periodic'));
  if (!kindOk || !regimes.includes('export')) return { code: 'SIMPLIFIED_OFFICE_NOT_COMPETENT', field: 'body.officeCode' };
  for (const [i, code] of input.commodityCodes.entries())
    if (!(await tariffOn(deps, code, today)).ok) return { code: 'SIMPLIFIED_CODE_UNKNOWN', field: `body.commodityCodes.${i}` };
  return undefined;
}

/**
 * Art.137 p.1 (CUS-DEC-75): the declarant asks to declare exported domestic goods by the simplified
 * procedure (incomplete declaration, art.135; periodic declaring, art.136) at an office, for codes
 * and a span of days. Customs decides against art.137 p.2; a refusal is due the next day (p.3).
 */
export async function requestSimplified(
  deps: CustomsDeps,
  actor: AccountPrincipal,
  declarantCode: string,
  input: SimplifiedRequestInput,
): Promise<Result<SimplifiedRequestRow, SimplifiedRefusal>> {
  const now = deps.clock.now();
  const today = dushanbeDate(now);
  if (!isIsoDate(input.validFrom) || input.validFrom < today) return fail('SIMPLIFIED_PERIOD_INVALID', 'body.validFrom');
  if (!isIsoDate(input.validTo) || input.validTo < input.validFrom) return fail('SIMPLIFIED_PERIOD_INVALID', 'body.validTo');
  const bad = await checkReference(deps, input, today);
  if (bad) return { ok: false, error: bad };
  return transact(deps.database.db, async (tx) => {
    const [row] = await tx
      .insert(simplifiedRequests)
      .values({
        id: uuidv7(now.getTime()),
        number: await nextSimplifiedNumber(tx, today.slice(0, 4)),
        procedure: input.procedure,
        source: 'request',
        periodicApplicationNumber: null,
        declarantCode,
        officeCode: input.officeCode,
        commodityCodes: [...new Set(input.commodityCodes)],
        validFrom: input.validFrom,
        validTo: input.validTo,
        reason: input.reason,
        state: 'REQUESTED',
        requestedBy: actorOf(actor),
        requestedAt: now,
        refusalNoticeDueAt: refusalNoticeDueAt(now),
      })
      .returning();
    if (!row) throw new Error('simplified request not stored');
    await notify(tx, now, {
      recipient: { kind: 'role', id: 'customs_officer' },
      kind: 'customs_simplified_requested',
      title: {
        tg: `Дархост оид ба тартиби содагардонидашудаи декларатсиякунонӣ № ${row.number}`,
        ru: `Запрос на упрощённый порядок декларирования № ${row.number}`,
        en: `Request for simplified declaring No ${row.number}`,
      },
      body: { tg: `${row.officeCode}: ${row.procedure}`, ru: `${row.officeCode}: ${row.procedure}`, en: `${row.officeCode}: ${row.procedure}` },
      subject: { type: 'customs_simplified_request', id: row.number },
    });
    await appendAudit(tx, now, {
      actor: actorOf(actor),
      action: 'customs.simplified_requested',
      entity: 'customs.simplified_request',
      entityId: row.id,
      after: { number: row.number, procedure: row.procedure, officeCode: row.officeCode, codes: row.commodityCodes },
    });
    return ok(row);
  });
}
