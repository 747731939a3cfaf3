/**
 * The published format of fiscal documents (p.64, FIS-OPR-11), shared by the two sides of the
 * exchange: the register and its fiscal module (cashdesk) form them, the operator (fiscal) checks
 * and stores them. Fiscal documents as a register's fiscal module sends them to the operator (p.52, p.76-79):
 * the receipt with every field of p.9, the shift opening and the Z-report (p.77). Money is integer
 * dirams; quantities are integer thousandths of the unit (3 decimals), as weighing scales give.
 * docs/fiscal-documents.md publishes the format (p.64, FIS-OPR-11).
 */

import { canonicalJson } from './canonical-json.ts';
import { streebog256 } from './crypto/gost.ts';

/** Sale (фурӯш) or return (баргардонидан), p.78. */
export type Operation = 'sale' | 'refund';

/** VAT (андоз аз арзиши иловашуда), the simplified regime (низоми содакардашуда), or no tax. */
export type TaxKind = 'vat' | 'simplified' | 'none';

/** Fields 10 and 11 of p.9 for one line: the rate in basis points (1400 = 14 %) and the amount in dirams. */
export type LineTax = { readonly kind: TaxKind; readonly rateBp: number; readonly amount: number };

export type ReceiptLine = {
  /** Field 6. */
  readonly name: string;
  /** Field 7: the product marking code, when the product is marked (catalog ambiguity 12). */
  readonly markingCode?: string;
  /** The GS1 commercial code (p.2), when the product has one. */
  readonly gtin?: string;
  /** Field 8, in thousandths of the unit. */
  readonly quantity: number;
  readonly unit: string;
  /** Field 9: price per unit, dirams, tax included. */
  readonly price: number;
  /** quantity × price, rounded half up to a diram. */
  readonly amount: number;
  readonly tax: LineTax;
  /** For a refund: the line of the original receipt (0-based). */
  readonly originalLine?: number;
};

/** What a refund refers to (section 6; the original receipt, p.39). */
export type RefundReference = {
  readonly fiscalModuleNumber: string;
  readonly number: number;
  readonly fiscalSign: string;
  readonly total: number;
  readonly issuedAt: string;
};

/** The fields every document carries (the module adds them). */
export type DocumentCommon = {
  /** Field 15. */
  readonly fiscalModuleNumber: string;
  /** The module's document number: 1, 2, 3 … without gaps. */
  readonly number: number;
  /** Fiscal sign of document number − 1 ('' for the first): the chain. */
  readonly prevFiscalSign: string;
  /** Field 2: the register's manufacturer number or the VCR's serial number. */
  readonly registerNumber: string;
  readonly shiftNumber: number;
  /** Field 14: date and time, RFC 3339 with the +05:00 offset of the register. */
  readonly issuedAt: string;
  /** p.36: issued while the link to the operator was down. */
  readonly isOffline: boolean;
  /** The time of the first receipt of the current offline period (starts the 24 hours). */
  readonly offlineSince?: string;
  /** Field 16: 10 digits made by the fiscal module. */
  readonly fiscalSign: string;
  /** The module's authenticator over the whole document (p.79). */
  readonly mac: string;
};

export type Receipt = DocumentCommon & {
  readonly type: 'receipt';
  readonly operation: Operation;
  /** Field 1: the receipt number within the shift. */
  readonly receiptNumber: number;
  /** Fields 3 and 4. */
  readonly business: { readonly tin: string; readonly name: string };
  /** Field 5: where the settlement takes place. */
  readonly address: string;
  readonly lines: readonly ReceiptLine[];
  /** Field 12: cash, non-cash or both; cash may exceed what is due (change is given). */
  readonly payment: { readonly cash: number; readonly nonCash: number };
  /** Field 13. */
  readonly total: number;
  readonly taxTotal: number;
  readonly refundOf?: RefundReference;
};

export type ShiftOpening = DocumentCommon & { readonly type: 'shift_open' };

/** Totals of one group of a shift: per operation and tax, or per operation and payment form. */
export type TaxTotal = { readonly operation: Operation; readonly kind: TaxKind; readonly rateBp: number; readonly amount: number; readonly tax: number };
export type PaymentTotal = { readonly operation: Operation; readonly cash: number; readonly nonCash: number; readonly total: number };

export type ShiftTotals = {
  readonly receiptCount: number;
  readonly saleCount: number;
  readonly refundCount: number;
  readonly offlineCount: number;
  readonly byTax: readonly TaxTotal[];
  readonly byPayment: readonly PaymentTotal[];
};

/** The Z-report (p.2, p.77): the module's totals of the shift it closes. */
export type ZReport = DocumentCommon & { readonly type: 'z_report'; readonly openedAt: string; readonly totals: ShiftTotals };

export type FiscalDocument = Receipt | ShiftOpening | ZReport;
export type DocumentType = FiscalDocument['type'];

export const emptyTotals = (): ShiftTotals => ({ receiptCount: 0, saleCount: 0, refundCount: 0, offlineCount: 0, byTax: [], byPayment: [] });

const taxKey = (t: Pick<TaxTotal, 'operation' | 'kind' | 'rateBp'>) => `${t.operation}|${t.kind}|${t.rateBp}`;

/** What a receipt contributes to the totals of its shift. */
export type TotalsReceipt = Pick<Receipt, 'operation' | 'lines' | 'payment' | 'total' | 'isOffline'>;

/**
 * p.77: a shift's totals moved on by one receipt, grouped as the Z-report groups them: per
 * operation, tax kind and rate, and per operation and payment form, where cash is what was kept
 * (total − non-cash; the change given back is not revenue). The module keeps its totals this way;
 * the operator recomputes them with `shiftTotals`, so both sides group and round alike.
 */
export function addToTotals(t: ShiftTotals, r: TotalsReceipt): ShiftTotals {
  const byTax = new Map(t.byTax.map((x) => [taxKey(x), x]));
  for (const l of r.lines) {
    const key = taxKey({ operation: r.operation, ...l.tax });
    const g = byTax.get(key) ?? { operation: r.operation, kind: l.tax.kind, rateBp: l.tax.rateBp, amount: 0, tax: 0 };
    byTax.set(key, { ...g, amount: g.amount + l.amount, tax: g.tax + l.tax.amount });
  }
  const byPayment = new Map(t.byPayment.map((x) => [x.operation, x]));
  const p = byPayment.get(r.operation) ?? { operation: r.operation, cash: 0, nonCash: 0, total: 0 };
  byPayment.set(r.operation, { ...p, cash: p.cash + (r.total - r.payment.nonCash), nonCash: p.nonCash + r.payment.nonCash, total: p.total + r.total });
  return {
    receiptCount: t.receiptCount + 1,
    saleCount: t.saleCount + (r.operation === 'sale' ? 1 : 0),
    refundCount: t.refundCount + (r.operation === 'refund' ? 1 : 0),
    offlineCount: t.offlineCount + (r.isOffline ? 1 : 0),
    byTax: [...byTax.values()].sort((a, b) => taxKey(a).localeCompare(taxKey(b))),
    byPayment: [...byPayment.values()].sort((a, b) => a.operation.localeCompare(b.operation)),
  };
}

/** Recomputes a shift's totals from its receipts (the operator's reconciliation, the register's X- and Z-reports). */
export const shiftTotals = (receipts: readonly TotalsReceipt[]): ShiftTotals => receipts.reduce(addToTotals, emptyTotals());

/** The chain head before a module's first document: 32 zero bytes, hex. */
export const CHAIN_START = '0'.repeat(64);

const HEX = Array.from({ length: 256 }, (_, x) => x.toString(16).padStart(2, '0'));
const toHex = (b: Uint8Array) => {
  let s = '';
  for (const x of b) s += HEX[x];
  return s;
};

/**
 * Scheme FS1's document chain (docs/fiscal-crypto.md): h(n) = Streebog-256(h(n-1) ‖ canonical JSON
 * of document n as sent, fiscal sign and MAC included), h(0) = CHAIN_START. The module keeps the
 * head; the operator recomputes it from what it stored to check the shift signature.
 */
export function nextChainHash(previous: string, document: object): string {
  const head = Uint8Array.from(previous.match(/../g) ?? [], (x) => Number.parseInt(x, 16));
  const body = new TextEncoder().encode(canonicalJson(document));
  const input = new Uint8Array(head.length + body.length);
  input.set(head, 0);
  input.set(body, head.length);
  return toHex(streebog256(input));
}

/** What the module signs once a shift (p.77, p.79): the canonical JSON of {chainHash, zReport}. */
export const shiftSignedBytes = (chainHash: string, zReport: object): Uint8Array => new TextEncoder().encode(canonicalJson({ chainHash, zReport }));
