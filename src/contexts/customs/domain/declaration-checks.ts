/**
 * The checks run before a declaration is registered (art.132 p.4 read for electronic filing, AMB-05,
 * IMP-04): every failure is found and returned at once, each under one of the six grounds. Pure:
 * the application gathers the facts (reference data on the day, the signature check, the outage
 * register, preliminary information) and this decides.
 */
import type { IsoDate } from './history.ts';
import { isCommodityCode } from './codes.ts';
import type { Channel, DeclarationData, DeclarationForm } from './declaration.ts';
import { isDecimal, itemsTotal, scaled } from './declaration.ts';
import { customsValues, type ItemTariff, oneCodeFaults } from './declaration-payments.ts';
import { competentOffices, type OfficePowers } from './offices.ts';

/** The six grounds of art.132 p.4. */
export const GROUNDS = {
  1: 'office not competent to accept it',
  2: 'filed by an unauthorised person or not signed properly',
  3: 'form of declaring not respected',
  4: 'required data missing',
  5: 'documents needed for clearance (art.63) not submitted',
  6: 'actions required before filing not done',
} as const;
export type Ground = keyof typeof GROUNDS;

export type Reason = { readonly ground: Ground; readonly code: string; readonly field: string };

export type PersonFacts = {
  readonly code: string;
  readonly residence: 'domestic' | 'foreign';
  readonly roles: readonly string[];
  readonly foreignGround: string | null;
};

export type RequiredDocument = {
  readonly typeCode: string;
  /** `procedure`: the art.63 p.3 list; `permit`: the Government's list by commodity code (art.63 p.4). */
  readonly basis: 'procedure' | 'permit';
  /** Customs obtains it from information systems: its details suffice (art.63 p.15, CUS-DOC-16, 17). */
  readonly isObtainable: boolean;
  /** Items it is needed for (permits); empty: the declaration. */
  readonly items: readonly number[];
};

export type RegistrationFacts = {
  readonly day: IsoDate;
  readonly form: DeclarationForm;
  readonly channel: Channel;
  readonly offices: readonly OfficePowers[];
  readonly declarant: PersonFacts | undefined;
  readonly broker: PersonFacts | undefined;
  /** TIN of the account that files: the declarant itself or the broker. */
  readonly filerTin: string;
  /** Electronic filing: the signature check; undefined for paper. */
  readonly signature: { readonly isValid: boolean; readonly tin: string | null; readonly fault: string | null } | undefined;
  readonly tariffs: ReadonlyMap<string, ItemTariff>;
  readonly countries: ReadonlySet<string>;
  /** Somoni per unit of the invoice currency on the day; undefined when none is in force. */
  readonly rate: string | undefined;
  readonly documentTypes: ReadonlySet<string>;
  readonly requiredDocuments: readonly RequiredDocument[];
  /** The preliminary information named, when one is: whether it can still be used (art.11-1 p.6). */
  readonly preliminary: { readonly isUsable: boolean } | undefined;
  /** The temporary storage record named, when one is: whether the goods are still in storage (art.129 p.1, art.77 p.2). */
  readonly storage?: { readonly isActive: boolean } | undefined;
  /** Paper filing: whether a failure of the system is recorded for the office now (art.124 p.3). */
  readonly isOutageOpen: boolean;
  /** Incomplete declaring: whether customs permitted it (art.135 p.1). */
  readonly isIncompletePermitted: boolean;
};

/** Modes for which preliminary information is never given (art.11-1 p.8). */
const NO_PRELIMINARY_MODES = ['pipeline', 'power_line'];

export function registrationReasons(data: DeclarationData, facts: RegistrationFacts): Reason[] {
  const reasons: Reason[] = [];
  const add = (ground: Ground, code: string, field: string) => reasons.push({ ground, code, field });

  // 1. The office (art.125, CUS-DEC-12, 13).
  const office = facts.offices.find((o) => o.code === data.officeCode);
  const categories = [...new Set(data.items.flatMap((i) => i.goodsCategories ?? []))];
  const kind = facts.form === 'preliminary' ? 'preliminary' : facts.form === 'periodic' ? 'periodic' : 'goods';
  if (!office) add(1, 'office_unknown', 'officeCode');
  else {
    const competent = competentOffices(facts.offices, {
      declarationKind: kind,
      regime: data.regime,
      transportMode: data.transport.mode,
      goodsCategories: categories,
    });
    if (!competent.some((o) => o.code === office.code)) add(1, 'office_not_competent', 'officeCode');
  }

  // 2. Who files and how it is signed (art.124 p.2, p.8; art.126).
  const declarant = facts.declarant;
  if (!declarant?.roles.includes('declarant')) add(2, 'declarant_unknown', 'declarantCode');
  else if (declarant.residence === 'foreign' && !foreignMayDeclare(declarant.foreignGround, data)) add(2, 'declarant_not_eligible', 'declarantCode');
  if (data.brokerTin !== undefined) {
    if (!facts.broker?.roles.includes('customs_broker')) add(2, 'broker_not_registered', 'brokerTin');
    if (facts.filerTin !== data.brokerTin) add(2, 'filer_not_broker', 'brokerTin');
  } else if (facts.filerTin !== data.declarantCode) add(2, 'filer_not_declarant', 'declarantCode');
  if (facts.channel === 'electronic') {
    if (!facts.signature?.isValid) add(2, `signature_${facts.signature?.fault ?? 'missing'}`, 'signature');
    else if (facts.signature.tin !== facts.filerTin) add(2, 'signature_not_filer', 'signature');
  }

  // 3. The form of declaring (art.124 p.3, art.130, art.135).
  if (facts.channel === 'paper' && !facts.isOutageOpen) add(3, 'paper_without_outage', 'channel');
  if (facts.form === 'preliminary' && data.direction !== 'import') add(3, 'preliminary_only_for_imports', 'form');
  if (facts.form === 'incomplete' && !facts.isIncompletePermitted) add(3, 'incomplete_not_permitted', 'form');

  // 4. The data (art.124 p.11, art.128).
  dataReasons(data, facts, add);

  // 5. Documents (art.63, art.131): the list by procedure and factors, and permits by commodity code.
  for (const need of facts.requiredDocuments) {
    const given = data.documents.filter((d) => d.typeCode === need.typeCode);
    const covering = need.items.length === 0 ? given : given.filter((d) => !d.items?.length || need.items.every((n) => d.items?.includes(n)));
    if (covering.length === 0) add(5, need.basis === 'permit' ? 'permit_missing' : 'document_missing', `documents.${need.typeCode}`);
    else if (!need.isObtainable && covering.every((d) => d.sha256 === undefined)) add(5, 'electronic_copy_missing', `documents.${need.typeCode}`);
  }
  data.documents.forEach((d, i) => {
    if (!facts.documentTypes.has(d.typeCode)) add(5, 'document_type_unknown', `documents[${i}].typeCode`);
  });

  // 6. Prior actions: preliminary information for goods arriving (art.11-1 p.4, 6-8); goods in temporary storage.
  if (data.storageNumber !== undefined && !facts.storage?.isActive) add(6, facts.storage ? 'storage_not_active' : 'storage_unknown', 'storageNumber');
  if (data.direction === 'import') {
    if (data.preliminaryNumber !== undefined) {
      if (!facts.preliminary?.isUsable) add(6, 'preliminary_information_unusable', 'preliminaryNumber');
    } else if (data.preliminaryExemption === undefined && !NO_PRELIMINARY_MODES.includes(data.transport.mode) && facts.form !== 'preliminary') {
      add(6, 'preliminary_information_missing', 'preliminaryNumber');
    }
  }
  return reasons;
}

/** Art.126 p.2: the grounds on which a foreign person may declare, matched to what is declared. */
function foreignMayDeclare(ground: string | null, data: DeclarationData): boolean {
  switch (ground) {
    case 'personal_use':
    case 'customs_privileges':
    case 'other_disposal':
      return true;
    case 'representative_office':
      return ['transit', 'temporary_import', 're_export', 'release_for_free_circulation'].includes(data.regime);
    case 'carrier_transit':
      return data.regime === 'transit';
    default:
      return false;
  }
}

function dataReasons(data: DeclarationData, facts: RegistrationFacts, add: (ground: Ground, code: string, field: string) => void): void {
  if (data.items.length === 0) add(4, 'items_missing', 'items');
  data.items.forEach((item, i) => {
    const at = `items[${i}]`;
    if (item.number !== i + 1) add(4, 'item_number_out_of_order', `${at}.number`);
    if (!isCommodityCode(item.commodityCode)) add(4, 'commodity_code_invalid', `${at}.commodityCode`);
    else if (!facts.tariffs.has(item.commodityCode)) add(4, 'commodity_code_not_in_force', `${at}.commodityCode`);
    if (!facts.countries.has(item.originCountry)) add(4, 'country_unknown', `${at}.originCountry`);
    for (const [name, value] of [
      ['grossMassKg', item.grossMassKg],
      ['netMassKg', item.netMassKg],
    ] as const)
      if (!isDecimal(value, 3)) add(4, 'mass_invalid', `${at}.${name}`);
    if (isDecimal(item.grossMassKg, 3) && isDecimal(item.netMassKg, 3) && scaled(item.netMassKg, 3) > scaled(item.grossMassKg, 3))
      add(4, 'net_above_gross', `${at}.netMassKg`);
    if (!isDecimal(item.invoiceAmount, 2)) add(4, 'amount_invalid', `${at}.invoiceAmount`);
    const tariff = facts.tariffs.get(item.commodityCode);
    if (tariff && tariff.unit !== 'kg' && (item.supplementaryQuantity === undefined || !isDecimal(item.supplementaryQuantity, 3)))
      add(4, 'supplementary_quantity_required', `${at}.supplementaryQuantity`);
    if (item.goodsList !== undefined && item.goodsList.length === 0) add(4, 'goods_list_empty', `${at}.goodsList`);
  });
  for (const [name, country] of [
    ['countryOfDispatch', data.countryOfDispatch],
    ['countryOfDestination', data.countryOfDestination],
    ['consignor.country', data.consignor.country],
    ['consignee.country', data.consignee.country],
  ] as const)
    if (!facts.countries.has(country)) add(4, 'country_unknown', name);
  if (facts.rate === undefined) add(4, 'exchange_rate_missing', 'currency');
  const amountsValid = data.items.every((i) => isDecimal(i.invoiceAmount, 2)) && isDecimal(data.invoiceTotal, 2);
  if (!isDecimal(data.invoiceTotal, 2)) add(4, 'amount_invalid', 'invoiceTotal');
  else if (amountsValid && itemsTotal(data.items) !== unscaledTotal(data.invoiceTotal)) add(4, 'invoice_total_mismatch', 'invoiceTotal');
  for (const name of ['transportCost', 'insuranceCost', 'otherCosts'] as const)
    if (!isDecimal(data.valuation[name], 2)) add(4, 'amount_invalid', `valuation.${name}`);
  if (data.transport.vehicles.length === 0) add(4, 'vehicle_missing', 'transport.vehicles');

  // Art.128: one code for goods of different names, only under its four conditions (CUS-DEC-24..26).
  const costsValid = ['transportCost', 'insuranceCost', 'otherCosts'].every((n) => isDecimal(data.valuation[n as 'transportCost'], 2));
  if (facts.rate !== undefined && amountsValid && costsValid && data.items.length > 0) {
    const values = customsValues(data, facts.rate);
    data.items.forEach((item, i) => {
      if (!item.goodsList?.length || !facts.tariffs.has(item.commodityCode)) return;
      for (const fault of oneCodeFaults(item, values[i] ?? 0n, (code) => facts.tariffs.get(code))) add(4, `one_code_${fault}`, `items[${i}].goodsList`);
    });
  }
}

const unscaledTotal = (total: string) => itemsTotal([{ invoiceAmount: total } as never]);
