/**
 * How our goods declaration (declaration.ts) and the ASYCUDA World SAD XML share data (seed 000
 * measure 7, CUS-INF-02): the element of each shared field, the code lists between them, and what
 * does not cross. Element names are AW's own, as seen in real AW exports (`Suppplementary_unit_quantity`
 * has three p's there). docs/customs-asycuda.md renders this table.
 */
import type { Regime, TransportMode } from './declaration.ts';

/** A parsed XML element as the mapping reads it (libxml2 gives the line). */
export type SadElement = {
  readonly name: string;
  /** Concatenated text of the element itself, untrimmed. */
  readonly text: string;
  readonly line: number;
  readonly children: readonly SadElement[];
};

/** An assessed payment of a registered declaration (matches payments.ts `PaymentLine`). */
export type SadPayment = { readonly kind: string; readonly amountDirams: bigint };

/** What a registered declaration adds on export. AW has no status element: `state` only decides whether Registration and Assessment are written. */
export type SadExportMeta = {
  readonly number?: string;
  /** YYYY-MM-DD, or an instant (its day in Dushanbe is written). */
  readonly registeredAt?: string;
  readonly state?: string;
  readonly payments?: readonly SadPayment[];
};

/** What an imported document says about its registration, when it was registered in AW. */
export type SadImportMeta = {
  readonly number?: string;
  readonly registeredAt?: string;
  readonly assessment?: { readonly number?: string; readonly date?: string };
  readonly payments?: readonly SadPayment[];
};

/**
 * Customs procedure codes (CPC, AW `Extended_customs_procedure`): requested procedure (2 digits)
 * and previous procedure (2 digits). Written with previous "00"; read by the first two digits.
 * 40, 10, 71, 53, 51, 21, 23, 61, 31 and 78 are the SAD's (EU/WCO) codes; 80, 79, 91 and 92 are
 * national codes of our reading (docs/customs-asycuda.md).
 */
export const REGIME_CPC: Readonly<Record<Regime, string>> = {
  release_for_free_circulation: '40',
  export: '10',
  transit: '80',
  customs_warehouse: '71',
  temporary_import: '53',
  temporary_export: '23',
  processing_inside: '51',
  processing_outside: '21',
  re_import: '61',
  re_export: '31',
  free_zone: '78',
  duty_free_shop: '79',
  destruction: '91',
  abandonment: '92',
};

export function regimeOfCpc(cpc: string): Regime | undefined {
  const requested = cpc.trim().slice(0, 2);
  return (Object.keys(REGIME_CPC) as Regime[]).find((r) => REGIME_CPC[r] === requested);
}

/**
 * UN/ECE Recommendation 19 modes of transport (`Border_information/Mode`). AW writes the 1-digit
 * class or a 2-digit code ("31" truck); a 2-digit code is read by its class, except class 7 (fixed
 * installations), which our model splits into pipeline (71) and power line (72).
 */
export const TRANSPORT_MODE_CODES: Readonly<Record<TransportMode, string>> = {
  road: '3',
  rail: '2',
  air: '4',
  river: '8',
  pipeline: '71',
  power_line: '72',
};

export function transportModeOfCode(code: string): TransportMode | undefined {
  const c = code.trim();
  if (c === '71') return 'pipeline';
  if (c === '72') return 'power_line';
  if (!/^[2348]\d?$/.test(c)) return undefined;
  return (['road', 'rail', 'air', 'river'] as const).find((m) => TRANSPORT_MODE_CODES[m] === c[0]);
}

/** One row of the field map: our field, the AW element path (Item/… paths are per item), and how. */
export type SharedField = { readonly field: string; readonly path: string; readonly how: string };

export const SHARED_FIELDS: readonly SharedField[] = [
  { field: 'direction', path: 'Identification/Type/Type_of_declaration', how: 'IM = import, EX = export; also Property/Sad_flow I/E, which must agree' },
  {
    field: 'regime',
    path: 'Item/Tarification/Extended_customs_procedure',
    how: 'CPC: requested procedure (REGIME_CPC) + "00"; every item the same; Identification/Type/Declaration_gen_procedure_code = its first digit',
  },
  { field: 'officeCode', path: 'Identification/Office_segment/Customs_clearance_office_code', how: 'as is' },
  { field: 'declarantCode', path: 'Declarant/Declarant_code', how: 'as is (TIN or CC-registration)' },
  { field: 'consignor.tin', path: 'Traders/Exporter/Exporter_code', how: 'empty = no TIN' },
  {
    field: 'consignor.name, .address, .country',
    path: 'Traders/Exporter/Exporter_name',
    how: 'lines: name, address lines, ISO country code last (when the last line is not a code: General_information/Country/Export/Export_country_code)',
  },
  { field: 'consignee.tin', path: 'Traders/Consignee/Consignee_code', how: 'empty = no TIN' },
  { field: 'consignee.name, .address, .country', path: 'Traders/Consignee/Consignee_name', how: 'as the consignor (fallback Destination_country_code)' },
  { field: 'transport.mode', path: 'Transport/Means_of_transport/Border_information/Mode', how: 'UN/ECE Rec.19 (TRANSPORT_MODE_CODES)' },
  { field: 'transport.vehicles', path: 'Transport/Means_of_transport/Border_information/Identity', how: 'joined with "/" (AW practice: tractor/trailer)' },
  { field: 'transport.nationality', path: 'Transport/Means_of_transport/Border_information/Nationality', how: 'ISO alpha-2' },
  { field: 'transport.borderOfficeCode', path: 'Transport/Border_office/Code', how: 'absent or empty = none' },
  { field: 'countryOfDispatch', path: 'General_information/Country/Export/Export_country_code', how: 'ISO alpha-2' },
  { field: 'countryOfDestination', path: 'General_information/Country/Destination/Destination_country_code', how: 'ISO alpha-2' },
  { field: 'currency', path: 'Valuation/Gs_Invoice/Currency_code', how: 'ISO 4217; also the currency of every other amount' },
  { field: 'invoiceTotal', path: 'Valuation/Gs_Invoice/Amount_foreign_currency', how: 'exact decimal' },
  { field: 'deliveryTerms', path: 'Transport/Delivery_terms/Code + Place', how: 'Incoterms rule, then the place after the first space' },
  { field: 'preliminaryNumber', path: 'Identification/Manifest_reference_number', how: 'the advance (preliminary) information is AW’s manifest reference' },
  {
    field: 'storageNumber',
    path: 'Item/Previous_doc/Summary_declaration',
    how: 'on every item (temporary storage = AW summary declaration); items must agree',
  },
  { field: 'valuation.method', path: 'Item/Tarification/Valuation_method_code', how: '1-6 on every item; items must agree' },
  { field: 'valuation.transportCost', path: 'Valuation/Gs_external_freight/Amount_foreign_currency', how: 'exact decimal, invoice currency' },
  { field: 'valuation.insuranceCost', path: 'Valuation/Gs_insurance/Amount_foreign_currency', how: 'exact decimal, invoice currency' },
  { field: 'valuation.otherCosts', path: 'Valuation/Gs_other_cost/Amount_foreign_currency', how: 'exact decimal, invoice currency' },
  { field: 'items.length', path: 'Property/Nbers/Total_number_of_items', how: 'must equal the number of Item elements' },
  { field: 'items[].number', path: 'Item (position)', how: '1, 2, 3 … in document order' },
  { field: 'items[].commodityCode', path: 'Item/Tarification/HScode/Commodity_code + Precision_1', how: '8 digits + 2 national digits' },
  { field: 'items[].description', path: 'Item/Goods_description/Commercial_Description', how: 'as is' },
  { field: 'items[].originCountry', path: 'Item/Goods_description/Country_of_origin_code', how: 'ISO alpha-2' },
  { field: 'items[].grossMassKg', path: 'Item/Valuation_item/Weight_itm/Gross_weight_itm', how: 'exact decimal, kg' },
  { field: 'items[].netMassKg', path: 'Item/Valuation_item/Weight_itm/Net_weight_itm', how: 'exact decimal, kg' },
  {
    field: 'items[].supplementaryQuantity',
    path: 'Item/Tarification/Supplementary_unit/Suppplementary_unit_quantity',
    how: 'first Supplementary_unit; absent = none',
  },
  { field: 'items[].packages', path: 'Item/Packages/Number_of_packages', how: 'whole number (AW may write "1.0")' },
  { field: 'items[].packageKind', path: 'Item/Packages/Kind_of_packages_code', how: 'as is' },
  { field: 'items[].invoiceAmount', path: 'Item/Valuation_item/Item_Invoice/Amount_foreign_currency', how: 'exact decimal, invoice currency' },
  {
    field: 'documents[].typeCode, .number, .date, .items',
    path: 'Item/Attached_documents/Attached_document_code, _reference, _date',
    how: 'repeated on each item it covers; on import the same document on every item = the whole declaration',
  },
];

/** Extra, for a registered declaration (SadExportMeta / SadImportMeta). */
export const META_FIELDS: readonly SharedField[] = [
  { field: 'number', path: 'Identification/Registration/Number', how: 'as is' },
  { field: 'registeredAt', path: 'Identification/Registration/Date', how: 'AW date M/D/YY (years 2000-2099)' },
  {
    field: 'payments',
    path: 'Global_taxes/Global_tax_item',
    how: '"<kind> <somoni with 2 decimals>" per payment; Identification/Assessment Number and Date = the registration’s',
  },
  {
    field: 'items.length, packages',
    path: 'Property/Nbers/Total_number_of_items, Total_number_of_packages',
    how: 'written; the number of items is checked on import',
  },
];

/** Our fields AW has no place for: export leaves them out and says so. */
export const NOT_SHARED: readonly { readonly field: string; readonly why: string }[] = [
  {
    field: 'brokerTin',
    why: 'AW’s Declarant is whoever files (the broker when there is one); the declarant-vs-broker split of art.124 p.2 has no second element',
  },
  { field: 'preliminaryExemption', why: 'national ground (art.11-1 p.7-8) without an AW code' },
  { field: 'valuation.contractNumber, valuation.contractDate', why: 'AW carries the contract as an attached document of a national code, not as fields' },
  { field: 'items[].goodsCategories, items[].goodsList, items[].isSample', why: 'national facts of art.125, 127, 128 without SAD elements' },
  {
    field: 'documents[].issuer, documents[].sha256',
    why: 'Attached_documents has code, name, reference and date only; imported documents have an empty issuer for the declarant to complete',
  },
];

/** AW dates are M/D/YY (seen in real AW exports); our dates are YYYY-MM-DD. */
export function toAwDate(isoDate: string): string {
  const [y = '', m = '', d = ''] = isoDate.split('-');
  return `${Number(m)}/${Number(d)}/${y.slice(2)}`;
}

/** Reads M/D/YY (20YY) or YYYY-MM-DD; undefined when it is not a real calendar day. */
export function fromAwDate(text: string): string | undefined {
  const t = text.trim();
  const aw = /^(\d{1,2})\/(\d{1,2})\/(\d{2})$/.exec(t);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const parts = aw ? [`20${aw[3]}`, aw[1], aw[2]] : iso ? [iso[1], iso[2], iso[3]] : undefined;
  if (!parts) return undefined;
  const [y, m, d] = parts.map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

/** The legal day of an instant in Dushanbe (UTC+5, no daylight saving), or the day itself. */
export function dushanbeDay(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  return new Date(new Date(value).getTime() + 5 * 3600_000).toISOString().slice(0, 10);
}
