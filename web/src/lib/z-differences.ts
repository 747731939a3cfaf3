/**
 * The differences a Z-report reconciliation records (totalsDifferences in
 * src/contexts/fiscal/domain/document-rules.ts) are English lines such as
 * `receiptCount: reported 3, computed 2` or `payment sale cash: reported 1200, computed 700`;
 * the page reads them back into parts it can localise, with money in dirams.
 */
export type ZDifference =
  | {
      readonly kind: 'count';
      readonly key: 'receiptCount' | 'saleCount' | 'refundCount' | 'offlineCount';
      readonly reported: number;
      readonly computed: number;
    }
  | {
      readonly kind: 'tax';
      readonly operation: 'sale' | 'refund';
      readonly taxKind: string;
      readonly rateBp: number;
      readonly field: 'amount' | 'tax';
      readonly reported: number;
      readonly computed: number;
    }
  | {
      readonly kind: 'payment';
      readonly operation: 'sale' | 'refund';
      readonly field: 'cash' | 'nonCash' | 'total';
      readonly reported: number;
      readonly computed: number;
    }
  | { readonly kind: 'other'; readonly text: string };

const VALUES = 'reported (-?\\d+), computed (-?\\d+)';
const COUNT = new RegExp(`^(receiptCount|saleCount|refundCount|offlineCount): ${VALUES}$`);
const TAX = new RegExp(`^tax (sale|refund)\\|(\\w+)\\|(\\d+) (amount|tax): ${VALUES}$`);
const PAYMENT = new RegExp(`^payment (sale|refund) (cash|nonCash|total): ${VALUES}$`);

type Op = 'sale' | 'refund';

export function parseZDifference(text: string): ZDifference {
  let m = COUNT.exec(text);
  if (m) return { kind: 'count', key: m[1] as 'receiptCount', reported: Number(m[2]), computed: Number(m[3]) };
  m = TAX.exec(text);
  if (m)
    return {
      kind: 'tax',
      operation: m[1] as Op,
      taxKind: m[2] as string,
      rateBp: Number(m[3]),
      field: m[4] as 'amount',
      reported: Number(m[5]),
      computed: Number(m[6]),
    };
  m = PAYMENT.exec(text);
  if (m) return { kind: 'payment', operation: m[1] as Op, field: m[2] as 'cash', reported: Number(m[3]), computed: Number(m[4]) };
  return { kind: 'other', text };
}
