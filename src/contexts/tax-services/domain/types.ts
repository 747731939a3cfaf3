import type { Localised } from '../../../platform/i18n.ts';

/**
 * The vocabulary of the taxpayer service standard (seed 003, Tax Committee order 396 of 17 June
 * 2025; spec/tax-services.md). Pure types: the catalogue data, the SLA clock engine and the
 * request register all speak them.
 */

/** Where a request or complaint came in (TS-26, TS-15, TS-42). */
export const CHANNELS = [
  'cabinet', // the taxpayer's personal cabinet / www.andoz.tj
  'office', // in person at a tax office counter or records office
  'terminal', // a self-service terminal
  'phone_151', // call centre: consultations and complaints
  'phone_152', // call centre: TIN, UIN, RRC information
  'trust_phone', // the "trust" telephone 2330905
  'email', // info@andoz.tj
  'chat', // the electronic CHAT channel
  'post', // a letter
  'complaint_book', // the online Book of complaints (TS-40)
] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * The kinds of SLA clock of TS-27 (a)–(j). Every deadline line of Annex 2 maps to exactly one rule;
 * spec section 3 is the table this follows.
 */
export type DeadlineRule =
  /** (a) real time: a technical target in seconds (A-2; configurable, default 60 s); no legal breach. */
  | { readonly kind: 'real_time' }
  /** (b) real time with a hard cap: the breach is measured against the cap only. */
  | { readonly kind: 'real_time_capped'; readonly cap: { readonly unit: 'hours' | 'working_days'; readonly amount: number } }
  /** (c) clock hours, continuous, nights and holidays included; (j) with a long second stage (02.02.04, A-5). */
  | { readonly kind: 'hours'; readonly hours: number; readonly stageMonths?: number }
  /** (d) working days: counting starts the next working day, the deadline is the end of the Nth. */
  | { readonly kind: 'working_days'; readonly days: number }
  /** (e) calendar days; a period ending on a non-working day moves to the next working day (A-10, configurable). */
  | { readonly kind: 'calendar_days'; readonly days: number }
  /** (f) minutes of service time; `onlyWithoutQueue`: the limit applies only when there was no queue (TS-31). */
  | { readonly kind: 'minutes'; readonly minutes: number; readonly onlyWithoutQueue: boolean }
  /** (g) a fixed date: 1 February of the current year, 1 April after the reporting year, the 10th of the next month. */
  | { readonly kind: 'fixed_date'; readonly date: 'february_1' | 'april_1_after_year' | 'tenth_of_next_month' }
  /** (h) a date window: from the 16th to the 30th of the month after the reporting period. */
  | { readonly kind: 'date_window'; readonly fromDay: number; readonly toDay: number }
  /** (i) the date set by the approved plan (10.10.01). */
  | { readonly kind: 'plan' }
  /** No deadline printed (02.02.08, A-4): the configured general limit of the Law on appeals applies. */
  | { readonly kind: 'not_stated' };

/** The event that starts the clock, as the standard names it (spec section 3, "Start event"). */
export type StartEvent =
  | 'application' // submission of the application / request / appeal
  | 'application_and_documents' // the application and the necessary documents (TS-29: starts only when complete)
  | 'acceptance' // acceptance (registration) of the application or appeal
  | 'contract_and_payment' // the later of contract signature and fee payment (12.12.02)
  | 'authority_data' // receipt of data from a registering authority or the stock exchange
  | 'documents' // submission of the relevant documents (07.07.04, 08.08.01)
  | 'service_start' // start of service at the counter or terminal
  | 'period' // the reporting period or the year (fixed dates and windows)
  | 'plan' // the approved plan
  | 'payment'; // a payment (05.05.05)

/** What the taxpayer receives at the "moment of completion" (TS-08). */
export type ResultKind =
  | 'tin_certificate'
  | 'registration_certificate'
  | 'certificate'
  | 'usr_extract'
  | 'receipt'
  | 'data_entry'
  | 'notice'
  | 'sms'
  | 'letter'
  | 'conclusion'
  | 'decision'
  | 'answer'
  | 'reconciliation_act'
  | 'information_note'
  | 'credentials'
  | 'eds_certificate'
  | 'excise_stamps'
  | 'payment'
  | 'counterparty_information'
  | 'established_manner';

/** An attribute of a row; `inferred` marks a value taken from an adjacent merged cell (spec †, A-1). */
export type Attribute<T> = { readonly value: T; readonly inferred: boolean };

/** One deadline line of Annex 2 (52 codes, 59 lines with the sub-variants of TS-25). */
export type ServiceLine = {
  /** The service code, e.g. '05.05.01'. */
  readonly code: string;
  /** The sub-variant letter ('a'…'e') or null. */
  readonly variant: string | null;
  /** code + variant, e.g. '05.05.01a' or '06.06.01': the key requests refer to. */
  readonly key: string;
  /** The group code, e.g. '05.00.00' (TS-09). */
  readonly group: string;
  readonly name: Localised;
  readonly deadline: DeadlineRule;
  /** The deadline as printed: tg verbatim from the seed, ru and en translations. */
  readonly deadlineText: Localised;
  readonly startEvent: StartEvent;
  /** The start event is our reading where the source names none. */
  readonly startEventAssumed: boolean;
  readonly result: { readonly kind: ResultKind; readonly text: Localised };
  readonly legalBasis: Attribute<Localised>;
  readonly cost: Attribute<{ readonly kind: 'free' | 'paid' | 'not_stated'; readonly note?: Localised }>;
  readonly responsibleUnit: Attribute<Localised>;
  /** Whether the result is delivered electronically. */
  readonly electronic: boolean;
  /**
   * Cells of this row other than legal basis, cost and unit that the seed does not print either and
   * that were taken from the adjacent merged cell (spec †, A-1): only 02.02.06 (deadline, result).
   */
  readonly inferredCells?: readonly ('deadline' | 'result')[];
};

/** A service group of TS-09, named as in Annex 1. */
export type ServiceGroup = { readonly code: string; readonly name: Localised };
