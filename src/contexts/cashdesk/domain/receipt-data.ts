/**
 * The data fields of a fiscal receipt as the register builds them, before the fiscal module adds the
 * common fields (numbers, chain, fiscal sign, MAC). The line, tax and refund shapes are the
 * published format itself (src/platform/fiscal-document.ts, docs/fiscal-documents.md), which the
 * operator reads. Money is integer dirams, quantities thousandths of the unit, tax rates basis points.
 */
import type { Operation, ReceiptLine, RefundReference, TaxKind } from '../../../platform/fiscal-document.ts';

export type { LineTax, Operation, ReceiptLine, RefundReference, TaxKind } from '../../../platform/fiscal-document.ts';

export const TAX_KINDS: readonly TaxKind[] = ['vat', 'simplified', 'none'];

/** How a product is taxed: the kind and the rate in basis points (1400 = 14 %; 0 when `none`). */
export type TaxRate = { readonly kind: TaxKind; readonly rateBp: number };

/** Field 12: what was handed over in cash (change included) and what was paid otherwise. */
export type Payment = { readonly cash: number; readonly nonCash: number };

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
