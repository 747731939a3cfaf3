/** What the API answers about receipts and registers: plain values built from the register's records. */
import { qrText, type Receipt, type RegisterFactsForCashdesk } from '../../fiscal/index.ts';
import type { GuardReason } from '../domain/register-guard.ts';
import type { ModuleStatus } from '../infrastructure/fiscal-module/port.ts';
import type { CashdeskDeps } from './deps.ts';
import type { DeliveryState, OfflineView } from './issue-document.ts';
import type { DocumentRow } from './records.ts';
import type { Vcr } from './register-access.ts';

export type ReceiptView = {
  readonly document: Receipt;
  /** Change handed to the buyer (a sale). */
  readonly change: number;
  /** Cash paid out of the drawer (a refund). */
  readonly cashOut: number;
  readonly buyerName: string | null;
  readonly delivery: DeliveryState;
  readonly offline: OfflineView | null;
  /** p.9 field 17: the text of the QR code, the operator's check page. */
  readonly qr: string;
  /** The buyer's electronic receipt. */
  readonly eReceiptUrl: string | null;
  /** For a sale: what has been refunded so far, per original line. */
  readonly refunded: readonly { readonly originalLine: number; readonly quantity: number; readonly amount: number }[];
  readonly warnings: readonly { readonly code: string; readonly details?: Readonly<Record<string, unknown>> }[];
};

/** The QR text of a receipt (docs/fiscal-documents.md "The QR code"): the operator's check page. */
export const qrOf = (deps: CashdeskDeps, d: Receipt): string => qrText(`${deps.publicUrl()}/r`, d);

export const eReceiptUrlOf = (deps: CashdeskDeps, token: string | null): string | null => (token ? `${deps.publicUrl()}/r/e/${token}` : null);

export const deliveryOf = (row: DocumentRow): DeliveryState => ({
  status: row.delivery,
  code: row.refusalCode,
  violations: row.violations,
  acknowledgedAt: row.acknowledgedAt,
});

export function receiptView(
  deps: CashdeskDeps,
  r: {
    readonly document: Receipt;
    readonly change: number;
    readonly buyerName: string | null;
    readonly eReceiptToken: string | null;
    readonly delivery: DeliveryState;
    readonly offline?: OfflineView | null;
    readonly refunds?: readonly Receipt[];
    readonly warnings?: readonly GuardReason[];
  },
): ReceiptView {
  const d = r.document;
  const refunded = new Map<number, { quantity: number; amount: number }>();
  for (const refund of r.refunds ?? []) {
    for (const l of refund.lines) {
      if (l.originalLine === undefined) continue;
      const before = refunded.get(l.originalLine) ?? { quantity: 0, amount: 0 };
      refunded.set(l.originalLine, { quantity: before.quantity + l.quantity, amount: before.amount + l.amount });
    }
  }
  return {
    document: d,
    change: r.change,
    cashOut: d.operation === 'refund' ? d.payment.cash : 0,
    buyerName: r.buyerName,
    delivery: r.delivery,
    offline: r.offline ?? null,
    qr: qrOf(deps, d),
    eReceiptUrl: eReceiptUrlOf(deps, r.eReceiptToken),
    refunded: [...refunded.entries()].sort((a, b) => a[0] - b[0]).map(([originalLine, s]) => ({ originalLine, ...s })),
    warnings: (r.warnings ?? []).map((w) => ({ code: w.code, ...(w.details ? { details: w.details } : {}) })),
  };
}

export type RegisterView = {
  readonly id: string;
  readonly fiscalRegisterId: string;
  readonly registryNumber: string;
  readonly serialNumber: string;
  readonly fiscalModuleNumber: string;
  readonly business: { readonly tin: string; readonly name: string };
  readonly address: string;
  readonly module: { readonly state: ModuleStatus['state'] | 'missing'; readonly publicKey: string | null };
  /** The module is loaded with the operator's key and bound to this register (p.81). */
  readonly isCommissioned: boolean;
  readonly createdAt: Date;
};

export function registerView(vcr: Vcr, facts: RegisterFactsForCashdesk | undefined, status: ModuleStatus | undefined): RegisterView {
  return {
    id: vcr.id,
    fiscalRegisterId: vcr.fiscalRegisterId,
    registryNumber: vcr.registryNumber,
    serialNumber: vcr.serialNumber,
    fiscalModuleNumber: vcr.fiscalModuleNumber,
    business: { tin: vcr.businessTin, name: facts?.business.name ?? '' },
    address: facts?.placeOfActivity ?? '',
    module: { state: status?.state ?? 'missing', publicKey: status?.publicKey ?? null },
    isCommissioned: status?.phase === 'initialised' || status?.phase === 'working',
    createdAt: vcr.createdAt,
  };
}
