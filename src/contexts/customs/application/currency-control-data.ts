import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { transact } from '../../../platform/db.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { CurrencyControlErrorCode } from '../domain/currency-control-errors.ts';
import { isDecimal, scaled } from '../domain/declaration.ts';
import type { DeclarationErrorCode } from '../domain/declaration-errors.ts';
import { isIsoDate } from '../domain/history.ts';
import { TABLES } from '../domain/tables.ts';
import { currencyControlData } from '../infrastructure/currency-control.schema.ts';
import { currencyControlStatus, type CurrencyControlStatus } from './currency-control-filing.ts';
import { actorOf, type CustomsDeps } from './deps.ts';
import { lockDeclaration, mayFile, readDeclaration } from './declaration-store.ts';
import { exchangeRateOn, getReferenceOn } from './reference-queries.ts';

export type CurrencyControlRefusal = Failure<CurrencyControlErrorCode | DeclarationErrorCode>;
export type CurrencyControlInput = {
  readonly contractNumber?: string;
  readonly contractDate?: string;
  readonly contractCurrency?: string;
  readonly contractAmount?: string;
  readonly bankCode?: string;
  readonly bankName?: string;
  readonly dealPassportNumber?: string;
};

/** A real day, a currency of the reference data in force today, a positive amount with at most 2 decimals. */
async function checkValues(deps: CustomsDeps, input: CurrencyControlInput, today: string): Promise<CurrencyControlRefusal | undefined> {
  if (input.contractDate !== undefined && (!isIsoDate(input.contractDate) || input.contractDate > today))
    return { code: 'CURRENCY_CONTROL_DATA_INVALID', field: 'body.contractDate' };
  if (input.contractAmount !== undefined && (!isDecimal(input.contractAmount, 2) || scaled(input.contractAmount, 2) <= 0n))
    return { code: 'CURRENCY_CONTROL_DATA_INVALID', field: 'body.contractAmount' };
  if (input.contractCurrency !== undefined && !(await getReferenceOn(deps, TABLES.currencies, [input.contractCurrency], today)).ok)
    return { code: 'CURRENCY_CONTROL_DATA_INVALID', field: 'body.contractCurrency' };
  return undefined;
}

/**
 * Art.124 p.12 (CUS-DEC-11): the declarant (or its broker) gives with the draft the data currency
 * control needs (contract, currency and amount, the servicing bank, the deal passport); what it
 * sends replaces what it gave before. A filed declaration keeps the data it was filed with.
 */
export async function giveCurrencyControlData(
  deps: CustomsDeps,
  actor: AccountPrincipal,
  declarationId: string,
  input: CurrencyControlInput,
): Promise<Result<CurrencyControlStatus, CurrencyControlRefusal>> {
  const now = deps.clock.now();
  const today = dushanbeDate(now);
  const bad = await checkValues(deps, input, today);
  if (bad) return { ok: false, error: bad };
  const given = await transact(deps.database.db, async (tx) => {
    const found = await lockDeclaration(tx, actor, declarationId);
    if (!found.ok) return found;
    const row = found.value;
    if (!mayFile(actor, row)) return fail('DECLARATION_NOT_YOURS', 'params.id');
    if (row.state !== 'DRAFT') return fail('CURRENCY_CONTROL_DECLARATION_FILED', 'params.id', { state: row.state });
    const values = {
      contractNumber: input.contractNumber ?? null,
      contractDate: input.contractDate ?? null,
      contractCurrency: input.contractCurrency ?? null,
      contractAmount: input.contractAmount ?? null,
      bankCode: input.bankCode ?? null,
      bankName: input.bankName ?? null,
      dealPassportNumber: input.dealPassportNumber ?? null,
      updatedBy: actorOf(actor),
      updatedAt: now,
    };
    await tx
      .insert(currencyControlData)
      .values({ declarationId, ...values })
      .onConflictDoUpdate({ target: currencyControlData.declarationId, set: values });
    await appendAudit(tx, now, {
      actor: actorOf(actor),
      action: 'customs.currency_control_data_given',
      entity: 'customs.declaration',
      entityId: declarationId,
      after: input,
    });
    return ok(row);
  });
  return given.ok ? currencyControlView(deps, actor, declarationId) : given;
}

/**
 * CUS-DEC-11: for the declarant and customs, whether the declaration serves currency control (on
 * the day it was accepted, or today for a draft), under which rules, the data given and what is missing.
 */
export async function currencyControlView(
  deps: CustomsDeps,
  viewer: AccountPrincipal,
  declarationId: string,
): Promise<Result<CurrencyControlStatus, CurrencyControlRefusal>> {
  const db = deps.database.db;
  const found = await readDeclaration(db, viewer, declarationId);
  if (!found.ok) return found;
  const day = found.value.acceptedOn ?? dushanbeDate(deps.clock.now());
  const rate = await exchangeRateOn(deps, found.value.data.currency, day);
  return ok(await currencyControlStatus(db, declarationId, found.value.data, day, rate.ok ? rate.value.somoniPerUnit : undefined));
}
