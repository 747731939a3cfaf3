/**
 * What the customs declaration pages share (docs/customs-declarations.md): the declaration as the
 * API takes and returns it, the vocabularies the UI names (states, regimes, grounds …), exact
 * decimal and diram arithmetic (no floating point), and the release clock of the work queue.
 */
import type { Operations } from '../../api/types.gen.ts';
import type { Language } from '../../i18n/dict.ts';

export type Data = Operations['POST /api/customs/declarations']['body']['data'];
export type Form = Operations['POST /api/customs/declarations']['body']['form'];
export type Item = Data['items'][number];
export type DocumentRef = Data['documents'][number];
export type Detail = Operations['GET /api/customs/declarations/{id}']['response'];
export type Summary = Operations['GET /api/customs/declarations']['response'][number];
export type State = Summary['state'];
export type Office = Operations['GET /api/customs/offices']['response'][number];
export type CommodityCode = Operations['GET /api/customs/commodity-codes']['response'][number];
export type DocumentType = Operations['GET /api/customs/document-types']['response'][number];

/** One reason of a refusal to register (art.132 p.4): its ground 1-6, a code and the field it points at. */
export type Reason = { readonly ground: number; readonly code: string; readonly field: string };

export const STATE_COLORS: Record<State, string> = {
  DRAFT: 'gray',
  PRELIMINARY_REGISTERED: 'cyan',
  WITHDRAWAL_DUE: 'orange',
  REGISTERED: 'blue',
  UNDER_CONTROL: 'violet',
  AMENDMENT_REQUESTED: 'yellow',
  AMENDMENT_DEMANDED: 'orange',
  WITHDRAWAL_REQUESTED: 'yellow',
  RELEASE_SUSPENDED: 'red',
  RELEASED: 'teal',
  CONDITIONALLY_RELEASED: 'lime',
  RELEASE_REFUSED: 'red',
  WITHDRAWN: 'gray',
  RELEASE_ANNULLED: 'dark',
  NOT_ACCEPTED: 'red',
};
/** The states of catalog 3.1 in their order; `Record<State, …>` above keeps the list whole against the generated API types. */
export const STATES = Object.keys(STATE_COLORS) as readonly State[];
export const isState = (s: string): s is State => (STATES as readonly string[]).includes(s);

export const FORMS: readonly Form[] = ['standard', 'preliminary', 'incomplete', 'periodic'];
export const DIRECTIONS: readonly Data['direction'][] = ['import', 'export'];
export const REGIMES: readonly Data['regime'][] = [
  'release_for_free_circulation',
  'export',
  'transit',
  'customs_warehouse',
  'temporary_import',
  'temporary_export',
  'processing_inside',
  'processing_outside',
  're_import',
  're_export',
  'free_zone',
  'duty_free_shop',
  'destruction',
  'abandonment',
];
export const MODES: readonly Data['transport']['mode'][] = ['road', 'river', 'air', 'rail', 'pipeline', 'power_line'];
type Exemption = NonNullable<Data['preliminaryExemption']>;
export const EXEMPTIONS: readonly Exemption[] = [
  'personal_use',
  'postal_item',
  'art320_p1_goods',
  'disaster_relief',
  'military_goods',
  'pipeline',
  'power_line',
];
export const VALUATION_METHODS = [1, 2, 3, 4, 5, 6] as const;
export const CONTROL_KINDS = [
  'documents_requested',
  'examination_notified',
  'inspection_decided',
  'expertise_ordered',
  'violation_found',
  'no_violation_found',
  'control_completed',
  'release_suspended',
  'suspension_cancelled',
] as const;
export type ControlKind = (typeof CONTROL_KINDS)[number];
export const LANES = ['green', 'blue', 'yellow', 'red'] as const;
export const ORIGINAL_KINDS = ['customs_value', 'origin_for_preference', 'payment_relief'] as const;
/** Art.153 p.1 i.1-7: the grounds for refusing release. */
export const REFUSAL_GROUNDS = [1, 2, 3, 4, 5, 6, 7] as const;
export const AMENDMENT_KINDS = ['data', 'location_or_typo', 'completion'] as const;
export type AmendmentKind = (typeof AMENDMENT_KINDS)[number];

/** A new declaration as the editor opens it: an import for free circulation, filed by the account's own TIN. */
export function emptyData(tin: string | null | undefined): Data {
  const party = { name: '', country: '', address: '' };
  return {
    direction: 'import',
    regime: 'release_for_free_circulation',
    officeCode: '',
    declarantCode: tin ?? '',
    consignor: party,
    consignee: { ...party, country: 'TJ', ...(tin ? { tin } : {}) },
    transport: { mode: 'road', vehicles: [], nationality: '' },
    countryOfDispatch: '',
    countryOfDestination: 'TJ',
    currency: 'USD',
    invoiceTotal: '',
    deliveryTerms: '',
    valuation: { method: 1, transportCost: '0', insuranceCost: '0', otherCosts: '0' },
    items: [],
    documents: [],
  };
}

export function emptyItem(number: number): Item {
  return {
    number,
    commodityCode: '',
    description: '',
    originCountry: '',
    grossMassKg: '',
    netMassKg: '',
    packages: 0,
    packageKind: '',
    invoiceAmount: '',
  };
}

/** Items renumbered 1, 2, 3 … after one is removed (the API wants them in order). */
export const renumber = (items: readonly Item[]): Item[] => items.map((item, i) => ({ ...item, number: i + 1 }));

const DECIMAL = /^(0|[1-9]\d{0,14})(\.\d{1,2})?$/;

/** The sum of the items' invoice amounts with two decimals, or undefined while one is not a number. */
export function sumAmounts(items: readonly Item[]): string | undefined {
  let total = 0n;
  for (const item of items) {
    if (!DECIMAL.test(item.invoiceAmount)) return undefined;
    const [whole = '0', fraction = ''] = item.invoiceAmount.split('.');
    total += BigInt(whole + fraction.padEnd(2, '0'));
  }
  const digits = total.toString().padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** An amount in dirams (a string of digits, possibly beyond 2^53) as somoni with two decimals. */
export function formatDirams(value: string | null | undefined, lang: Language): string {
  if (value === null || value === undefined || !/^-?\d+$/.test(value)) return '—';
  const negative = value.startsWith('-');
  const digits = (negative ? value.slice(1) : value).padStart(3, '0');
  const whole = digits
    .slice(0, -2)
    .replace(/^0+(?=\d)/, '')
    .replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'en' ? ',' : '\u00a0');
  return `${negative ? '−' : ''}${whole}${lang === 'en' ? '.' : ','}${digits.slice(-2)}`;
}

export type Clock = { readonly tone: 'ok' | 'soon' | 'late'; readonly days: number; readonly hours: number; readonly minutes: number };

/** Four working hours or less before the end of the release period (art.152) is "little left". */
const SOON_MS = 4 * 3600_000;

/** Time left until the release deadline; late once past it. */
export function releaseClock(dueAt: string | null, now: number): Clock | undefined {
  if (!dueAt) return undefined;
  const left = Date.parse(dueAt) - now;
  if (Number.isNaN(left)) return undefined;
  const abs = Math.abs(left);
  const tone = left < 0 ? 'late' : left <= SOON_MS ? 'soon' : 'ok';
  return { tone, days: Math.floor(abs / 86_400_000), hours: Math.floor((abs % 86_400_000) / 3_600_000), minutes: Math.floor((abs % 3_600_000) / 60_000) };
}

/** The queue, most urgent first: by release deadline, those without one after, then oldest first. */
export function byDeadline(rows: readonly Summary[]): Summary[] {
  const due = (r: Summary) => (r.releaseDueAt ? Date.parse(r.releaseDueAt) : Number.POSITIVE_INFINITY);
  return [...rows].sort((a, b) => due(a) - due(b) || a.createdAt.localeCompare(b.createdAt));
}

/** Reasons grouped by their ground of art.132 p.4, grounds in order. */
export function groupReasons(reasons: readonly Reason[]): { ground: number; reasons: Reason[] }[] {
  const grounds = [...new Set(reasons.map((r) => r.ground))].sort((a, b) => a - b);
  return grounds.map((ground) => ({ ground, reasons: reasons.filter((r) => r.ground === ground) }));
}

/** The reasons of a DECLARATION_NOT_REGISTERABLE problem, read defensively. */
export function reasonsOf(details: Record<string, unknown> | undefined): Reason[] {
  const raw = details?.reasons;
  if (!Array.isArray(raw)) return [];
  return raw
    .filter(
      (r): r is Reason => typeof r === 'object' && r !== null && typeof r.ground === 'number' && typeof r.code === 'string' && typeof r.field === 'string',
    )
    .map((r) => ({ ground: r.ground, code: r.code, field: r.field }));
}

/**
 * The editor's anchor for a field path of a reason or a validation error: `items[1].netMassKg`
 * points at item 2, `documents.CMR` at the documents, `consignor.country` at that input.
 */
export function anchorOf(field: string): string {
  const bare = field.replace(/^(body\.)?(data\.)?/, '');
  const item = /^items\[(\d+)\]/.exec(bare);
  if (item) return `decl-item-${Number(item[1]) + 1}`;
  if (bare.startsWith('documents')) return 'decl-documents';
  if (bare === 'signature') return 'decl-sign';
  if (bare === 'form' || bare === 'channel') return 'decl-field-form';
  return `decl-field-${bare.replace(/[^A-Za-z0-9]+/g, '-')}`;
}

/** The i18n key of a field path's label: `items[1].netMassKg` → `item.netMassKg`, `documents.CMR` → `documents`. */
export function fieldKeyOf(field: string): { key: string; item?: number; document?: string } {
  const bare = field.replace(/^(body\.)?(data\.)?/, '');
  const item = /^items\[(\d+)\](?:\.(\w+))?/.exec(bare);
  if (item) return { key: item[2] ? `item.${item[2]}` : 'items', item: Number(item[1]) + 1 };
  const doc = /^documents(?:\.([A-Z0-9-]+)|\[\d+\]\.\w+)?$/.exec(bare);
  if (doc) return { key: 'documents', ...(doc[1] ? { document: doc[1] } : {}) };
  return { key: bare };
}

/** Whether the declarant may still change the declaration under art.133 or withdraw it under art.134. */
export const isBeforeRelease = (s: State) =>
  ['PRELIMINARY_REGISTERED', 'REGISTERED', 'UNDER_CONTROL', 'AMENDMENT_DEMANDED', 'RELEASE_SUSPENDED', 'WITHDRAWAL_DUE'].includes(s);
export const mayWithdraw = (s: State) => isBeforeRelease(s) || s === 'RELEASED' || s === 'CONDITIONALLY_RELEASED';
/** States in which customs may still release or refuse (catalog 3.1, D17-D19). */
export const isDecidable = (s: State) => ['REGISTERED', 'UNDER_CONTROL', 'AMENDMENT_DEMANDED', 'RELEASE_SUSPENDED'].includes(s);
