/**
 * What the risk analyst's pages and the officers' lanes share (docs/risk-ui.md): the API shapes, the
 * vocabulary of the indicator language (art.428 i.12, art.429: the ten objects of analysis), the
 * builder's tree and its JSON, which operation applies to which field, the order of the lanes for
 * re-routing, and rates as people read them. Pure: no React, no fetch.
 */
import type { Operations } from '../../api/types.gen.ts';
import type { Language } from '../../i18n/dict.ts';
// The vocabulary is the server's own (pure, no imports): the lanes, the lists of art.427 p.2 and
// art.428 i.2-3 and i.7 (CUS-RMS-02, 04, 05, 09), the ten objects of art.429 (CUS-RMS-16) and the fields
// that read each, so the builder offers exactly what the server accepts.
import {
  LANES,
  type Lane,
  MEASURES,
  NUMBER_FIELDS,
  type NumberField,
  OBJECTS_OF_ANALYSIS as OBJECTS,
  type ObjectOfAnalysis,
  RISK_CATEGORIES as CATEGORIES,
  RISK_KINDS,
  SUBJECT_KINDS,
  TEXT_FIELDS,
  type TextField,
} from '../../../../src/contexts/risk/domain/model.ts';

export { CATEGORIES, LANES, MEASURES, NUMBER_FIELDS, OBJECTS, RISK_KINDS, SUBJECT_KINDS, TEXT_FIELDS };
export type { Lane, NumberField, ObjectOfAnalysis, TextField };

export type ProfileListItem = Operations['GET /api/risk/profiles']['response'][number];
export type Profile = Operations['GET /api/risk/profiles/{id}']['response'];
export type Version = Profile['versions'][number];
export type ProfileState = Version['state'];
export type NewProfileBody = Operations['POST /api/risk/profiles']['body'];
export type ProfileBody = Operations['PUT /api/risk/profiles/{id}']['body'];
export type SimulationQuery = Operations['POST /api/risk/profiles/{id}/versions/{version}/simulate']['body'];
export type Simulation = Operations['POST /api/risk/profiles/{id}/versions/{version}/simulate']['response'];
export type Decision = Operations['GET /api/risk/decisions']['response'][number];
export type ProfileReportRow = Operations['GET /api/risk/reports/profiles']['response'][number];
export type LaneReportRow = Operations['GET /api/risk/reports/lanes']['response'][number];
export type Settings = Operations['GET /api/risk/settings']['response'];
export type PriceImport = Operations['POST /api/risk/price-references']['response'];

export type Category = NewProfileBody['categories'][number];
export type RiskKind = NewProfileBody['kind'];
export type SubjectKind = NewProfileBody['subjects'][number];
export type ControlLane = NewProfileBody['lane'];
export type Measure = NewProfileBody['measures'][number];

export const isLane = (v: unknown): v is Lane => typeof v === 'string' && (LANES as readonly string[]).includes(v);
/** The lanes a profile sends a selected subject to. */
export const CONTROL_LANES: readonly ControlLane[] = ['blue', 'yellow', 'red'];
/** The Mantine colour of each lane's badge: the lane's own colour. */
export const LANE_COLORS: Readonly<Record<Lane, string>> = { green: 'green', blue: 'blue', yellow: 'yellow', red: 'red' };

export const PROFILE_STATES: readonly ProfileState[] = ['draft', 'approved', 'active', 'retired'];
export const isProfileState = (v: unknown): v is ProfileState => typeof v === 'string' && (PROFILE_STATES as readonly string[]).includes(v);
export const STATE_COLORS: Readonly<Record<ProfileState, string>> = { draft: 'gray', approved: 'cyan', active: 'teal', retired: 'dark' };

/** Art.428 i.4: 1 low … 5 critical. */
export const LEVELS = [1, 2, 3, 4, 5] as const;

// ---- The indicator language: the server's own vocabulary (src/contexts/risk/domain/model.ts, pure) ----

export const TEXT_OPS = ['in', 'not_in', 'prefix', 'contains'] as const;
export type TextOp = (typeof TEXT_OPS)[number];
export const CMPS = ['lt', 'le', 'gt', 'ge', 'eq'] as const;
export type Cmp = (typeof CMPS)[number];

/** Conditions that name no field: each reads one object of analysis. */
export const SPECIAL_OPS = {
  below_reference: 'customs_value',
  first_time: 'trader',
  route_deviation: 'route',
  missing_document: 'documents',
} as const satisfies Record<string, ObjectOfAnalysis>;
export type SpecialOp = keyof typeof SPECIAL_OPS;

export const isTextField = (f: string): f is TextField => Object.hasOwn(TEXT_FIELDS, f);
export const isNumberField = (f: string): f is NumberField => Object.hasOwn(NUMBER_FIELDS, f);
const isSpecialOp = (op: string): op is SpecialOp => Object.hasOwn(SPECIAL_OPS, op);

/** One condition or combination of the builder; `value` and `ratio` are null while not yet typed. */
export type Node =
  | { readonly op: TextOp; readonly field: TextField; readonly values: readonly string[] }
  | { readonly op: 'compare'; readonly field: NumberField; readonly cmp: Cmp; readonly value: number | null }
  | { readonly op: 'below_reference'; readonly table: string; readonly ratio: number | null }
  | { readonly op: 'first_time' }
  | { readonly op: 'route_deviation' }
  | { readonly op: 'missing_document'; readonly typeCode: string }
  | { readonly op: 'all' | 'any'; readonly of: readonly Node[] }
  | { readonly op: 'not'; readonly of: Node };
export type Leaf = Exclude<Node, { op: 'all' | 'any' | 'not' }>;
export type Group = Extract<Node, { op: 'all' | 'any' }>;
export type Not = Extract<Node, { op: 'not' }>;
export const isGroup = (n: Node): n is Group => n.op === 'all' || n.op === 'any';
export const isLeaf = (n: Node): n is Leaf => !isGroup(n) && n.op !== 'not';

/**
 * What a condition reads: a field of analysis or one of the conditions without a field. It is the
 * first choice of a condition row, grouped by the ten objects of art.429.
 */
export type Subject = TextField | NumberField | SpecialOp;

/** The choices of a condition row grouped by object, in the article's order. */
export function subjectsByObject(): { readonly object: ObjectOfAnalysis; readonly subjects: readonly Subject[] }[] {
  const all: [Subject, ObjectOfAnalysis][] = [
    ...(Object.entries(TEXT_FIELDS) as [TextField, ObjectOfAnalysis][]),
    ...(Object.entries(NUMBER_FIELDS) as [NumberField, ObjectOfAnalysis][]),
    ...(Object.entries(SPECIAL_OPS) as [SpecialOp, ObjectOfAnalysis][]),
  ];
  return OBJECTS.map((object) => ({ object, subjects: all.filter(([, o]) => o === object).map(([s]) => s) }));
}

export const subjectOf = (leaf: Leaf): Subject => ('field' in leaf ? leaf.field : leaf.op);

/**
 * The operations a field takes (indicator-check.ts formOf): numbers are compared; the description is
 * searched word by word (`contains`, and only it); `prefix` needs a value whose start means something
 * (codes, vehicles, offices, traders, documents, regimes), not a country, a direction, a category or a mode.
 */
export function opsFor(field: TextField | NumberField): readonly (TextOp | 'compare')[] {
  if (isNumberField(field)) return ['compare'];
  if (field === 'item.description') return ['contains'];
  const noPrefix: readonly TextField[] = [
    'item.originCountry',
    'countryOfDispatch',
    'countryOfDestination',
    'direction',
    'item.goodsCategory',
    'transportMode',
  ];
  return noPrefix.includes(field) ? ['in', 'not_in'] : ['in', 'not_in', 'prefix'];
}

export const isOpAllowed = (field: TextField | NumberField, op: string): boolean => (opsFor(field) as readonly string[]).includes(op);

/** A fresh condition reading `subject`; a field keeps the values already typed when the operation still applies. */
export function leafFor(subject: Subject, previous?: Leaf): Leaf {
  if (isSpecialOp(subject)) {
    if (subject === 'below_reference') return { op: 'below_reference', table: '', ratio: 0.7 };
    if (subject === 'missing_document') return { op: 'missing_document', typeCode: '' };
    return { op: subject };
  }
  if (isNumberField(subject)) {
    const cmp = previous?.op === 'compare' ? previous.cmp : 'gt';
    return { op: 'compare', field: subject, cmp, value: previous?.op === 'compare' ? previous.value : null };
  }
  const ops = opsFor(subject) as readonly TextOp[];
  const keep = previous && 'values' in previous && ops.includes(previous.op);
  // A commodity code is mostly written as a heading ("8703"): starts-with comes first for it.
  const op = keep ? previous.op : subject === 'item.commodityCode' ? 'prefix' : (ops[0] as TextOp);
  return { op, field: subject, values: keep ? previous.values.map((v) => normaliseValue(subject, v)) : [] };
}

/** A value as the server wants it: countries in capitals, categories in lower case, no surrounding spaces. */
export function normaliseValue(field: TextField, value: string): string {
  const v = value.trim();
  if (field === 'item.originCountry' || field === 'countryOfDispatch' || field === 'countryOfDestination') return v.toUpperCase();
  if (field === 'item.goodsCategory' || field === 'direction') return v.toLowerCase();
  if (field === 'item.commodityCode') return v.replace(/\s+/g, '');
  return v;
}

/** The builder's starting point: "all of" one condition on the commodity code. */
export const emptyTree = (): Node => ({ op: 'all', of: [leafFor('item.commodityCode')] });

// ---- Tree ↔ JSON ----

/** The indicator the API takes; a number not yet typed is left out, so the server names it missing at its path. */
export function toIndicator(node: Node): unknown {
  switch (node.op) {
    case 'compare':
      return node.value === null ? { op: 'compare', field: node.field, cmp: node.cmp } : { op: 'compare', field: node.field, cmp: node.cmp, value: node.value };
    case 'below_reference':
      return node.ratio === null ? { op: node.op, table: node.table } : { op: node.op, table: node.table, ratio: node.ratio };
    case 'missing_document':
      return { op: node.op, typeCode: node.typeCode };
    case 'first_time':
    case 'route_deviation':
      return { op: node.op };
    case 'all':
    case 'any':
      return { op: node.op, of: node.of.map(toIndicator) };
    case 'not':
      return { op: 'not', of: toIndicator(node.of) };
    default:
      return { op: node.op, field: node.field, values: [...node.values] };
  }
}

export type Parsed = { readonly ok: true; readonly node: Node } | { readonly ok: false; readonly path: string };
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * An indicator written as JSON, read into the builder's tree; on a shape the builder cannot show
 * (an unknown operation, a field of the wrong kind, a missing property) it answers the path at fault.
 * The builder does not judge values: the server does, and its problems come back to the paths.
 */
export function fromIndicator(json: unknown, path = 'indicator'): Parsed {
  if (!isObject(json)) return { ok: false, path };
  const { op } = json;
  const bad = (part: string): Parsed => ({ ok: false, path: `${path}.${part}` });
  switch (op) {
    case 'in':
    case 'not_in':
    case 'prefix':
    case 'contains': {
      const { field, values } = json;
      if (typeof field !== 'string' || !isTextField(field)) return bad('field');
      if (!Array.isArray(values) || !values.every((v) => typeof v === 'string')) return bad('values');
      return { ok: true, node: { op, field, values: values as string[] } };
    }
    case 'compare': {
      const { field, cmp, value } = json;
      if (typeof field !== 'string' || !isNumberField(field)) return bad('field');
      if (typeof cmp !== 'string' || !(CMPS as readonly string[]).includes(cmp)) return bad('cmp');
      if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value))) return bad('value');
      return { ok: true, node: { op, field, cmp: cmp as Cmp, value: value ?? null } };
    }
    case 'below_reference': {
      const { table, ratio } = json;
      if (typeof table !== 'string') return bad('table');
      if (ratio !== undefined && (typeof ratio !== 'number' || !Number.isFinite(ratio))) return bad('ratio');
      return { ok: true, node: { op, table, ratio: ratio ?? null } };
    }
    case 'first_time':
    case 'route_deviation':
      return { ok: true, node: { op } };
    case 'missing_document':
      return typeof json.typeCode === 'string' ? { ok: true, node: { op, typeCode: json.typeCode } } : bad('typeCode');
    case 'all':
    case 'any': {
      if (!Array.isArray(json.of)) return bad('of');
      const parts: Node[] = [];
      for (const [i, part] of json.of.entries()) {
        const parsed = fromIndicator(part, `${path}.of[${i}]`);
        if (!parsed.ok) return parsed;
        parts.push(parsed.node);
      }
      return { ok: true, node: { op, of: parts } };
    }
    case 'not': {
      const inner = fromIndicator(json.of, `${path}.of`);
      return inner.ok ? { ok: true, node: { op, of: inner.node } } : inner;
    }
    default:
      return bad('op');
  }
}

/** The art.429 objects of analysis a tree reads (CUS-RMS-16), in the article's order (indicator-check.ts objectsOf). */
export function objectsOfTree(root: Node): ObjectOfAnalysis[] {
  const found = new Set<ObjectOfAnalysis>();
  const visit = (n: Node): void => {
    if (n.op === 'all' || n.op === 'any') n.of.forEach(visit);
    else if (n.op === 'not') visit(n.of);
    else if (n.op === 'compare') found.add(NUMBER_FIELDS[n.field]);
    else if (n.op === 'below_reference') found.add('customs_value').add('commodity_code');
    else if ('field' in n) found.add(TEXT_FIELDS[n.field]);
    else found.add(SPECIAL_OPS[n.op]);
  };
  visit(root);
  return OBJECTS.filter((o) => found.has(o));
}

// ---- Editing the tree by path (a path is the list of `of` steps: [1, 'not', 0] …) ----

/** A step into a combination: the index of a part of all/any, or `not`'s single part. */
export type Step = number | 'not';

/** The JSON path the server gives a node's faults: [] → `indicator`, [1, 'not'] → `indicator.of[1].of`. */
export const jsonPathOf = (steps: readonly Step[]): string => steps.reduce<string>((p, s) => (s === 'not' ? `${p}.of` : `${p}.of[${s}]`), 'indicator');

export function nodeAt(root: Node, steps: readonly Step[]): Node | undefined {
  let node: Node | undefined = root;
  for (const s of steps) {
    if (!node) return undefined;
    if (s === 'not') node = node.op === 'not' ? node.of : undefined;
    else node = node.op === 'all' || node.op === 'any' ? node.of[s] : undefined;
  }
  return node;
}

/** The tree with the node at `steps` replaced by `change(node)`. */
export function updateAt(root: Node, steps: readonly Step[], change: (n: Node) => Node): Node {
  if (steps.length === 0) return change(root);
  const [s, ...rest] = steps;
  if (s === 'not') return root.op === 'not' ? { op: 'not', of: updateAt(root.of, rest, change) } : root;
  if (root.op !== 'all' && root.op !== 'any') return root;
  return { op: root.op, of: root.of.map((part, i) => (i === s ? updateAt(part, rest, change) : part)) };
}

/** The tree without the node at `steps`; a `not` whose part is removed goes with it; the root stays. */
export function removeAt(root: Node, steps: readonly Step[]): Node {
  if (steps.length === 0) return root;
  const parentSteps = steps.slice(0, -1);
  const last = steps[steps.length - 1];
  const parent = nodeAt(root, parentSteps);
  if (parent?.op === 'not') return removeAt(root, parentSteps);
  return updateAt(root, parentSteps, (p) => (p.op === 'all' || p.op === 'any' ? { op: p.op, of: p.of.filter((_, i) => i !== last) } : p));
}

/** Negates a node (wraps it in `not`), or un-negates a `not`. */
export const toggleNot = (node: Node): Node => (node.op === 'not' ? node.of : { op: 'not', of: node });

// ---- The server's faults at the builder's inputs ----

/** One fault of an indicator as RISK_INDICATOR_INVALID lists it in `details.problems`. */
export type IndicatorProblem = { readonly code: string; readonly field: string };

/** The indicator faults of a refusal, read defensively. */
export function indicatorProblemsOf(details: Record<string, unknown> | undefined): IndicatorProblem[] {
  const raw = details?.problems;
  if (!Array.isArray(raw)) return [];
  return raw
    .filter((p): p is IndicatorProblem => isObject(p) && typeof p.code === 'string' && typeof p.field === 'string')
    .map((p) => ({ code: p.code, field: p.field }));
}

export type Part = 'op' | 'field' | 'values' | 'cmp' | 'value' | 'table' | 'ratio' | 'typeCode' | 'of' | 'node';
const OWN = /^(?:\.(op|field|values|cmp|value|table|ratio|typeCode|of))?(?:\[(\d+)\])?$/;

/**
 * The faults that belong to the node at `path` (not to its parts), each with the input it points at
 * and, for a list, the index of the value: `indicator.of[0].values[2]` is the third value of the
 * first condition. A `not` leaves `.of` to its part.
 */
export function problemsAt(problems: readonly IndicatorProblem[], path: string, isNot = false): { code: string; part: Part; index?: number }[] {
  const out: { code: string; part: Part; index?: number }[] = [];
  for (const p of problems) {
    if (!p.field.startsWith(path)) continue;
    const m = OWN.exec(p.field.slice(path.length));
    if (!m) continue;
    const part = (m[1] ?? 'node') as Part;
    if (isNot && part === 'of') continue;
    out.push(m[2] === undefined ? { code: p.code, part } : { code: p.code, part, index: Number(m[2]) });
  }
  return out;
}

// ---- Lanes and re-routing ----

export const LANE_RANK: Readonly<Record<Lane, number>> = { green: 0, blue: 1, yellow: 2, red: 3 };

/** Issue #6: an officer re-routes upward (stricter) at will; downward only with a recorded reason. */
export function rerouteDirection(from: Lane, to: Lane): 'up' | 'down' | 'same' {
  const d = LANE_RANK[to] - LANE_RANK[from];
  return d > 0 ? 'up' : d < 0 ? 'down' : 'same';
}
export const needsReason = (from: Lane, to: Lane): boolean => rerouteDirection(from, to) === 'down';
/** The lanes a declaration in `from` may be sent to: the stricter ones first, then the lower ones. */
export const rerouteTargets = (from: Lane): Lane[] => [
  ...LANES.filter((l) => LANE_RANK[l] > LANE_RANK[from]),
  ...LANES.filter((l) => LANE_RANK[l] < LANE_RANK[from]).reverse(),
];

/** Rows in lane order, green to red; a lane the UI does not know goes last. */
export const byLaneOrder = <T extends { readonly lane: string }>(rows: readonly T[]): T[] =>
  [...rows].sort((a, b) => (isLane(a.lane) ? LANE_RANK[a.lane] : 9) - (isLane(b.lane) ? LANE_RANK[b.lane] : 9));

// ---- Rates and figures ----

const LOCALE: Record<Language, string> = { tg: 'ru-RU', ru: 'ru-RU', en: 'en-GB' };

/** A share 0..1 as a percentage with at most one decimal: 12,5 % (tg, ru) or 12.5% (en); — when unknown. */
export function formatRate(rate: number | null | undefined, lang: Language): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—';
  return new Intl.NumberFormat(LOCALE[lang], { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}

/** A whole number with the language's grouping: 1 000 000 (tg, ru) or 1,000,000 (en). */
export function formatCount(n: number, lang: Language): string {
  return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 0 }).format(n).replace(/\u202f/g, '\u00a0');
}

/** A settings rate typed as a percentage ("2,5" or "2.5") as the share the API takes (0.025), or undefined. */
export function percentToShare(text: string): number | undefined {
  const m = /^(\d{1,3})(?:[.,](\d{1,4}))?$/.exec(text.trim());
  if (!m) return undefined;
  const value = Number(`${m[1]}.${m[2] ?? '0'}`);
  return value > 100 ? undefined : Math.round(value * 10_000) / 1_000_000;
}

/** A share 0..1 as the percentage an input shows (0.025 → "2.5"), without floating-point tails. */
export const shareToPercent = (share: number): string => String(Math.round(share * 1_000_000) / 10_000);

/** YYYY-MM-DD of the day `days` after a YYYY-MM-DD day. */
export const shiftDay = (day: string, days: number): string => new Date(Date.parse(`${day}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

// ---- The workflow ----

/** How the server names the acting user (risk/application/deps.ts actorOf). */
export const actorName = (role: string, login: string): string => `${role}:${login}`;

/** The steps a version offers (draft → approved → active → retired; CUS-RMS-21); approval needs another analyst. */
export function stepsFor(
  v: Pick<Version, 'state'>,
  isLatest: boolean,
): { approve: boolean; activate: boolean; retire: boolean; edit: boolean; newVersion: boolean } {
  return {
    approve: v.state === 'draft',
    activate: v.state === 'approved',
    retire: v.state === 'approved' || v.state === 'active',
    edit: v.state === 'draft' && isLatest,
    newVersion: v.state !== 'draft' && isLatest,
  };
}

/** A version's content as the editor opens it (for a new version, or to edit a draft). */
export function bodyOf(v: Version): ProfileBody {
  return {
    area: { ...v.area },
    categories: v.categories.filter((c): c is Category => (CATEGORIES as readonly string[]).includes(c)),
    kind: v.kind === 'identified' ? 'identified' : 'potential',
    indicator: v.indicator,
    subjects: v.subjects.filter((s): s is SubjectKind => (SUBJECT_KINDS as readonly string[]).includes(s)),
    lane: CONTROL_LANES.find((l) => l === v.lane) ?? 'yellow',
    selectionPercent: v.selectionPercent,
    measures: v.measures.filter((m): m is Measure => (MEASURES as readonly string[]).includes(m)),
    level: v.level,
    validFrom: v.validFrom,
    validTo: v.validTo,
  };
}

/** The price-import faults as RISK_PRICE_IMPORT_INVALID lists them: line (the header is 1), column, code; in line order. */
export type PriceProblem = { readonly line: number; readonly field: string; readonly code: string };
export function priceProblemsOf(details: Record<string, unknown> | undefined): PriceProblem[] {
  const raw = details?.problems;
  if (!Array.isArray(raw)) return [];
  return raw
    .filter((p): p is PriceProblem => isObject(p) && typeof p.line === 'number' && typeof p.field === 'string' && typeof p.code === 'string')
    .map((p) => ({ line: p.line, field: p.field, code: p.code }))
    .sort((a, b) => a.line - b.line);
}
