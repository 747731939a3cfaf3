import type { AccountPrincipal } from '../../../platform/auth.ts';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { transact } from '../../../platform/db.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { RequestErrorCode } from '../domain/errors.ts';
import type { IdentityErrorCode } from '../domain/identity-errors.ts';
import { displayName, type TaxpayerKind } from '../domain/identity.ts';
import type { TaxpayerRow } from '../infrastructure/identity.schema.ts';
import { actorOf, type TaxServicesDeps } from './deps.ts';
import { completeRequest, openRequest } from './requests.ts';
import { findByTin, logAccess } from './taxpayers.ts';

/** What anyone may know about a counterparty: nothing private (no document, no birth date, no address of a person). */
export type CounterpartyInformation = {
  readonly tin: string;
  readonly name: string;
  readonly kind: TaxpayerKind;
  readonly status: 'active' | 'deregistered';
  readonly isVatPayer: boolean;
  /** Dushanbe dates. */
  readonly registeredOn: string;
  readonly deregisteredOn: string | null;
};

/**
 * A private person who does not trade is nobody's counterparty, and their name by TIN would undo
 * the protection of "Find out TIN" (TS-44, TS-52): such a TIN gets the answer of an unknown one.
 */
const isCounterparty = (row: TaxpayerRow | undefined): row is TaxpayerRow => row !== undefined && row.kind !== 'individual';

const informationOf = (row: TaxpayerRow): CounterpartyInformation => ({
  tin: row.tin,
  name: displayName(row),
  kind: row.kind,
  status: row.status,
  isVatPayer: row.isVatPayer,
  registeredOn: dushanbeDate(row.registeredAt),
  deregisteredOn: row.deregisteredAt ? dushanbeDate(row.deregisteredAt) : null,
});

export type CounterpartyAnswer = { readonly information: CounterpartyInformation | null; readonly requestNumber: string | null };

/**
 * TS-48, 05.05.06 "Information for choosing a counterparty", in real time: from the website for
 * anyone, or from the cabinet, where the query is a request of 05.05.06 opened and completed at
 * once with the information as its result, so it shows in the cabinet's history (TS-49). Every
 * query is logged (TS-52).
 */
export async function counterpartyInformation(
  deps: TaxServicesDeps,
  tin: string,
  via: { readonly principal: AccountPrincipal | null; readonly clientKey: string | null },
): Promise<Result<CounterpartyAnswer, Failure<IdentityErrorCode | RequestErrorCode>>> {
  const isCabinet = via.principal !== null && (via.principal.role === 'taxpayer' || via.principal.role === 'business') && via.principal.tin !== null;
  return transact(deps.database.db, async (tx) => {
    const found = await findByTin(tx, tin);
    const row = isCounterparty(found) ? found : undefined;
    const at = deps.clock.now();
    const actor = via.principal ? actorOf(via.principal) : 'public';
    await logAccess(tx, at, {
      purpose: 'counterparty',
      channel: isCabinet ? 'cabinet' : 'website',
      actor,
      clientKey: via.clientKey,
      taxpayerId: row?.id ?? null,
    });
    const information = row ? informationOf(row) : null;
    if (!isCabinet || !via.principal) return ok({ information, requestNumber: null });
    const opened = await openRequest(tx, deps, actor, {
      serviceKey: '05.05.06',
      channel: 'cabinet',
      applicant: { tin: via.principal.tin, name: via.principal.displayName },
      subject: { counterpartyTin: tin },
    });
    if (!opened.ok) return opened;
    const content = Buffer.from(JSON.stringify(information ?? { tin, isFound: false }));
    const completed = await completeRequest(tx, deps, 'system', opened.value.id, [
      { kind: 'counterparty_information', fileName: `counterparty-${tin}.json`, mediaType: 'application/json', content },
    ]);
    if (!completed.ok) return completed;
    return ok({ information, requestNumber: opened.value.number });
  });
}

/** The same for a caller that wants a refusal when nobody matches. */
export async function requireCounterparty(
  ...args: Parameters<typeof counterpartyInformation>
): Promise<Result<CounterpartyInformation & { requestNumber: string | null }, Failure<IdentityErrorCode | RequestErrorCode>>> {
  const answer = await counterpartyInformation(...args);
  if (!answer.ok) return answer;
  if (!answer.value.information)
    return fail('COUNTERPARTY_NOT_FOUND', 'params.tin', answer.value.requestNumber ? { requestNumber: answer.value.requestNumber } : undefined);
  return ok({ ...answer.value.information, requestNumber: answer.value.requestNumber });
}
