/**
 * The guarantee registry (Chapter 46 of the Customs Code, CUS-GUA, IMP-11): statutory amounts in
 * calculation indicators, their money value on the day a guarantee is given, coverage, and when a
 * guarantee is required. Pure: every amount is exact (indicators in hundredths, money in dirams).
 */

/** Art.382 p.1 i.4: activities for which a general guarantee may be given. */
export const GENERAL_ACTIVITIES = ['aeo', 'customs_broker', 'customs_warehouse_owner', 'duty_free_shop_owner'] as const;
export type GeneralActivity = (typeof GENERAL_ACTIVITIES)[number];

/** Per declaration, per regime or storage (a permit, a warehouse, a transit), or general (art.382). */
export const GUARANTEE_SCOPES = ['declaration', 'regime', 'general'] as const;
export type GuaranteeScope = (typeof GUARANTEE_SCOPES)[number];

/** Forms of a guarantee (Chapter 46); the draft does not change them. */
export const GUARANTEE_FORMS = ['money_deposit', 'bank_guarantee', 'surety', 'pledge', 'insurance'] as const;
export type GuaranteeForm = (typeof GUARANTEE_FORMS)[number];

/**
 * What a guarantee may secure. Activity purposes are conditions of a register or licence (art.140
 * i.3, art.227 p.1 i.2, art.260 i.2, art.382 p.1 i.4); the others secure goods.
 */
export const GUARANTEE_PURPOSES = [
  'customs_broker',
  'customs_warehouse_owner',
  'duty_free_shop_owner',
  'aeo',
  'release',
  'customs_warehouse',
  'duty_free_shop',
  'free_warehouse',
  'relief_regime',
  'periodic_declaring',
  'temporary_storage',
  'transit',
] as const;
export type GuaranteePurpose = (typeof GUARANTEE_PURPOSES)[number];

/**
 * Our reading of art.382 p.6 until the authorised customs body sets the procedure: what a general
 * guarantee of each activity covers besides the activity itself. A broker's secures the payments
 * on the declarations it files; a warehouse owner's the goods in its warehouse (art.217 p.5); a
 * shop owner's the goods in its shop (art.258 p.11); an AEO's every operation of the operator.
 */
export const GENERAL_COVERAGE: Readonly<Record<GeneralActivity, readonly GuaranteePurpose[]>> = {
  customs_broker: ['customs_broker', 'release', 'periodic_declaring', 'relief_regime', 'transit'],
  customs_warehouse_owner: ['customs_warehouse_owner', 'customs_warehouse'],
  duty_free_shop_owner: ['duty_free_shop_owner', 'duty_free_shop'],
  aeo: ['aeo', 'release', 'customs_warehouse', 'free_warehouse', 'relief_regime', 'periodic_declaring', 'temporary_storage', 'transit'],
};

/** AMB-18: the statutory amounts as dated parameters (customs.guarantee_parameters). */
export const PARAMETER_CODES = [
  'customs_broker',
  'warehouse_base',
  'warehouse_per_m2_open_site',
  'warehouse_per_m3_building',
  'duty_free_shop',
  'aeo',
  'transit_art383',
] as const;
export type ParameterCode = (typeof PARAMETER_CODES)[number];
/** Parameter values in hundredths of an indicator. */
export type Parameters = Readonly<Partial<Record<ParameterCode, bigint>>>;

/** A decimal with up to 2 places → hundredths; undefined when it is not one. */
export function toHundredths(s: string): bigint | undefined {
  const m = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return undefined;
  return BigInt(m[1] as string) * 100n + BigInt((m[2] ?? '0').padEnd(2, '0'));
}

/** Hundredths → the shortest decimal text ("3000", "150.5", "12.25"). */
export function fromHundredths(h: bigint): string {
  const whole = h / 100n;
  const frac = h % 100n;
  if (frac === 0n) return String(whole);
  return `${whole}.${String(frac).padStart(2, '0').replace(/0$/, '')}`;
}

/** Facts of a customs warehouse (art.227 p.1 i.2-3): its type and its useful area and volume. */
export type WarehouseFacts = {
  readonly warehouseType: 'open' | 'closed';
  /** Useful area of the open site, m², hundredths. */
  readonly openSiteM2: bigint;
  /** Useful volume of the building, m³, hundredths. */
  readonly buildingM3: bigint;
};

export type MinimumProblem = 'GUARANTEE_PARAMETER_MISSING' | 'GUARANTEE_WAREHOUSE_FACTS_REQUIRED';

/**
 * The statutory minimum of an activity's guarantee, in hundredths of an indicator.
 * CUS-GUA-01/02: customs broker 3000 (art.140 i.3). CUS-GUA-05 and AMB-16: warehouse owner 150 +
 * 4 per m² of open site + 2 per m³ of building, both added when the warehouse has both (the area
 * and volume are hundredths, so the products are divided by 100). CUS-GUA-09: duty-free shop 3000
 * (art.260 i.2). An AEO's general guarantee has no amount in the draft: without a parameter the
 * decision sets it (undefined minimum).
 */
export function statutoryMinimum(
  activity: GeneralActivity,
  params: Parameters,
  warehouse?: WarehouseFacts,
): { ok: true; hundredths: bigint | undefined } | { ok: false; problem: MinimumProblem } {
  const need = (code: ParameterCode) => params[code];
  switch (activity) {
    case 'customs_broker':
    case 'duty_free_shop_owner': {
      const v = need(activity === 'customs_broker' ? 'customs_broker' : 'duty_free_shop');
      return v === undefined ? { ok: false, problem: 'GUARANTEE_PARAMETER_MISSING' } : { ok: true, hundredths: v };
    }
    case 'aeo':
      return { ok: true, hundredths: need('aeo') };
    case 'customs_warehouse_owner': {
      if (!warehouse || warehouse.openSiteM2 + warehouse.buildingM3 === 0n) return { ok: false, problem: 'GUARANTEE_WAREHOUSE_FACTS_REQUIRED' };
      const base = need('warehouse_base');
      const perM2 = need('warehouse_per_m2_open_site');
      const perM3 = need('warehouse_per_m3_building');
      if (base === undefined || perM2 === undefined || perM3 === undefined) return { ok: false, problem: 'GUARANTEE_PARAMETER_MISSING' };
      const variable = (perM2 * warehouse.openSiteM2 + perM3 * warehouse.buildingM3 + 99n) / 100n;
      return { ok: true, hundredths: base + variable };
    }
  }
}

/**
 * AMB-17: the money amount of indicators at the value of one indicator on the day the guarantee
 * is given; rounded up to the diram, so a statutory minimum is never undercut by rounding.
 */
export const indicatorsToDirams = (hundredths: bigint, indicatorValueDirams: bigint): bigint => (hundredths * indicatorValueDirams + 99n) / 100n;

/**
 * CUS-GUA-06: the insurance policy (art.228 p.2 i.6, p.3 i.6) and the condition of art.227 p.1
 * i.3 apply only to an open-type customs warehouse.
 */
export const needsInsurancePolicy = (facts: WarehouseFacts): boolean => facts.warehouseType === 'open';

/** Electronic documents of an application (art.388 p.4-5, CUS-GUA-14). */
export const DOCUMENT_KINDS = ['application', 'guarantee_instrument', 'insurance_policy', 'warehouse_plan', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Where goods go, and whether the Code asks for a guarantee there. */
export type Placement =
  | { readonly kind: 'customs_warehouse' }
  | { readonly kind: 'duty_free_shop' }
  | { readonly kind: 'free_warehouse' }
  | { readonly kind: 'regime_with_relief' }
  | { readonly kind: 'periodic_declaring'; readonly hasPaymentsDue: boolean }
  | { readonly kind: 'transit' };

/**
 * The purpose a guarantee must cover for a placement, or undefined when none is required.
 * CUS-GUA-04 (art.217 p.5), CUS-GUA-08 (art.258 p.11), CUS-GUA-10 (art.273 p.3), CUS-GUA-03
 * (art.160: relief, refund or non-application of economic restrictions), CUS-GUA-15 (art.136
 * p.11: only when payments are due). Transit: the guarantee is optional; without enough of it
 * customs escort applies (needsEscort).
 */
export function requiredPurpose(p: Placement): GuaranteePurpose | undefined {
  switch (p.kind) {
    case 'customs_warehouse':
      return 'customs_warehouse';
    case 'duty_free_shop':
      return 'duty_free_shop';
    case 'free_warehouse':
      return 'free_warehouse';
    case 'regime_with_relief':
      return 'relief_regime';
    case 'periodic_declaring':
      return p.hasPaymentsDue ? 'periodic_declaring' : undefined;
    case 'transit':
      return undefined;
  }
}

/**
 * CUS-GUA-16, art.402(1) p.2 i.1: under transit, customs escort applies when no guarantee is given
 * or it is below the amount set under Article 383 (AMB-18: a parameter, `transit_art383`).
 */
export const needsEscort = (guaranteeAmount: bigint | null | undefined, requiredAmount: bigint): boolean =>
  guaranteeAmount === null || guaranteeAmount === undefined || guaranteeAmount < requiredAmount;

/** The life of a guarantee: applied (electronic application) → accepted or refused (art.388 p.6). */
export type GuaranteeStatus = 'applied' | 'accepted' | 'refused';

/** A guarantee secures something at an instant's day when it is accepted and that day is inside its validity. */
export const isInForce = (g: { readonly status: GuaranteeStatus; readonly validFrom: string; readonly validTo: string }, day: string): boolean =>
  g.status === 'accepted' && g.validFrom <= day && day <= g.validTo;

/** What is still free: the amount less the uses not yet released, never below zero. */
export const availableDirams = (amountDirams: bigint, drawnDirams: bigint): bigint => (amountDirams > drawnDirams ? amountDirams - drawnDirams : 0n);
