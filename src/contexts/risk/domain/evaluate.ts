/**
 * The risk engine's evaluation (art.399 p.2, art.428 i.12, art.429; CUS-CTL-02, CUS-RMS-14, 16):
 * which active profiles a subject meets. Indicators are compiled once into closures, and profiles
 * are indexed by a literal their indicator requires (a commodity-code prefix, a country, a trader…),
 * so a 50-item declaration is checked against 5,000 profiles in well under a millisecond
 * (docs/risk-engine.md, bench/risk-evaluate.ts). Pure: no clock, no I/O, no randomness.
 */
import type { Hit, Indicator, NumberField, ProfileRule, ReferencePrices, RiskSubject, SubjectItem, SubjectKind, TextField } from './model.ts';

/** A hit with what lanes.ts needs of its profile to decide the lane. */
export type ProfileHit = Hit & Pick<ProfileRule, 'lane' | 'selectionPercent' | 'measures' | 'level'>;

/** The hits in the order of the rules given to `compileProfiles`; `evaluated` counts the profiles actually evaluated. */
export type Evaluation = { readonly hits: ProfileHit[]; readonly evaluated: number };

export type Engine = {
  /** Active profiles compiled, and how many of them have no index key (checked for every subject). */
  readonly profiles: number;
  readonly unindexed: number;
  evaluate(subject: RiskSubject): Evaluation;
};

type SubjectCtx = { readonly s: RiskSubject; readonly totalCustomsValue: number; readonly plannedRoute: ReadonlySet<string> | undefined };
type ItemCtx = {
  readonly item: SubjectItem;
  readonly valuePerUnit: number;
  words: ReadonlySet<string> | undefined;
  /** The last price table read for this item and its price there: most below_reference profiles share one table. */
  priceTable: ReadonlyMap<string, number> | undefined;
  price: number | undefined;
};
type Pred = (s: SubjectCtx, i: ItemCtx) => boolean;

/** Where an indicator has no item field, its closures never read the item: this one stands in. */
const NO_ITEM: ItemCtx = {
  item: { number: 0, commodityCode: '', description: '', goodsCategories: [], originCountry: '', netMassKg: 0, customsValue: 0 },
  valuePerUnit: Number.NaN,
  words: new Set(),
  priceTable: undefined,
  price: undefined,
};

/** `contains` matches whole words, case-insensitively: a word is a run of letters and digits. */
export function wordsOf(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 0),
  );
}

/** Value per unit: per the supplementary unit when the code has one, else per kg; no quantity gives NaN (no comparison holds). */
export function valuePerUnit(item: SubjectItem): number {
  const quantity = item.supplementaryQuantity ?? item.netMassKg;
  return quantity > 0 ? item.customsValue / quantity : Number.NaN;
}

type TextAccess =
  | { readonly isMany: false; readonly get: (s: SubjectCtx, i: ItemCtx) => string | undefined }
  | {
      readonly isMany: true;
      readonly get: (s: SubjectCtx, i: ItemCtx) => readonly string[];
    };
const one = (get: (s: SubjectCtx, i: ItemCtx) => string | undefined): TextAccess => ({ isMany: false, get });
const many = (get: (s: SubjectCtx, i: ItemCtx) => readonly string[]): TextAccess => ({ isMany: true, get });

/** How each text field is read; vehicle, routeOffice, documentType and item.goodsCategory hold several values. */
const TEXT_ACCESS: Readonly<Record<TextField, TextAccess>> = {
  'item.commodityCode': one((_, i) => i.item.commodityCode),
  'item.description': one((_, i) => i.item.description),
  'item.goodsCategory': many((_, i) => i.item.goodsCategories),
  'item.originCountry': one((_, i) => i.item.originCountry),
  countryOfDispatch: one((s) => s.s.countryOfDispatch),
  countryOfDestination: one((s) => s.s.countryOfDestination),
  vehicle: many((s) => s.s.vehicles),
  transportMode: one((s) => s.s.transportMode),
  routeOffice: many((s) => s.s.route),
  officeCode: one((s) => s.s.officeCode),
  traderCode: one((s) => s.s.traderCode),
  brokerTin: one((s) => s.s.brokerTin),
  documentType: many((s) => s.s.documentTypes),
  regime: one((s) => s.s.regime),
  direction: one((s) => s.s.direction),
};

const NUMBER_ACCESS: Readonly<Record<NumberField, (s: SubjectCtx, i: ItemCtx) => number>> = {
  'item.customsValue': (_, i) => i.item.customsValue,
  'item.netMassKg': (_, i) => i.item.netMassKg,
  'item.valuePerUnit': (_, i) => i.valuePerUnit,
  totalCustomsValue: (s) => s.totalCustomsValue,
  itemCount: (s) => s.s.items.length,
  'trader.violations': (s) => s.s.trader.violations,
  'trader.debt': (s) => s.s.trader.debt,
  'trader.declarationsBefore': (s) => s.s.trader.declarationsBefore,
};

/** True when the indicator reads an item: it is then evaluated item by item. */
export function readsItem(indicator: Indicator): boolean {
  switch (indicator.op) {
    case 'in':
    case 'not_in':
    case 'prefix':
    case 'contains':
    case 'compare':
      return indicator.field.startsWith('item.');
    case 'below_reference':
      return true;
    case 'first_time':
    case 'route_deviation':
    case 'missing_document':
      return false;
    case 'not':
      return readsItem(indicator.of);
    default:
      return indicator.of.some(readsItem);
  }
}

/** A string test: equality to one of the values, or a prefix among them (by the distinct prefix lengths). */
function matcher(op: 'in' | 'not_in' | 'prefix' | 'contains', values: readonly string[]): (v: string) => boolean {
  if (op === 'prefix') {
    const set = new Set(values);
    const lengths = [...new Set(values.map((v) => v.length))].sort((a, b) => a - b);
    return (v) => {
      for (const n of lengths) if (n <= v.length && set.has(v.length === n ? v : v.slice(0, n))) return true;
      return false;
    };
  }
  if (values.length === 1) {
    const only = values[0];
    return (v) => v === only;
  }
  const set = new Set(values);
  return (v) => set.has(v);
}

function compileText(op: 'in' | 'not_in' | 'prefix' | 'contains', field: TextField, values: readonly string[]): Pred {
  const access = TEXT_ACCESS[field];
  if (op === 'contains') {
    const wanted = values.map((v) => v.toLowerCase());
    const hasWord = (words: ReadonlySet<string>) => wanted.some((w) => words.has(w));
    if (field === 'item.description') return (_, i) => hasWord((i.words ??= wordsOf(i.item.description)));
    if (access.isMany) return (s, i) => access.get(s, i).some((v) => hasWord(wordsOf(v)));
    return (s, i) => {
      const v = access.get(s, i);
      return v !== undefined && hasWord(wordsOf(v));
    };
  }
  const test = matcher(op, values);
  let pred: Pred;
  if (access.isMany) {
    const get = access.get;
    pred = (s, i) => {
      for (const v of get(s, i)) if (test(v)) return true;
      return false;
    };
  } else {
    const get = access.get;
    pred = (s, i) => {
      const v = get(s, i);
      return v !== undefined && test(v);
    };
  }
  // not_in: none of the field's values is listed (an absent optional field lists nothing).
  return op === 'not_in' ? (s, i) => !pred(s, i) : pred;
}

function compileNode(indicator: Indicator, prices: ReferencePrices): Pred {
  switch (indicator.op) {
    case 'in':
    case 'not_in':
    case 'prefix':
    case 'contains':
      return compileText(indicator.op, indicator.field, indicator.values);
    case 'compare': {
      const get = NUMBER_ACCESS[indicator.field];
      const x = indicator.value;
      switch (indicator.cmp) {
        case 'lt':
          return (s, i) => get(s, i) < x;
        case 'le':
          return (s, i) => get(s, i) <= x;
        case 'gt':
          return (s, i) => get(s, i) > x;
        case 'ge':
          return (s, i) => get(s, i) >= x;
        default:
          return (s, i) => get(s, i) === x;
      }
    }
    case 'below_reference': {
      // Deviation (CUS-RMS-14): below `ratio` times the reference price; no table or no price: no match.
      const table = prices.get(indicator.table);
      if (!table) return () => false;
      const ratio = indicator.ratio;
      return (_, i) => {
        if (i.priceTable !== table) {
          i.priceTable = table;
          i.price = table.get(i.item.commodityCode);
        }
        return i.price !== undefined && i.valuePerUnit < ratio * i.price;
      };
    }
    case 'first_time':
      return (s) => s.s.trader.declarationsBefore === 0;
    case 'route_deviation':
      return (s) => s.plannedRoute !== undefined && s.s.route.some((office) => !s.plannedRoute?.has(office));
    case 'missing_document': {
      const type = indicator.typeCode;
      return (s) => !s.s.documentTypes.includes(type);
    }
    case 'not': {
      const inner = compileNode(indicator.of, prices);
      return (s, i) => !inner(s, i);
    }
    case 'all':
    case 'any': {
      // Parts that read only the subject go first: they are the same for every item.
      const parts = [...indicator.of].sort((a, b) => Number(readsItem(a)) - Number(readsItem(b))).map((p) => compileNode(p, prices));
      const [a, b] = parts;
      if (parts.length === 1 && a) return a;
      if (indicator.op === 'all') {
        if (parts.length === 2 && a && b) return (s, i) => a(s, i) && b(s, i);
        return (s, i) => {
          for (const p of parts) if (!p(s, i)) return false;
          return true;
        };
      }
      if (parts.length === 2 && a && b) return (s, i) => a(s, i) || b(s, i);
      return (s, i) => {
        for (const p of parts) if (p(s, i)) return true;
        return false;
      };
    }
  }
}

/** One key a subject must have for the profile to fire: the field holds one of `values` (exactly or as a prefix). */
type Key = { readonly field: TextField; readonly isPrefix: boolean; readonly values: readonly string[] };

/** Rough share of subjects a key lets through, to pick the most selective key of an `all`. */
function keyCost(key: Key): number {
  const perValue = (v: string): number => {
    switch (key.field) {
      case 'item.commodityCode':
        // A heading (4 digits) is in a few per cent of declarations, a chapter in a third of 50-item ones.
        return !key.isPrefix || v.length >= 8 ? 1 : v.length >= 6 ? 2 : v.length >= 4 ? 5 : 30;
      case 'traderCode':
      case 'brokerTin':
      case 'vehicle':
        return key.isPrefix ? 10 : 1;
      case 'item.originCountry':
      case 'countryOfDispatch':
      case 'countryOfDestination':
        return 30;
      case 'routeOffice':
      case 'officeCode':
      case 'item.goodsCategory':
        return 20;
      case 'documentType':
        return 50;
      default:
        return 300;
    }
  };
  return key.values.reduce((sum, v) => sum + perValue(v), 0);
}

/**
 * Keys of which at least one holds whenever the indicator holds; undefined when there is none
 * (the profile is then checked for every subject). `not` and `not_in` give no key.
 */
function keysOf(indicator: Indicator): Key[] | undefined {
  switch (indicator.op) {
    case 'in':
    case 'prefix':
      return indicator.field === 'item.description' ? undefined : [{ field: indicator.field, isPrefix: indicator.op === 'prefix', values: indicator.values }];
    case 'all': {
      let best: Key[] | undefined;
      for (const part of indicator.of) {
        const keys = keysOf(part);
        if (keys && (!best || cost(keys) < cost(best))) best = keys;
      }
      return best;
    }
    case 'any': {
      const keys = indicator.of.map(keysOf);
      return keys.every((k) => k !== undefined) ? keys.flat() : undefined;
    }
    default:
      return undefined;
  }
}
const cost = (keys: readonly Key[]) => keys.reduce((sum, k) => sum + keyCost(k), 0);

type Compiled = {
  readonly order: number;
  readonly rule: ProfileRule;
  readonly readsItem: boolean;
  /** For an item-level `all`: its parts that read only the subject, checked once before the items. */
  readonly guard: Pred | undefined;
  readonly pred: Pred;
  /** Every key of the profile is an item field: only the items that gave a key can meet the indicator. */
  readonly readsItemKeysOnly: boolean;
  /** Keys on more than one field: the positions of key items are then sorted and made unique. */
  readonly isMultiField: boolean;
  /** The last evaluation that took this profile as a candidate: each is evaluated once per subject. */
  stamp: number;
  /** In that evaluation: whether every item must be tried, else the positions of the items that gave a key. */
  isEveryItem: boolean;
  readonly keyItems: number[];
};

type FieldIndex = { readonly exact: Map<string, Compiled[]>; readonly prefix: Map<string, Compiled[]>; prefixLengths: number[] };
type IndexedField = { readonly field: TextField; readonly access: TextAccess; readonly isItem: boolean; readonly fi: FieldIndex };
type Index = { readonly fields: IndexedField[]; readonly always: Compiled[] };

/** One evaluation's candidates; module-level helpers take it, so an evaluation creates no closure. */
type Run = { readonly stamp: number; readonly candidates: Compiled[] };

/** `at`: the position of the item that gave the key, or -1 for a key of the subject. */
function take(run: Run, list: readonly Compiled[] | undefined, at: number): void {
  if (!list) return;
  for (const c of list) {
    if (c.stamp !== run.stamp) {
      c.stamp = run.stamp;
      c.isEveryItem = !c.readsItemKeysOnly;
      c.keyItems.length = 0;
      run.candidates.push(c);
    }
    // A profile with a key on a subject field has isEveryItem set: `at` is then not needed.
    if (!c.isEveryItem && c.keyItems[c.keyItems.length - 1] !== at) c.keyItems.push(at);
  }
}

function lookUp(run: Run, fi: FieldIndex, v: string | undefined, at: number): void {
  if (v === undefined) return;
  if (fi.exact.size > 0) take(run, fi.exact.get(v), at);
  for (const n of fi.prefixLengths) {
    if (n > v.length) break;
    take(run, fi.prefix.get(n === v.length ? v : v.slice(0, n)), at);
  }
}

function lookUpField(run: Run, f: IndexedField, s: SubjectCtx, i: ItemCtx, at: number): void {
  if (f.access.isMany) for (const v of f.access.get(s, i)) lookUp(run, f.fi, v, at);
  else lookUp(run, f.fi, f.access.get(s, i), at);
}

/** The items (by number) of a candidate that meet its indicator; `[]` for a declaration-level hit; undefined when it does not fire. */
function itemsMeeting(c: Compiled, s: SubjectCtx, items: readonly ItemCtx[]): number[] | undefined {
  if (!c.readsItem) return c.pred(s, NO_ITEM) ? [] : undefined;
  if (c.guard && !c.guard(s, NO_ITEM)) return undefined;
  let numbers: number[] | undefined;
  if (c.isEveryItem) {
    for (const i of items) if (c.pred(s, i)) (numbers ??= []).push(i.item.number);
    return numbers;
  }
  const ats = c.isMultiField ? [...new Set(c.keyItems)].sort((a, b) => a - b) : c.keyItems;
  for (const at of ats) {
    const i = items[at] as ItemCtx;
    if (c.pred(s, i)) (numbers ??= []).push(i.item.number);
  }
  return numbers;
}

function toHit(c: Compiled, items: number[]): ProfileHit & { readonly order: number } {
  const { versionId, code, lane, selectionPercent, measures, level } = c.rule;
  return { versionId, code, items, selected: false, lane, selectionPercent, measures, level, order: c.order };
}

function compileProfile(rule: ProfileRule, order: number, prices: ReferencePrices): Compiled {
  const ind = rule.indicator;
  const isItem = readsItem(ind);
  if (isItem && ind.op === 'all') {
    const subjectParts = ind.of.filter((p) => !readsItem(p));
    const itemParts = ind.of.filter(readsItem);
    if (subjectParts.length > 0) {
      return {
        order,
        rule,
        readsItem: true,
        guard: compileNode({ op: 'all', of: subjectParts }, prices),
        pred: compileNode({ op: 'all', of: itemParts }, prices),
        ...perRun(ind),
      };
    }
  }
  return { order, rule, readsItem: isItem, guard: undefined, pred: compileNode(ind, prices), ...perRun(ind) };
}

/**
 * Why item keys narrow the items: the indicator is evaluated item by item, and when it holds for
 * an item one of its keys holds (`keysOf`); a key on an item field then holds on that same item.
 */
function perRun(indicator: Indicator) {
  const keys = keysOf(indicator);
  const fields = new Set(keys?.map((k) => k.field));
  const readsItemKeysOnly = keys !== undefined && [...fields].every((f) => f.startsWith('item.'));
  return { readsItemKeysOnly, isMultiField: fields.size > 1, stamp: 0, isEveryItem: true, keyItems: [] as number[] };
}

function addToIndex(index: Index, compiled: Compiled): void {
  const keys = keysOf(compiled.rule.indicator);
  if (!keys) {
    index.always.push(compiled);
    return;
  }
  for (const key of keys) {
    let f = index.fields.find((x) => x.field === key.field);
    if (!f) {
      f = {
        field: key.field,
        access: TEXT_ACCESS[key.field],
        isItem: key.field.startsWith('item.'),
        fi: { exact: new Map(), prefix: new Map(), prefixLengths: [] },
      };
      index.fields.push(f);
    }
    for (const value of key.values) {
      const bucket = key.isPrefix ? f.fi.prefix : f.fi.exact;
      const list = bucket.get(value);
      if (!list) bucket.set(value, [compiled]);
      else if (list[list.length - 1] !== compiled) list.push(compiled);
      if (key.isPrefix && !f.fi.prefixLengths.includes(value.length)) f.fi.prefixLengths.push(value.length);
    }
  }
}

/**
 * Compiles the active profile versions and the reference prices into an engine. Build it again
 * when a profile version or a price table changes; `evaluate` is synchronous and allocation-light.
 */
export function compileProfiles(rules: readonly ProfileRule[], prices: ReferencePrices): Engine {
  const compiled = rules.map((rule, k) => compileProfile(rule, k, prices));
  const indexes = new Map<SubjectKind, Index>();
  for (const c of compiled) {
    for (const kind of new Set(c.rule.subjects)) {
      let index = indexes.get(kind);
      if (!index) indexes.set(kind, (index = { fields: [], always: [] }));
      addToIndex(index, c);
    }
  }
  for (const index of indexes.values()) for (const f of index.fields) f.fi.prefixLengths.sort((a, b) => a - b);
  const unindexed = compiled.filter((c) => !keysOf(c.rule.indicator)).length;
  // Candidates are marked on the compiled profiles: evaluate is synchronous, so one evaluation never starts inside another.
  let stamp = 0;

  function evaluate(subject: RiskSubject): Evaluation {
    const index = indexes.get(subject.kind);
    if (!index) return { hits: [], evaluated: 0 };
    let total = 0;
    const items: ItemCtx[] = new Array(subject.items.length);
    for (let at = 0; at < items.length; at++) {
      const item = subject.items[at] as SubjectItem;
      total += item.customsValue;
      items[at] = { item, valuePerUnit: valuePerUnit(item), words: undefined, priceTable: undefined, price: undefined };
    }
    const s: SubjectCtx = { s: subject, totalCustomsValue: total, plannedRoute: subject.plannedRoute && new Set(subject.plannedRoute) };
    const run: Run = { stamp: ++stamp, candidates: [] };
    for (const f of index.fields) {
      if (f.isItem) for (let at = 0; at < items.length; at++) lookUpField(run, f, s, items[at] as ItemCtx, at);
      else lookUpField(run, f, s, NO_ITEM, -1);
    }
    const hits: (ProfileHit & { readonly order: number })[] = [];
    for (const c of run.candidates) {
      const numbers = itemsMeeting(c, s, items);
      if (numbers) hits.push(toHit(c, numbers));
    }
    // Profiles without a key are never in a bucket: they are taken here, each once.
    for (const c of index.always) {
      c.isEveryItem = true;
      const numbers = itemsMeeting(c, s, items);
      if (numbers) hits.push(toHit(c, numbers));
    }
    hits.sort((a, b) => a.order - b.order);
    return { hits: hits.map(({ order: _, ...hit }) => hit), evaluated: run.candidates.length + index.always.length };
  }

  return { profiles: compiled.length, unindexed, evaluate };
}
