/**
 * The shared model of the automated risk management system (seed 001 chapter 52, art.399,
 * art.427-429(2); CUS-RMS, CUS-CTL): what is analysed (the subject), the indicators a risk analyst
 * writes without a programmer, the profile that carries them and the lane a decision gives.
 * The evaluator (`evaluate.ts`), the SQL compiler of simulations (`sql-compile.ts`) and the
 * application all read this one model (docs/risk.md).
 */

/** Art.429: exactly these ten objects of risk analysis (CUS-RMS-16). */
export const OBJECTS_OF_ANALYSIS = [
  'goods_kind',
  'commodity_code',
  'country_of_origin',
  'country_of_dispatch',
  'country_of_destination',
  'vehicle',
  'customs_value',
  'route',
  'trader',
  'documents',
] as const;
export type ObjectOfAnalysis = (typeof OBJECTS_OF_ANALYSIS)[number];

/** Art.427 p.2: the four categories of violations a risk may concern (CUS-RMS-02). */
export const RISK_CATEGORIES = ['persistent', 'payment_evasion', 'domestic_competitiveness', 'state_interests'] as const;
export type RiskCategory = (typeof RISK_CATEGORIES)[number];

/** Art.428 i.2-3: an identified risk (a violation already known) or a potential one (CUS-RMS-04, 05). */
export const RISK_KINDS = ['identified', 'potential'] as const;
export type RiskKind = (typeof RISK_KINDS)[number];

/** ASYCUDA's lanes (research/customs-anchors.md): green releases, blue releases then audits, yellow checks documents, red examines. */
export const LANES = ['green', 'blue', 'yellow', 'red'] as const;
export type Lane = (typeof LANES)[number];
/** Higher is stricter; re-routing "upward" means to a higher rank. */
export const LANE_RANK: Readonly<Record<Lane, number>> = { green: 0, blue: 1, yellow: 2, red: 3 };

/** Risk minimisation measures (art.428 i.7, issue #6). */
export const MEASURES = ['documentary_check', 'physical_examination', 'samples', 'expert_examination', 'escort', 'post_clearance_audit'] as const;
export type Measure = (typeof MEASURES)[number];

/** What is evaluated: a registered declaration, preliminary information or (later) a transit declaration. */
export const SUBJECT_KINDS = ['declaration', 'preliminary', 'transit'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/** One item (goods line) as risk analysis sees it. Amounts are somoni as numbers (analysis, not accounting). */
export type SubjectItem = {
  readonly number: number;
  /** Ten digits of the national nomenclature. */
  readonly commodityCode: string;
  /** Art.429 i.1 kind of goods: the description and the art.125 p.2 categories, lower-cased words. */
  readonly description: string;
  readonly goodsCategories: readonly string[];
  /** ISO 3166 alpha-2. */
  readonly originCountry: string;
  readonly netMassKg: number;
  /** In the unit of the code when it is not kg; otherwise absent and the unit price is per kg. */
  readonly supplementaryQuantity?: number;
  /** Customs value of the item in somoni. */
  readonly customsValue: number;
};

/** The trader's history, read by the risk context when it builds the subject (art.429 i.9). */
export type TraderHistory = {
  /** Final decisions on administrative or criminal liability for customs violations (one of the two disclosable facts, art.429(2) p.3). */
  readonly violations: number;
  /** Arrears of customs payments, taxes, interest and fines, in somoni (the other disclosable fact). */
  readonly debt: number;
  /** Declarations registered before this one; 0 is a first-time importer or exporter. */
  readonly declarationsBefore: number;
};

export type RiskSubject = {
  readonly kind: SubjectKind;
  /** The declaration's, the PI's or the transit's id. */
  readonly id: string;
  /** Registration number, for people. */
  readonly number: string;
  readonly direction: 'import' | 'export' | 'transit';
  readonly regime: string;
  readonly officeCode: string;
  /** Art.429 i.9: the declarant's TIN or foreign code; the broker's TIN when any. */
  readonly traderCode: string;
  readonly brokerTin?: string;
  readonly trader: TraderHistory;
  readonly transportMode: string;
  /** Art.429 i.6: registration numbers of the vehicles. */
  readonly vehicles: readonly string[];
  readonly countryOfDispatch: string;
  readonly countryOfDestination: string;
  /** Art.429 i.8: the office codes the goods pass, in order (border office, then destination office). */
  readonly route: readonly string[];
  /** The route set for a transit, when any: a route deviation is a route office outside it. */
  readonly plannedRoute?: readonly string[];
  readonly items: readonly SubjectItem[];
  /** Art.429 i.10: type codes of the documents presented. */
  readonly documentTypes: readonly string[];
};

/**
 * Fields an indicator may compare. Item fields are read per item: a profile fires when one item
 * meets the whole condition together with the declaration's fields (ASYCUDA evaluates per item).
 */
export const TEXT_FIELDS = {
  'item.commodityCode': 'commodity_code',
  'item.description': 'goods_kind',
  'item.goodsCategory': 'goods_kind',
  'item.originCountry': 'country_of_origin',
  countryOfDispatch: 'country_of_dispatch',
  countryOfDestination: 'country_of_destination',
  vehicle: 'vehicle',
  transportMode: 'vehicle',
  routeOffice: 'route',
  officeCode: 'route',
  traderCode: 'trader',
  brokerTin: 'trader',
  documentType: 'documents',
  regime: 'trader',
  direction: 'trader',
} as const satisfies Record<string, ObjectOfAnalysis>;
export type TextField = keyof typeof TEXT_FIELDS;

export const NUMBER_FIELDS = {
  'item.customsValue': 'customs_value',
  'item.netMassKg': 'customs_value',
  'item.valuePerUnit': 'customs_value',
  totalCustomsValue: 'customs_value',
  itemCount: 'goods_kind',
  'trader.violations': 'trader',
  'trader.debt': 'trader',
  'trader.declarationsBefore': 'trader',
} as const satisfies Record<string, ObjectOfAnalysis>;
export type NumberField = keyof typeof NUMBER_FIELDS;

/**
 * An indicator (art.428 i.12): criteria with preset parameters whose match, or deviation from
 * them, selects the object (CUS-RMS-14). Written as data by a risk analyst; stored as JSON.
 * - `in` / `not_in`: the field equals one of the values (multi-valued fields: any value does);
 * - `prefix`: starts with one of the values (commodity code headings, "8703");
 * - `contains`: holds one of the words (the description);
 * - `compare`: a number field against a number;
 * - `below_reference`: deviation: the item's value per unit is below `ratio` times the reference
 *   price of its commodity code in the named table (price references, importable from CSV);
 * - `first_time`: the trader registered no declaration before;
 * - `route_deviation`: a route office outside the planned route;
 * - `missing_document`: no document of that type is presented;
 * - `all` / `any` / `not`: combinations.
 */
export type Indicator =
  | { readonly op: 'in' | 'not_in' | 'prefix' | 'contains'; readonly field: TextField; readonly values: readonly string[] }
  | { readonly op: 'compare'; readonly field: NumberField; readonly cmp: 'lt' | 'le' | 'gt' | 'ge' | 'eq'; readonly value: number }
  | { readonly op: 'below_reference'; readonly table: string; readonly ratio: number }
  | { readonly op: 'first_time' }
  | { readonly op: 'route_deviation' }
  | { readonly op: 'missing_document'; readonly typeCode: string }
  | { readonly op: 'all' | 'any'; readonly of: readonly Indicator[] }
  | { readonly op: 'not'; readonly of: Indicator };

/** A reference price: somoni per unit (per kg when the code has no other unit). */
export type ReferencePrices = ReadonlyMap<string, ReadonlyMap<string, number>>; // table -> commodity code -> price

/** What the evaluator needs of an active profile version (art.428 i.5, CUS-RMS-07). */
export type ProfileRule = {
  /** Profile version id (the decision keeps it, so the decision can be reproduced). */
  readonly versionId: string;
  readonly code: string;
  /** Which subjects the profile applies to. */
  readonly subjects: readonly SubjectKind[];
  readonly indicator: Indicator;
  readonly lane: Exclude<Lane, 'green'>;
  /** ASYCUDA's "RedLane IS 40": the share of hits that are selected, 1..100. */
  readonly selectionPercent: number;
  readonly measures: readonly Measure[];
  /** Art.428 i.4; orders hits of the same lane. */
  readonly level: number;
};

/** Why a profile fired: its code, version and the items that met the indicator (empty: declaration-level). */
export type Hit = { readonly versionId: string; readonly code: string; readonly items: readonly number[]; readonly selected: boolean };

/** The selectivity settings (art.399 p.1-3; ASYCUDA MODSEL): minimum random rate and expected rates per lane, as shares 0..1. */
export type SelectivitySettings = {
  readonly randomRate: number;
  readonly expectedRates: Readonly<Record<Exclude<Lane, 'green'>, number>>;
};

/** Shares of recent decisions per lane, against which the expected rates are filled. */
export type ObservedRates = Readonly<Record<Exclude<Lane, 'green'>, number>>;

export type LaneDecision = {
  readonly lane: Lane;
  readonly measures: readonly Measure[];
  readonly hits: readonly Hit[];
  /** `profile`, `random` (minimum random rate or expected-rate fill) or `none` (green). */
  readonly basis: 'profile' | 'random' | 'none';
  /** The seed of the draws: with the same profiles, prices and settings the decision is reproduced. */
  readonly seed: string;
};

/** Outbox topics between `customs` and `risk`. */
export const RISK_TOPICS = {
  /** Published by `risk` when a lane is decided: { subjectKind, subjectId, lane, measures, decisionId }. */
  decided: 'risk.lane_decided',
  /** Published by `customs` when a control or an audit gives a result: see ControlResultEvent. */
  controlResult: 'customs.control_result',
} as const;

/** The result of a control or an audit, fed back to the profiles' statistics (art.429(2) p.1 i.1, i.8; CUS-RMS-20). */
export type ControlResultEvent = {
  readonly subjectKind: SubjectKind | 'audit';
  /** The declaration (or PI) id; for an audit of a person, the audit id. */
  readonly subjectId: string;
  /** The trader concerned (an audit of a person has no declaration). */
  readonly traderCode: string;
  readonly isViolationFound: boolean;
  readonly findings: string;
  /** Additional customs payments assessed, in dirams. */
  readonly additionalDirams: number;
  readonly source: 'control' | 'audit';
  readonly at: string;
};
