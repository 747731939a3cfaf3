/**
 * The goods declaration of chapter 14 (art.123-138) as data, and its state machine (catalog 3.1).
 * Pure: no I/O, no clock. Amounts in a foreign currency are exact decimal strings; amounts in
 * somoni are bigint dirams; masses are decimal strings of kilograms with up to 3 decimals.
 */
import type { REGIMES, TRANSPORT_MODES } from './tables.ts';

export type Direction = 'import' | 'export';
export type Regime = (typeof REGIMES)[number];
export type TransportMode = (typeof TRANSPORT_MODES)[number];

/**
 * How the declaration is filed: a standard one; a preliminary one before the goods arrive
 * (art.130); an incomplete one with the undertaking to complete it in 45 days (art.135); the
 * declaration that closes a delivery period of periodic declaring (art.136, art.138).
 */
export const DECLARATION_FORMS = ['standard', 'preliminary', 'incomplete', 'periodic'] as const;
export type DeclarationForm = (typeof DECLARATION_FORMS)[number];

/** Electronic by default (art.124 p.1); paper only while an outage of the system is recorded (art.124 p.3). */
export type Channel = 'electronic' | 'paper';

/** Art.11-1 p.7-8: why a declaration has no preliminary information. */
export const PRELIMINARY_EXEMPTIONS = [
  'personal_use',
  'postal_item',
  'art320_p1_goods',
  'disaster_relief',
  'military_goods',
  'pipeline',
  'power_line',
] as const;
export type PreliminaryExemption = (typeof PRELIMINARY_EXEMPTIONS)[number];

export type Party = {
  readonly name: string;
  readonly country: string;
  readonly address: string;
  /** TIN of a domestic party; empty for a foreign one. */
  readonly tin?: string;
};

/** A document given with the declaration (art.63, art.131): an uploaded electronic copy or, where customs can obtain it, its details only (CUS-DOC-17). */
export type DocumentRef = {
  readonly typeCode: string;
  readonly number: string;
  /** YYYY-MM-DD. */
  readonly date: string;
  readonly issuer: string;
  /** SHA-256 (hex) of the electronic copy uploaded with it; absent when only its details are given. */
  readonly sha256?: string;
  /** Item numbers the document covers; empty: the whole declaration. */
  readonly items?: readonly number[];
};

/** One line of the list of goods of a one-code consignment (art.128 p.2). */
export type GoodsListLine = { readonly name: string; readonly quantity: string; readonly unit: string; readonly commodityCode: string };

export type DeclarationItem = {
  /** 1, 2, 3 … in order. */
  readonly number: number;
  readonly commodityCode: string;
  readonly description: string;
  readonly originCountry: string;
  readonly grossMassKg: string;
  readonly netMassKg: string;
  /** In the unit of the commodity code, when it is not kg. */
  readonly supplementaryQuantity?: string;
  readonly packages: number;
  readonly packageKind: string;
  /** Price of the item in the invoice currency (exact decimal). */
  readonly invoiceAmount: string;
  /** Art.125 p.2 categories of these goods, when any (cultural valuables, weapons …). */
  readonly goodsCategories?: readonly string[];
  /** Art.128: several goods under one code, with the list of goods. */
  readonly goodsList?: readonly GoodsListLine[];
  /** Samples taken with customs' permission, stated in this declaration (art.127 p.1 i.2). */
  readonly isSample?: boolean;
};

/**
 * Customs value on the electronic customs value form (art.361-362, CUS-REG-08, CUS-REG-10): the
 * method and the additions to the price actually paid, in the invoice currency.
 */
export type ValuationForm = {
  readonly method: 1 | 2 | 3 | 4 | 5 | 6;
  readonly transportCost: string;
  readonly insuranceCost: string;
  readonly otherCosts: string;
  /** Art.124 p.12: a declaration used for currency control carries the contract's data. */
  readonly contractNumber?: string;
  readonly contractDate?: string;
};

/** What the declarant fills in: everything the declaration says about the goods (art.124 p.11). */
export type DeclarationData = {
  readonly direction: Direction;
  readonly regime: Regime;
  readonly officeCode: string;
  /** TIN of a domestic declarant, or the `CC-registration` code of a foreign one (art.126). */
  readonly declarantCode: string;
  /** Filed by a customs broker on the declarant's behalf (art.124 p.2). */
  readonly brokerTin?: string;
  readonly consignor: Party;
  readonly consignee: Party;
  readonly transport: {
    readonly mode: TransportMode;
    /** Registration numbers of the vehicles (or flight / train / vessel). */
    readonly vehicles: readonly string[];
    readonly nationality: string;
    readonly borderOfficeCode?: string;
  };
  readonly countryOfDispatch: string;
  readonly countryOfDestination: string;
  readonly currency: string;
  readonly invoiceTotal: string;
  /** Incoterms rule and place, e.g. "FCA Almaty". */
  readonly deliveryTerms: string;
  readonly preliminaryNumber?: string;
  readonly preliminaryExemption?: PreliminaryExemption;
  /** Temporary storage record the goods are in (import). */
  readonly storageNumber?: string;
  readonly valuation: ValuationForm;
  readonly items: readonly DeclarationItem[];
  readonly documents: readonly DocumentRef[];
};

/** States of catalog 3.1. SUBMITTED is not stored: a submission is registered at once or refused with every reason (AMB-05). */
export const DECLARATION_STATES = [
  'DRAFT',
  'PRELIMINARY_REGISTERED',
  'WITHDRAWAL_DUE',
  'REGISTERED',
  'UNDER_CONTROL',
  'AMENDMENT_REQUESTED',
  'AMENDMENT_DEMANDED',
  'WITHDRAWAL_REQUESTED',
  'RELEASE_SUSPENDED',
  'RELEASED',
  'CONDITIONALLY_RELEASED',
  'RELEASE_REFUSED',
  'WITHDRAWN',
  'RELEASE_ANNULLED',
  'NOT_ACCEPTED',
] as const;
export type DeclarationState = (typeof DECLARATION_STATES)[number];

/** Catalog 3.1: terminal states. */
export const TERMINAL_STATES: readonly DeclarationState[] = ['WITHDRAWN', 'RELEASE_REFUSED', 'RELEASE_ANNULLED', 'NOT_ACCEPTED'];
/** States before the release decision (art.133 p.1, art.134 p.1). */
export const PRE_RELEASE_STATES: readonly DeclarationState[] = [
  'PRELIMINARY_REGISTERED',
  'REGISTERED',
  'UNDER_CONTROL',
  'AMENDMENT_REQUESTED',
  'AMENDMENT_DEMANDED',
  'WITHDRAWAL_REQUESTED',
  'RELEASE_SUSPENDED',
  'WITHDRAWAL_DUE',
];

/** The transitions of catalog 3.1, by the row that allows them. */
export const TRANSITIONS: Readonly<Record<string, { readonly from: readonly DeclarationState[]; readonly to: DeclarationState }>> = {
  D3_register: { from: ['DRAFT'], to: 'REGISTERED' },
  D3p_not_accepted: { from: ['DRAFT'], to: 'NOT_ACCEPTED' },
  D4_register_preliminary: { from: ['DRAFT'], to: 'PRELIMINARY_REGISTERED' },
  D5_goods_presented: { from: ['PRELIMINARY_REGISTERED'], to: 'REGISTERED' },
  D6_not_presented: { from: ['PRELIMINARY_REGISTERED'], to: 'WITHDRAWAL_DUE' },
  D8_control: { from: ['REGISTERED'], to: 'UNDER_CONTROL' },
  D9_amendment_requested: { from: ['REGISTERED', 'UNDER_CONTROL'], to: 'AMENDMENT_REQUESTED' },
  D11_amendment_demanded: { from: ['UNDER_CONTROL'], to: 'AMENDMENT_DEMANDED' },
  D13_withdrawal_requested: { from: PRE_RELEASE_STATES.filter((s) => s !== 'WITHDRAWAL_REQUESTED'), to: 'WITHDRAWAL_REQUESTED' },
  D14_withdrawn: { from: ['WITHDRAWAL_REQUESTED', 'WITHDRAWAL_DUE'], to: 'WITHDRAWN' },
  D15_suspended: { from: ['REGISTERED', 'UNDER_CONTROL'], to: 'RELEASE_SUSPENDED' },
  D16_resumed: { from: ['RELEASE_SUSPENDED'], to: 'UNDER_CONTROL' },
  D17_released: { from: ['REGISTERED', 'UNDER_CONTROL'], to: 'RELEASED' },
  D18_conditionally_released: { from: ['REGISTERED', 'UNDER_CONTROL'], to: 'CONDITIONALLY_RELEASED' },
  D19_refused: { from: ['REGISTERED', 'UNDER_CONTROL', 'AMENDMENT_DEMANDED', 'RELEASE_SUSPENDED'], to: 'RELEASE_REFUSED' },
  D20_withdrawal_after_release: { from: ['RELEASED', 'CONDITIONALLY_RELEASED'], to: 'WITHDRAWAL_REQUESTED' },
  D21_annulled: { from: ['RELEASED', 'CONDITIONALLY_RELEASED', 'WITHDRAWAL_REQUESTED', 'WITHDRAWAL_DUE'], to: 'RELEASE_ANNULLED' },
};
export type TransitionName = keyof typeof TRANSITIONS;

export function canMove(from: DeclarationState, transition: TransitionName): boolean {
  return TRANSITIONS[transition]?.from.includes(from) ?? false;
}

/** Sum of the items' invoice amounts must equal the invoice total (a declaration is one invoice). */
export function itemsTotal(items: readonly DeclarationItem[]): string {
  const scale = 2;
  const total = items.reduce((sum, i) => sum + scaled(i.invoiceAmount, scale), 0n);
  return unscaled(total, scale);
}

/** A decimal string as an integer of `scale` decimals (truncating further digits is not allowed: the caller checks the form). */
export function scaled(decimal: string, scale: number): bigint {
  const negative = decimal.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? decimal.slice(1) : decimal).split('.');
  const digits = BigInt(whole + fraction.padEnd(scale, '0').slice(0, scale));
  return negative ? -digits : digits;
}

export function unscaled(value: bigint, scale: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return negative ? `-${text}` : text;
}

/** A decimal string with at most `scale` decimals and no sign. */
export function isDecimal(value: string, scale: number): boolean {
  return new RegExp(`^(0|[1-9]\\d{0,14})(\\.\\d{1,${scale}})?$`).test(value);
}
