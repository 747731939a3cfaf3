import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import type { Db } from '../../../platform/db.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { RequestErrorCode } from '../domain/errors.ts';
import { columnsOf } from '../domain/ledger.ts';
import type { LedgerErrorCode } from '../domain/ledger-errors.ts';
import { paymentsCertificatePdf, type REGIME_NAMES, reconciliationActCsv, reconciliationActPdf } from '../infrastructure/ledger-documents.ts';
import { ledgerEntries } from '../infrastructure/ledger.schema.ts';
import type { TaxServicesDeps } from './deps.ts';
import { checkPastDate, type LedgerApplicant, loadAct, openLedgerRequest, registerDocument, taxpayerRef, taxTypeNames } from './ledger.ts';
import { type IssuedDocument, pdf } from './no-debt-certificate.ts';
import { sha256Hex } from '../../../platform/bytes.ts';
import { completeRequest } from './requests.ts';

export type PeriodInput = { readonly from: string; readonly to: string };
export type LedgerRequestOutcome = {
  readonly requestId: string;
  readonly requestNumber: string;
  readonly documents: readonly IssuedDocument[];
  /** 06.06.02: dirams paid per tax type in the period. */
  readonly totals?: readonly { readonly taxType: string; readonly amount: number }[];
};

type Refusal = Failure<LedgerErrorCode | RequestErrorCode>;

function checkRange(deps: TaxServicesDeps, range: PeriodInput): Refusal | null {
  const bad = checkPastDate(deps, range.from, 'body.from') ?? checkPastDate(deps, range.to, 'body.to');
  if (bad) return bad;
  return range.from > range.to ? { code: 'DATE_RANGE_INVALID', field: 'body.from' } : null;
}

/**
 * 06.06.04 (up to 1 working day; done at once from the ledger): the request is opened and completed
 * in one transaction with the act as a PDF and as CSV: the opening balance on `from`, every entry
 * with its value date in the period and the closing balance on `to`, per tax type.
 */
export async function requestReconciliationAct(
  tx: Db,
  deps: TaxServicesDeps,
  actor: string,
  who: LedgerApplicant,
  range: PeriodInput,
): Promise<Result<LedgerRequestOutcome, Refusal>> {
  const bad = checkRange(deps, range);
  if (bad) return fail(bad.code, bad.field);
  const opened = await openLedgerRequest(tx, deps, actor, '06.06.04', who, { subject: { from: range.from, to: range.to } });
  if (!opened.ok) return opened;
  const request = opened.value;
  const at = deps.clock.now();
  const act = await loadAct(tx, who.tin, range.from, range.to);
  const number = `RA-${request.number}`;
  const file = await reconciliationActPdf({ number, issuedAt: at, taxpayer: await taxpayerRef(tx, who.tin), act, names: await taxTypeNames(tx) });
  const csv = Buffer.from(reconciliationActCsv(act), 'utf8');
  const done = await completeRequest(tx, deps, actor, request.id, [
    pdf('reconciliation_act', `${number}.pdf`, file),
    { kind: 'reconciliation_act', fileName: `${number}.csv`, mediaType: 'text/csv', content: csv },
  ]);
  if (!done.ok) return done;
  const document = { number, kind: 'reconciliation_act', resultId: done.value.resultIds[0] as string, sha256: sha256Hex(file) };
  await registerDocument(tx, {
    ...document,
    kind: 'reconciliation_act',
    tin: who.tin,
    requestId: request.id,
    issuedAt: at,
    periodFrom: range.from,
    periodTo: range.to,
  });
  return ok({ requestId: request.id, requestNumber: request.number, documents: [document] });
}

/**
 * The tax types that 06.06.02 reports: income tax in the form the regime takes (personal income
 * tax, the patent fee, the single agricultural tax of dehkan farms) and social tax.
 */
export const PAYMENTS_CERTIFICATE_TAX_TYPES = ['pit', 'patent', 'agricultural', 'social'] as const;
export type Regime = keyof typeof REGIME_NAMES;

/**
 * 06.06.02: the certificate of income and social tax payments, for the social protection of an
 * individual entrepreneur on a patent or a certificate, or of a dehkan farm. The regime is as the
 * applicant states it (the ledger does not know regimes); the payments are the ledger's payment
 * entries of those tax types with value dates in the period, a reversed payment counting negative.
 */
export async function requestPaymentsCertificate(
  tx: Db,
  deps: TaxServicesDeps,
  actor: string,
  who: LedgerApplicant,
  input: PeriodInput & { readonly regime: Regime },
): Promise<Result<LedgerRequestOutcome, Refusal>> {
  const bad = checkRange(deps, input);
  if (bad) return fail(bad.code, bad.field);
  const opened = await openLedgerRequest(tx, deps, actor, '06.06.02', who, { subject: { from: input.from, to: input.to, regime: input.regime } });
  if (!opened.ok) return opened;
  const request = opened.value;
  const at = deps.clock.now();
  const found = await tx
    .select()
    .from(ledgerEntries)
    .where(
      and(
        eq(ledgerEntries.tin, who.tin),
        eq(ledgerEntries.kind, 'payment'),
        inArray(ledgerEntries.taxType, [...PAYMENTS_CERTIFICATE_TAX_TYPES]),
        gte(ledgerEntries.valueDate, input.from),
        lte(ledgerEntries.valueDate, input.to),
      ),
    )
    .orderBy(asc(ledgerEntries.valueDate), asc(ledgerEntries.seq));
  const payments = found.map((e) => ({
    valueDate: e.valueDate,
    taxType: e.taxType,
    period: e.period,
    documentRef: e.documentRef,
    amount: columnsOf(e).credit,
  }));
  const totals = PAYMENTS_CERTIFICATE_TAX_TYPES.map((taxType) => ({
    taxType,
    amount: payments.filter((p) => p.taxType === taxType).reduce((s, p) => s + p.amount, 0),
  })).filter((t) => t.amount !== 0);
  const number = `PC-${request.number}`;
  const file = await paymentsCertificatePdf({
    number,
    issuedAt: at,
    taxpayer: await taxpayerRef(tx, who.tin),
    regime: input.regime,
    from: input.from,
    to: input.to,
    payments,
    totals,
    names: await taxTypeNames(tx),
  });
  const done = await completeRequest(tx, deps, actor, request.id, [pdf('certificate', `${number}.pdf`, file)]);
  if (!done.ok) return done;
  const document = { number, kind: 'payments_certificate', resultId: done.value.resultIds[0] as string, sha256: sha256Hex(file) };
  await registerDocument(tx, {
    ...document,
    kind: 'payments_certificate',
    tin: who.tin,
    requestId: request.id,
    issuedAt: at,
    periodFrom: input.from,
    periodTo: input.to,
  });
  return ok({ requestId: request.id, requestNumber: request.number, documents: [document], totals });
}
