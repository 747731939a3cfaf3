/**
 * Customs escort (art.402(1), catalog 2.5 CUS-CTL-08..11 and 3.4; IMP-19): when escort applies,
 * its state machine, the 24-hour clock and the fee table. Pure: no I/O, no clock
 * (docs/customs-audits.md).
 */
import { addHours } from '../../../platform/calendar/time.ts';
import type { Localised } from '../../../platform/i18n.ts';
import { needsEscort } from './guarantees.ts';

/** Art.402(1) p.2: under the transit procedure (i.1) or foreign goods carried without it where the Code allows (i.2). */
export type CarriageKind = 'transit' | 'without_transit';

/** What is known about one carriage when escort is considered. */
export type EscortFacts = {
  readonly carriage: CarriageKind;
  /** Free cover of the transit guarantee given, in dirams; null when none was given. */
  readonly guaranteeDirams: bigint | null;
  /** The amount set under Article 383 (AMB-18: a parameter), in dirams; null while it is not entered. */
  readonly art383Dirams: bigint | null;
  /** Final decisions imposing administrative liability on the carrier for transit duties that are not executed (AMB-22). */
  readonly unexecutedDecisions: number;
  /** The carrier did not pay import duties and taxes within the set period. */
  readonly hasOverdueImportDuties: boolean;
  readonly hasExciseGoods: boolean;
  /** The measures of the risk management system's decision on the carriage (`escort` is the signal). */
  readonly riskMeasures: readonly string[];
  /** The goods carried are foreign goods under customs control (i.2). */
  readonly isForeignGoodsUnderControl: boolean;
};

/** The grounds of art.402(1) p.2, in the order of the law. */
export const ESCORT_GROUNDS = [
  /** i.1, first indent: no guarantee under Chapter 46, or less than the amount set under Article 383 (CUS-GUA-16). */
  'transit_guarantee',
  /** i.1, second indent: transit duties failed, established by final decisions on administrative liability, at least one not executed. */
  'transit_carrier_unexecuted_decisions',
  /** i.1, third indent: the carrier did not pay import duties and taxes in time. */
  'transit_carrier_unpaid_duties',
  /** i.1, fourth indent: excise goods are carried. */
  'transit_excise_goods',
  /** i.1, fifth indent: the risk management system shows signs of non-compliance. */
  'transit_risk_signal',
  /** i.2: foreign goods under customs control carried without the transit procedure where the Code allows. */
  'foreign_goods_without_transit',
] as const;
export type EscortGround = (typeof ESCORT_GROUNDS)[number];

export const ESCORT_GROUND_TITLES: Readonly<Record<EscortGround, Localised>> = {
  transit_guarantee: {
    tg: 'Таъмини пардохтҳои гумрукӣ пешниҳод нашудааст ё аз андозаи моддаи 383 камтар аст',
    ru: 'Обеспечение уплаты таможенных платежей не представлено или меньше размера по статье 383',
    en: 'No guarantee of customs payments, or less than the Article 383 amount',
  },
  transit_carrier_unexecuted_decisions: {
    tg: 'Қарорҳои эътибори қонунӣ пайдонамудаи интиқолдиҳанда оид ба ҷавобгарии маъмурӣ иҷро нашудаанд',
    ru: 'Не исполнены вступившие в силу постановления о привлечении перевозчика к административной ответственности',
    en: 'Final decisions on the carrier’s administrative liability for transit duties are not executed',
  },
  transit_carrier_unpaid_duties: {
    tg: 'Интиқолдиҳанда боҷҳо ва андозҳои воридотиро дар муҳлат насупоридааст',
    ru: 'Перевозчик не уплатил ввозные таможенные пошлины и налоги в установленный срок',
    en: 'The carrier did not pay import duties and taxes in time',
  },
  transit_excise_goods: { tg: 'Интиқоли молҳои зераксизӣ', ru: 'Перемещение подакцизных товаров', en: 'Excise goods are carried' },
  transit_risk_signal: {
    tg: 'Низоми идораи таваккал аломатҳои риоя накардани санадҳоро ошкор кардааст',
    ru: 'Система управления рисками выявила признаки несоблюдения нормативных правовых актов',
    en: 'The risk management system shows signs of non-compliance',
  },
  foreign_goods_without_transit: {
    tg: 'Интиқоли моли хориҷии таҳти назорати гумрукӣ бидуни транзити гумрукӣ',
    ru: 'Перевозка иностранных товаров под таможенным контролем без таможенного транзита',
    en: 'Foreign goods under customs control carried without customs transit',
  },
};

/**
 * CUS-CTL-09 (art.402(1) p.2): the grounds that hold for a carriage, in the order of the law; empty
 * when escort may not be applied. The guarantee rule is `needsEscort` (CUS-GUA-16); while the
 * Article 383 amount is not entered, a guarantee that was given cannot be shown to be short, so
 * only a missing guarantee counts.
 */
export function escortGrounds(f: EscortFacts): EscortGround[] {
  if (f.carriage === 'without_transit') return f.isForeignGoodsUnderControl ? ['foreign_goods_without_transit'] : [];
  const holds: Partial<Record<EscortGround, boolean>> = {
    transit_guarantee: f.guaranteeDirams === null || (f.art383Dirams !== null && needsEscort(f.guaranteeDirams, f.art383Dirams)),
    transit_carrier_unexecuted_decisions: f.unexecutedDecisions > 0,
    transit_carrier_unpaid_duties: f.hasOverdueImportDuties,
    transit_excise_goods: f.hasExciseGoods,
    transit_risk_signal: f.riskMeasures.includes('escort'),
  };
  return ESCORT_GROUNDS.filter((g) => holds[g] === true);
}

/** States of catalog 3.4. */
export const ESCORT_STATES = [
  /** Customs decided to escort the vehicle on the grounds recorded; the 24 hours run from now (art.402(1) p.3). */
  'DECIDED',
  /** The carrier was informed of the decision (art.402(1) p.3). */
  'CARRIER_INFORMED',
  /** The escort is organised: team assigned, start set, fee charged (art.402(1) p.3-4). */
  'ORGANISED',
  /** The vehicle moves under escort. */
  'IN_ESCORT',
  /** The vehicle reached the destination office under escort. Terminal. */
  'COMPLETED',
  /** The decision was cancelled before the escort began, with the reason. Terminal. */
  'CANCELLED',
] as const;
export type EscortState = (typeof ESCORT_STATES)[number];

export const ESCORT_TRANSITIONS = {
  informed: { from: ['DECIDED'], to: 'CARRIER_INFORMED' },
  organised: { from: ['CARRIER_INFORMED'], to: 'ORGANISED' },
  started: { from: ['ORGANISED'], to: 'IN_ESCORT' },
  completed: { from: ['IN_ESCORT'], to: 'COMPLETED' },
  cancelled: { from: ['DECIDED', 'CARRIER_INFORMED', 'ORGANISED'], to: 'CANCELLED' },
} as const satisfies Record<string, { readonly from: readonly EscortState[]; readonly to: EscortState }>;
export type EscortTransition = keyof typeof ESCORT_TRANSITIONS;

export const canMoveEscort = (from: EscortState, transition: EscortTransition): boolean =>
  (ESCORT_TRANSITIONS[transition].from as readonly EscortState[]).includes(from);

/** Art.402(1) p.3: the carrier is informed and the escort organised no later than 24 hours after the decision. */
export const ESCORT_HOURS = 24;
export const escortDueAt = (decidedAt: Date): Date => addHours(decidedAt, ESCORT_HOURS);

/** Organised in time means the team is assigned and the escort can start by the due time. */
export const isOrganisedLate = (now: Date, startsAt: Date, dueAt: Date): boolean => now > dueAt || startsAt > dueAt;

/** Not yet informed or organised when the 24 hours have run out. */
export const isEscortOverdue = (state: EscortState, dueAt: Date, now: Date): boolean => (state === 'DECIDED' || state === 'CARRIER_INFORMED') && now > dueAt;

/**
 * CUS-CTL-11 (art.402(1) p.4): a fee band of the Government's table, from a day on. A band covers
 * distances from `fromKm` (inclusive) to `toKm` (exclusive; null = no upper bound); a flat fee per
 * escort is one band from 0 with no upper bound.
 */
export type FeeBand = { readonly fromKm: number; readonly toKm: number | null; readonly amountDirams: bigint };

/** The bands of a table start at 0, follow each other without gaps or overlaps, and only the last is open. */
export function isValidFeeTable(bands: readonly FeeBand[]): boolean {
  if (bands.length === 0) return false;
  const sorted = [...bands].sort((a, b) => a.fromKm - b.fromKm);
  if (sorted[0]?.fromKm !== 0) return false;
  return sorted.every((b, i) => {
    const next = sorted[i + 1];
    if (b.amountDirams <= 0n) return false;
    if (!next) return b.toKm === null;
    return b.toKm !== null && b.toKm > b.fromKm && b.toKm === next.fromKm;
  });
}

/** The band for a route's distance, or undefined when the table has none. */
export const feeBandFor = (bands: readonly FeeBand[], distanceKm: number): FeeBand | undefined =>
  bands.find((b) => b.fromKm <= distanceKm && (b.toKm === null || distanceKm < b.toKm));
