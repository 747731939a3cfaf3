/**
 * The wire format between the finance authority and customs (docs/customs-payments.md): a receipt
 * as JSON with the amount as a decimal string of dirams, and the HMAC-SHA256 signature that
 * authenticates a push (over the raw body) or a query (over "GET <path>?<query>").
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { MAX_PAYMENT_DIRAMS } from '../domain/payments.ts';
import { isIsoDate } from '../domain/history.ts';
import type { FinanceReceipt } from '../application/payment-finance-authority.ts';

/** The header that carries `sha256=<hex>`. */
export const SIGNATURE_HEADER = 'x-finance-signature';

export type WireReceipt = {
  readonly receiptId: string;
  readonly paymentOrderNumber: string;
  readonly paymentOrderDate: string;
  readonly payerTin: string;
  readonly reference: string;
  readonly budgetCode: string;
  readonly amountDirams: string;
  readonly receivedAt: string;
};

export const signFinance = (secret: string, text: string): string => `sha256=${createHmac('sha256', secret).update(text, 'utf8').digest('hex')}`;

/** Constant-time check of a signature header against the text it should sign. */
export function isFinanceSignatureValid(secret: string, text: string, header: string | string[] | undefined): boolean {
  if (typeof header !== 'string') return false;
  const expected = Buffer.from(signFinance(secret, text));
  const given = Buffer.from(header.trim());
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** A wire receipt as customs uses it, or undefined when the amount or a date cannot be right. */
export function fromWire(w: WireReceipt): FinanceReceipt | undefined {
  if (!/^[1-9]\d{0,18}$/.test(w.amountDirams)) return undefined;
  const amountDirams = BigInt(w.amountDirams);
  const receivedAt = new Date(w.receivedAt);
  if (amountDirams > MAX_PAYMENT_DIRAMS || !isIsoDate(w.paymentOrderDate) || Number.isNaN(receivedAt.getTime())) return undefined;
  return { ...w, amountDirams, receivedAt };
}
