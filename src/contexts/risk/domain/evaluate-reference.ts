/**
 * The reference evaluator of the indicator language: a naive walker of the indicator trees, every
 * profile against every item, no compilation and no index, written straight from the definitions in
 * docs/risk-engine.md. The property test (evaluate.test.ts) holds the indexed engine to it on random
 * profiles and subjects; bench/risk-evaluate.ts runs it as the baseline. Not used by the product.
 */
import type { Indicator, ProfileRule, ReferencePrices, RiskSubject, SubjectItem, TextField } from './model.ts';

/** The values a text field has for the subject and one item (multi-valued fields: all of them). */
function textsOf(field: TextField, s: RiskSubject, it: SubjectItem | undefined): (string | undefined)[] {
  switch (field) {
    case 'item.commodityCode':
      return [it?.commodityCode];
    case 'item.description':
      return [it?.description];
    case 'item.goodsCategory':
      return [...(it?.goodsCategories ?? [])];
    case 'item.originCountry':
      return [it?.originCountry];
    case 'vehicle':
      return [...s.vehicles];
    case 'routeOffice':
      return [...s.route];
    case 'documentType':
      return [...s.documentTypes];
    default:
      return [s[field]];
  }
}

/** Walks the indicator for one item (or none), straight from the definitions in docs/risk-engine.md. */
function walk(ind: Indicator, s: RiskSubject, it: SubjectItem | undefined, prices: ReferencePrices): boolean {
  const texts = (field: TextField): string[] => textsOf(field, s, it).filter((v): v is string => v !== undefined);
  const perUnit = (i: SubjectItem) => {
    const q = i.supplementaryQuantity ?? i.netMassKg;
    return q > 0 ? i.customsValue / q : undefined;
  };
  switch (ind.op) {
    case 'in':
      return texts(ind.field).some((v) => ind.values.includes(v));
    case 'not_in':
      return !texts(ind.field).some((v) => ind.values.includes(v));
    case 'prefix':
      return texts(ind.field).some((v) => ind.values.some((p) => v.startsWith(p)));
    case 'contains':
      return texts(ind.field).some((v) =>
        v
          .toLowerCase()
          .split(/[^\p{L}\p{N}]+/u)
          .some((w) => ind.values.some((x) => x.toLowerCase() === w)),
      );
    case 'compare': {
      const n: Record<typeof ind.field, number | undefined> = {
        'item.customsValue': it?.customsValue,
        'item.netMassKg': it?.netMassKg,
        'item.valuePerUnit': it && perUnit(it),
        totalCustomsValue: s.items.reduce((a, i) => a + i.customsValue, 0),
        itemCount: s.items.length,
        'trader.violations': s.trader.violations,
        'trader.debt': s.trader.debt,
        'trader.declarationsBefore': s.trader.declarationsBefore,
      };
      const v = n[ind.field];
      if (v === undefined) return false;
      return { lt: v < ind.value, le: v <= ind.value, gt: v > ind.value, ge: v >= ind.value, eq: v === ind.value }[ind.cmp];
    }
    case 'below_reference': {
      const price = it && prices.get(ind.table)?.get(it.commodityCode);
      const v = it && perUnit(it);
      return price !== undefined && v !== undefined && v < ind.ratio * price;
    }
    case 'first_time':
      return s.trader.declarationsBefore === 0;
    case 'route_deviation':
      return s.plannedRoute !== undefined && s.route.some((o) => !s.plannedRoute?.includes(o));
    case 'missing_document':
      return !s.documentTypes.includes(ind.typeCode);
    case 'all':
      return ind.of.every((p) => walk(p, s, it, prices));
    case 'any':
      return ind.of.some((p) => walk(p, s, it, prices));
    case 'not':
      return !walk(ind.of, s, it, prices);
  }
}

/** Whether the indicator reads an item: then it is walked once per item (ASYCUDA evaluates per item). */
const isItemLevel = (ind: Indicator): boolean =>
  ind.op === 'below_reference' ||
  ('field' in ind && ind.field.startsWith('item.')) ||
  (ind.op === 'not' ? isItemLevel(ind.of) : ind.op === 'all' || ind.op === 'any' ? ind.of.some(isItemLevel) : false);

/** The code and the items of every profile that fires, in the rules' order. */
export function referenceHits(rules: readonly ProfileRule[], prices: ReferencePrices, s: RiskSubject): [string, readonly number[]][] {
  const out: [string, readonly number[]][] = [];
  for (const r of rules) {
    if (!r.subjects.includes(s.kind)) continue;
    if (isItemLevel(r.indicator)) {
      const items = s.items.filter((i) => walk(r.indicator, s, i, prices)).map((i) => i.number);
      if (items.length > 0) out.push([r.code, items]);
    } else if (walk(r.indicator, s, undefined, prices)) out.push([r.code, []]);
  }
  return out;
}
