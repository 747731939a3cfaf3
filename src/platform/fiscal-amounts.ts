/**
 * Amounts of a fiscal receipt line (seed 004 p.9, fields 8-11), shared by the operator, which
 * re-computes them, and the cash register, which prints them: both must round alike to the diram.
 * Money is integer dirams, quantities thousandths of a unit.
 */
export type LineTaxKind = 'vat' | 'simplified' | 'none';

/** Integer division rounded half up, for non-negative operands, exact in BigInt. */
export function divRound(numerator: bigint, denominator: bigint): bigint {
  return (2n * numerator + denominator) / (2n * denominator);
}

/** Field 8 × field 9: quantity in thousandths × price in dirams, rounded to the diram. */
export function lineAmount(quantity: number, price: number): number {
  return Number(divRound(BigInt(quantity) * BigInt(price), 1000n));
}

/**
 * Fields 10-11: prices include VAT, so the VAT of a line is amount × r / (1 + r). Under the
 * simplified regime the receipt shows the regime's rate and the tax on the amount, amount × r.
 * Catalog ambiguity 11; docs/fiscal-documents.md.
 */
export function lineTax(amount: number, kind: LineTaxKind, rateBp: number): number {
  if (kind === 'none') return 0;
  if (kind === 'vat') return Number(divRound(BigInt(amount) * BigInt(rateBp), 10_000n + BigInt(rateBp)));
  return Number(divRound(BigInt(amount) * BigInt(rateBp), 10_000n));
}
