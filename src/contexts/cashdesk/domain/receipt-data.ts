/**
 * The data fields of a fiscal receipt as the register builds them, before the fiscal module adds the
 * common fields (numbers, chain, fiscal sign, MAC). They mirror `Receipt` of the fiscal context
 * (src/contexts/fiscal/domain/fiscal-document.ts, published in docs/fiscal-documents.md) field for
 * field: a domain folder may not import another context, so the application layer checks that
 * these types stay assignable to the operator's. Money is integer dirams, quantities thousandths
 * of the unit, tax rates basis points.
 */

/** Sale (фурӯш) or return (баргардонидан), p.78. */
export type Operation = 'sale' | 'refund';

/** VAT, the simplified regime, or no tax (p.9 fields 10-11, catalog ambiguity 11). */
export type TaxKind = 'vat' | 'simplified' | 'none';
export const TAX_KINDS: readonly TaxKind[] = ['vat', 'simplified', 'none'];

/** How a product is taxed: the kind and the rate in basis points (1400 = 14 %; 0 when `none`). */
export type TaxRate = { readonly kind: TaxKind; readonly rateBp: number };

/** Fields 10 and 11 of p.9 for one line. */
export type LineTax = TaxRate & { readonly amount: number };

export type ReceiptLine = {
  /** Field 6, mostly in the state language (p.65, p.68). */
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
  /** quantity × price / 1000, rounded half up (platform/fiscal-amounts.ts lineAmount). */
  readonly amount: number;
  readonly tax: LineTax;
  /** For a refund: the line of the original receipt (0-based). */
  readonly originalLine?: number;
};

/** Field 12: what was handed over in cash (change included) and what was paid otherwise. */
export type Payment = { readonly cash: number; readonly nonCash: number };

/** What a refund refers to (section 6): the original sale as the operator holds it. */
export type RefundReference = {
  readonly fiscalModuleNumber: string;
  readonly number: number;
  readonly fiscalSign: string;
  readonly total: number;
  readonly issuedAt: string;
};

/** The part of a receipt the register decides; the fiscal module adds the rest. */
export type ReceiptData = {
  readonly operation: Operation;
  readonly lines: readonly ReceiptLine[];
  readonly payment: Payment;
  /** Field 13. */
  readonly total: number;
  /** The sum of the lines' tax (field 11). */
  readonly taxTotal: number;
  readonly refundOf?: RefundReference;
};

/** A receipt as the module issued it: what reports and refunds read back. */
export type IssuedReceipt = ReceiptData & {
  readonly fiscalModuleNumber: string;
  readonly number: number;
  readonly fiscalSign: string;
  /** RFC 3339 with the +05:00 offset of the register. */
  readonly issuedAt: string;
  readonly isOffline: boolean;
};

/** Largest total a receipt may reach, so that every sum stays an exact JavaScript integer. */
export const MAX_RECEIPT_TOTAL = 1_000_000_000_000_000;
