import type { Db } from '../../../platform/db.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { RequestErrorCode } from '../domain/errors.ts';
import { formatDirams } from '../domain/ledger.ts';
import type { LedgerErrorCode } from '../domain/ledger-errors.ts';
import { noDebtCertificatePdf, reconciliationActPdf, refusalLetterPdf } from '../infrastructure/ledger-documents.ts';
import type { TaxServicesDeps } from './deps.ts';
import {
  checkPastDate,
  type LedgerApplicant,
  ledgerSummary,
  loadAct,
  openLedgerRequest,
  registerDocument,
  taxpayerRef,
  taxTypeNames,
  todayOf,
} from './ledger.ts';
import { completeRequest, type DeliveredResult, rejectRequest } from './requests.ts';
import { sha256Hex } from '../../../platform/bytes.ts';

export type IssuedDocument = { readonly number: string; readonly kind: string; readonly resultId: string; readonly sha256: string };

export type NoDebtOutcome = {
  readonly requestId: string;
  readonly requestNumber: string;
  /** `issued`: the certificate and the act; `refused`: the act and the refusal letter (the request is rejected). */
  readonly outcome: 'issued' | 'refused';
  readonly asOf: string;
  readonly debt: number;
  readonly documents: readonly IssuedDocument[];
};

export const pdf = (kind: DeliveredResult['kind'], fileName: string, content: Buffer): DeliveredResult => ({
  kind,
  fileName,
  mediaType: 'application/pdf',
  content,
});

/**
 * 06.06.01, in real time (no later than 1 working day): the request is opened and decided in the
 * same transaction from the ledger at the end of `asOf` (default today). With no debt in any tax
 * type it is completed with the certificate and the reconciliation act ("certificate and
 * reconciliation act provided"). With a debt it is rejected: the written refusal lists the debts,
 * and the act that shows them comes with it (TS-17). The act covers 1 January of the year of
 * `asOf` to `asOf`, with the opening balance. Every document is registered for the public check.
 */
export async function requestNoDebtCertificate(
  tx: Db,
  deps: TaxServicesDeps,
  actor: string,
  who: LedgerApplicant,
  asOfInput?: string,
): Promise<Result<NoDebtOutcome, Failure<LedgerErrorCode | RequestErrorCode>>> {
  const asOf = asOfInput ?? todayOf(deps);
  const bad = checkPastDate(deps, asOf, 'body.asOf');
  if (bad) return fail(bad.code, bad.field);
  const opened = await openLedgerRequest(tx, deps, actor, '06.06.01', who, { subject: { asOf } });
  if (!opened.ok) return opened;
  const request = opened.value;
  const at = deps.clock.now();
  const summary = await ledgerSummary(tx, who.tin, asOf);
  const names = await taxTypeNames(tx);
  const taxpayer = await taxpayerRef(tx, who.tin);
  const act = await loadAct(tx, who.tin, `${asOf.slice(0, 4)}-01-01`, asOf);
  const actNumber = `RA-${request.number}`;
  const actPdf = await reconciliationActPdf({ number: actNumber, issuedAt: at, taxpayer, act, names });
  const base = { tin: who.tin, requestId: request.id, issuedAt: at, asOf };

  if (!summary.hasDebt) {
    const number = `ND-${request.number}`;
    const certificate = await noDebtCertificatePdf({ number, issuedAt: at, taxpayer, asOf, summary, names });
    const done = await completeRequest(tx, deps, actor, request.id, [
      pdf('certificate', `${number}.pdf`, certificate),
      pdf('reconciliation_act', `${actNumber}.pdf`, actPdf),
    ]);
    if (!done.ok) return done;
    const [certId, actId] = done.value.resultIds as [string, string];
    const documents = [
      { number, kind: 'no_debt_certificate' as const, resultId: certId, sha256: sha256Hex(certificate) },
      { number: actNumber, kind: 'reconciliation_act' as const, resultId: actId, sha256: sha256Hex(actPdf) },
    ];
    for (const d of documents)
      await registerDocument(tx, { ...base, ...d, ...(d.kind === 'reconciliation_act' ? { periodFrom: act.from, periodTo: act.to } : {}) });
    return ok({ requestId: request.id, requestNumber: request.number, outcome: 'issued', asOf, debt: 0, documents });
  }

  const letterNumber = `RL-${request.number}`;
  const letter = await refusalLetterPdf({ number: letterNumber, issuedAt: at, taxpayer, asOf, requestNumber: request.number, summary, names });
  const debt = formatDirams(summary.total.debt);
  const reason =
    `Қарзи андоз мавҷуд аст: ${debt} сомонӣ. / Имеется налоговая задолженность: ${debt} сомони. / ` +
    `Tax debts outstanding: ${debt} somoni (${summary.debts.map((d) => d.taxType).join(', ')}).`;
  const done = await rejectRequest(tx, deps, actor, request.id, reason, [
    pdf('letter', `${letterNumber}.pdf`, letter),
    pdf('reconciliation_act', `${actNumber}.pdf`, actPdf),
  ]);
  if (!done.ok) return done;
  const [letterId, actId] = done.value.resultIds as [string, string];
  const documents = [
    { number: letterNumber, kind: 'refusal_letter' as const, resultId: letterId, sha256: sha256Hex(letter) },
    { number: actNumber, kind: 'reconciliation_act' as const, resultId: actId, sha256: sha256Hex(actPdf) },
  ];
  for (const d of documents)
    await registerDocument(tx, { ...base, ...d, ...(d.kind === 'reconciliation_act' ? { periodFrom: act.from, periodTo: act.to } : {}) });
  return ok({ requestId: request.id, requestNumber: request.number, outcome: 'refused', asOf, debt: summary.total.debt, documents });
}
