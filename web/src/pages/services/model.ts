/**
 * What the tax-services pages share: the vocabulary of the Standard of order 396 as the UI names it
 * (channels, regions, SLA states, result kinds), the catalogue line as the public route returns it,
 * and the small pure helpers the pages format with (durations, the live SLA state, Dushanbe inputs).
 */
import { api } from '../../api/client.ts';
import type { Operations } from '../../api/types.gen.ts';

type Localised = { readonly tg: string; readonly ru: string; readonly en: string };
type Attribute<T> = { readonly value: T; readonly inferred: boolean };

/** One deadline line of Annex 2 (src/contexts/tax-services/domain/types.ts, ServiceLine). */
export type ServiceLine = {
  readonly code: string;
  readonly variant: string | null;
  readonly key: string;
  readonly group: string;
  readonly name: Localised;
  readonly deadline: { readonly kind: string; readonly date?: string; readonly minutes?: number };
  readonly deadlineText: Localised;
  readonly startEvent: string;
  readonly startEventAssumed: boolean;
  readonly result: { readonly kind: string; readonly text: Localised };
  readonly legalBasis: Attribute<Localised>;
  readonly cost: Attribute<{ readonly kind: 'free' | 'paid' | 'not_stated'; readonly note?: Localised }>;
  readonly responsibleUnit: Attribute<Localised>;
  readonly electronic: boolean;
};

export type Catalogue = {
  readonly version: Operations['GET /api/public/tax-services/catalogue']['response']['version'];
  readonly groups: readonly { readonly code: string; readonly name: Localised }[];
  readonly lines: readonly ServiceLine[];
};

/** The Standard in force; read once per page load (it changes by order, not by the minute). */
let catalogue: Promise<Catalogue> | undefined;
export function loadCatalogue(): Promise<Catalogue> {
  catalogue ??= api('GET /api/public/tax-services/catalogue')
    .then((c) => ({ version: c.version, groups: c.groups, lines: c.lines as unknown as ServiceLine[] }))
    .catch((e: unknown) => {
      catalogue = undefined;
      throw e;
    });
  return catalogue;
}

export type Unit = { readonly id: string; readonly code: string; readonly kind: string; readonly region: string; readonly name: Localised };
let units: Promise<Unit[]> | undefined;
export function loadUnits(): Promise<Unit[]> {
  units ??= api('GET /api/tax-services/units')
    .then((rows) =>
      (rows as Record<string, string>[]).map((u) => ({
        id: u.id ?? '',
        code: u.code ?? '',
        kind: u.kind ?? '',
        region: u.region ?? '',
        name: { tg: u.name_tg ?? '', ru: u.name_ru ?? '', en: u.name_en ?? '' },
      })),
    )
    .catch((e: unknown) => {
      units = undefined;
      throw e;
    });
  return units;
}

export type ServiceRequest = Operations['GET /api/tax-services/requests']['response'][number];
export type ServiceRequestDetail = Operations['GET /api/tax-services/requests/{id}']['response'];
export type Dashboard = Operations['GET /api/tax-services/dashboard']['response'];
export type DashboardRow = Dashboard['totals'];

/** Where a request came in (TS-26); `cabinet` is the taxpayer's own channel. */
export const CHANNELS = ['cabinet', 'office', 'terminal', 'phone_151', 'phone_152', 'trust_phone', 'email', 'chat', 'post', 'complaint_book'] as const;
export type Channel = (typeof CHANNELS)[number];
export const isChannel = (v: unknown): v is Channel => typeof v === 'string' && (CHANNELS as readonly string[]).includes(v);

export const REGIONS = ['central', 'dushanbe', 'sughd', 'khatlon', 'gbao', 'rrs'] as const;
export type Region = (typeof REGIONS)[number];
export const isRegion = (v: unknown): v is Region => typeof v === 'string' && (REGIONS as readonly string[]).includes(v);

/** The work-queue filters of GET /api/tax-services/requests. */
export const QUEUE_STATES = ['open', 'at_risk', 'breached', 'suspended', 'awaiting_documents', 'closed'] as const;
export type QueueState = (typeof QUEUE_STATES)[number];
export const isQueueState = (v: unknown): v is QueueState => typeof v === 'string' && (QUEUE_STATES as readonly string[]).includes(v);

/** The SLA state of one request (domain/sla.ts slaState, plus the two waiting statuses). */
export const SLA_STATES = ['on_track', 'at_risk', 'breached', 'met', 'met_late', 'suspended', 'awaiting_documents'] as const;
export type SlaState = (typeof SLA_STATES)[number];
export const isSlaState = (v: unknown): v is SlaState => typeof v === 'string' && (SLA_STATES as readonly string[]).includes(v);

export const RESULT_KINDS = [
  'tin_certificate',
  'registration_certificate',
  'certificate',
  'usr_extract',
  'receipt',
  'data_entry',
  'notice',
  'sms',
  'letter',
  'conclusion',
  'decision',
  'answer',
  'reconciliation_act',
  'information_note',
  'credentials',
  'eds_certificate',
  'excise_stamps',
  'payment',
  'counterparty_information',
  'established_manner',
] as const;
export type ResultKind = (typeof RESULT_KINDS)[number];
export const isResultKind = (v: unknown): v is ResultKind => typeof v === 'string' && (RESULT_KINDS as readonly string[]).includes(v);

/** What the request history records (application/requests.ts, application/sla-checker.ts). */
export const EVENT_KINDS = [
  'received',
  'documents_complete',
  'documents_requested',
  'documents_received',
  'completed',
  'rejected',
  'warned',
  'escalated',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const isEventKind = (v: unknown): v is EventKind => typeof v === 'string' && (EVENT_KINDS as readonly string[]).includes(v);

/**
 * The SLA state now, between two answers of the server: an open clock turns "at risk" at its
 * warning time and "breached" at its due time without waiting for the next refresh (TS-30).
 */
export function liveSlaState(sla: { state: string; dueAt: string | null; warnAt: string | null }, now: number): SlaState {
  const state = isSlaState(sla.state) ? sla.state : 'on_track';
  if (state !== 'on_track' && state !== 'at_risk') return state;
  if (sla.dueAt && Date.parse(sla.dueAt) <= now) return 'breached';
  if (sla.warnAt && Date.parse(sla.warnAt) <= now) return 'at_risk';
  return state;
}

/** A duration split for display: the largest unit that reads well, one decimal below 10. */
export type DurationParts = { readonly unit: 'seconds' | 'minutes' | 'hours' | 'days'; readonly value: number };
export function durationParts(seconds: number): DurationParts {
  const s = Math.max(0, seconds);
  const round = (v: number) => (v < 10 ? Math.round(v * 10) / 10 : Math.round(v));
  if (s < 60) return { unit: 'seconds', value: Math.round(s) };
  if (s < 3600) return { unit: 'minutes', value: round(s / 60) };
  if (s < 48 * 3600) return { unit: 'hours', value: round(s / 3600) };
  return { unit: 'days', value: round(s / 86_400) };
}

/** A datetime-local value read as Dushanbe time (UTC+05:00, no daylight saving), as RFC 3339. */
export const dushanbeInstant = (local: string): string => `${local.length === 16 ? `${local}:00` : local}+05:00`;

/** The last `count` months up to `current` (YYYY-MM), newest first. */
export function monthsUpTo(current: string, count: number): string[] {
  const [y, m] = current.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const index = y * 12 + (m - 1) - i;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

/** Services whose clock needs the reporting period (fixed dates but 1 February, date windows), or a plan date. */
export function needsPeriod(line: ServiceLine | undefined): 'year' | 'month' | undefined {
  const d = line?.deadline;
  if (!d) return undefined;
  if (d.kind === 'date_window') return 'month';
  if (d.kind === 'fixed_date' && d.date === 'april_1_after_year') return 'year';
  if (d.kind === 'fixed_date' && d.date !== 'february_1') return 'month';
  return undefined;
}

/** Fixed dates, windows, plans, real time and minutes are not suspended (A-9; application/requests.ts). */
export const canSuspend = (line: ServiceLine | undefined): boolean =>
  !line || !['fixed_date', 'date_window', 'plan', 'real_time', 'minutes'].includes(line.deadline.kind);

/** Whether the clock waits for the necessary documents (TS-29). */
export const startsWithDocuments = (line: ServiceLine | undefined): boolean =>
  line?.startEvent === 'application_and_documents' || line?.startEvent === 'documents';

/** Matches a search text against a line in every language (code, name, result, unit, legal basis). */
export function lineMatches(line: ServiceLine, query: string): boolean {
  const q = query.trim().toLocaleLowerCase();
  if (!q) return true;
  const texts = [
    line.code,
    line.key,
    ...Object.values(line.name),
    ...Object.values(line.result.text),
    ...Object.values(line.responsibleUnit.value),
    ...Object.values(line.legalBasis.value),
  ];
  return texts.some((t) => t.toLocaleLowerCase().includes(q));
}
