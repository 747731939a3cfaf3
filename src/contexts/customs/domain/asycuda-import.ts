/**
 * An ASYCUDA World SAD document (already checked against asycuda-sad.xsd) read into our goods
 * declaration (seed 000 measure 7, CUS-INF-02). Pure. Every value is checked as our model wants it
 * (commodity code, countries, currency, procedure, dates); every element that carries a value we
 * do not share is listed in `ignored`, so nothing is lost silently.
 */
import { isCommodityCode, isCountryCode, isCurrencyCode } from './codes.ts';
import { fromAwDate, regimeOfCpc, type SadElement, type SadImportMeta, type SadPayment, transportModeOfCode } from './asycuda-map.ts';
import type { DeclarationData, DeclarationItem, DocumentRef, Party, Regime, ValuationForm } from './declaration.ts';
import { scaled } from './declaration.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';

export type SadProblemCode = 'COMMODITY_CODE_INVALID' | 'COUNTRY_CODE_INVALID' | 'CURRENCY_CODE_INVALID' | 'ASYCUDA_VALUE_INVALID';
/** One value we refuse: the element's path (with item index) and line. */
export type SadProblem = { readonly path: string; readonly line: number; readonly code: SadProblemCode };

export type SadImport = {
  readonly data: DeclarationData;
  readonly meta: SadImportMeta;
  /** Element paths that carry a value we do not share (ignored, not lost silently). */
  readonly ignored: readonly string[];
};

/** Free text is line-oriented in AW (SAD boxes) and pretty-printed: each line is trimmed. */
const clean = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .join('\n')
    .trim();

/** Reads one document; marks what it reads and collects the problems. */
class Reader {
  readonly read = new Set<SadElement>();
  readonly problems: SadProblem[] = [];

  /** The element at `path` under `from` (first of its name at each step); marks it read. */
  at(from: SadElement, path: string): SadElement | undefined {
    let node: SadElement | undefined = from;
    for (const name of path.split('/')) node = node?.children.find((c) => c.name === name);
    if (node) this.read.add(node);
    return node;
  }
  all(from: SadElement, name: string): SadElement[] {
    return from.children.filter((c) => c.name === name);
  }
  /** Cleaned text; an element holding `<null/>` or nothing is ''. */
  text(from: SadElement, path: string): string {
    const node = this.at(from, path);
    return node ? clean(node.text) : '';
  }
  refuse(where: string, line: number, code: SadProblemCode): void {
    this.problems.push({ path: where, line, code });
  }
  /** A code checked by `isValid`; refused with `code` when not. */
  code(from: SadElement, path: string, where: string, isValid: (c: string) => boolean, code: SadProblemCode): string {
    const value = this.text(from, path);
    if (!isValid(value)) this.refuse(`${where}/${path}`, this.at(from, path)?.line ?? from.line, code);
    return value;
  }
}

function party(block: string, code: string, fallbackCountry: string): Party {
  const lines = block.split('\n');
  const last = lines.length >= 2 ? (lines[lines.length - 1] ?? '') : '';
  const hasCountry = isCountryCode(last);
  const address = lines.slice(1, hasCountry ? -1 : undefined).join('\n');
  return { name: lines[0] ?? '', country: hasCountry ? last : fallbackCountry, address, ...(code ? { tin: code } : {}) };
}

/** A declaration-wide value that AW repeats on each item: all items must say the same. */
function agreed(r: Reader, items: readonly SadElement[], path: string): string {
  const values = items.map((it) => r.text(it, path));
  values.forEach((v, i) => {
    if (v !== values[0]) r.refuse(`Item[${i + 1}]/${path}`, r.at(items[i] as SadElement, path)?.line ?? 0, 'ASYCUDA_VALUE_INVALID');
  });
  return values[0] ?? '';
}

function readItem(r: Reader, it: SadElement, index: number): DeclarationItem {
  const where = `Item[${index + 1}]`;
  const hs = `${r.text(it, 'Tarification/HScode/Commodity_code')}${r.text(it, 'Tarification/HScode/Precision_1')}`;
  if (!isCommodityCode(hs)) r.refuse(`${where}/Tarification/HScode`, r.at(it, 'Tarification/HScode')?.line ?? it.line, 'COMMODITY_CODE_INVALID');
  const supplementary = r.text(it, 'Tarification/Supplementary_unit/Suppplementary_unit_quantity');
  return {
    number: index + 1,
    commodityCode: hs,
    description: r.text(it, 'Goods_description/Commercial_Description'),
    originCountry: r.code(it, 'Goods_description/Country_of_origin_code', where, isCountryCode, 'COUNTRY_CODE_INVALID'),
    grossMassKg: r.text(it, 'Valuation_item/Weight_itm/Gross_weight_itm'),
    netMassKg: r.text(it, 'Valuation_item/Weight_itm/Net_weight_itm'),
    ...(supplementary ? { supplementaryQuantity: supplementary } : {}),
    packages: Number.parseInt(r.text(it, 'Packages/Number_of_packages'), 10),
    packageKind: r.text(it, 'Packages/Kind_of_packages_code'),
    invoiceAmount: r.text(it, 'Valuation_item/Item_Invoice/Amount_foreign_currency'),
  };
}

/** Documents are attached per item in AW; the same document on every item covers the whole declaration. */
function readDocuments(r: Reader, items: readonly SadElement[]): DocumentRef[] {
  const found = new Map<string, { ref: Omit<DocumentRef, 'items'>; items: number[] }>();
  items.forEach((it, i) => {
    for (const doc of r.all(it, 'Attached_documents')) {
      const dateText = r.text(doc, 'Attached_document_date');
      const date = fromAwDate(dateText);
      if (!date) r.refuse(`Item[${i + 1}]/Attached_documents/Attached_document_date`, doc.line, 'ASYCUDA_VALUE_INVALID');
      const ref = { typeCode: r.text(doc, 'Attached_document_code'), number: r.text(doc, 'Attached_document_reference'), date: date ?? dateText, issuer: '' };
      const key = JSON.stringify([ref.typeCode, ref.number, ref.date]);
      const entry = found.get(key) ?? { ref, items: [] as number[] };
      if (!entry.items.includes(i + 1)) entry.items.push(i + 1);
      found.set(key, entry);
    }
  });
  return [...found.values()].map(({ ref, items: covered }) => (covered.length === items.length ? ref : { ...ref, items: covered }));
}

function readValuation(r: Reader, root: SadElement, items: readonly SadElement[], currency: string): ValuationForm {
  for (const cost of ['Gs_external_freight', 'Gs_insurance', 'Gs_other_cost']) {
    const c = r.text(root, `Valuation/${cost}/Currency_code`);
    // One invoice currency: AW leaves it empty on zero amounts; another currency we cannot convert here.
    if (c !== '' && c !== currency) r.refuse(`Valuation/${cost}/Currency_code`, r.at(root, `Valuation/${cost}`)?.line ?? 0, 'ASYCUDA_VALUE_INVALID');
  }
  const method = Number(agreed(r, items, 'Tarification/Valuation_method_code'));
  if (!Number.isInteger(method) || method < 1 || method > 6)
    r.refuse('Item[1]/Tarification/Valuation_method_code', items[0]?.line ?? 0, 'ASYCUDA_VALUE_INVALID');
  return {
    method: method as ValuationForm['method'],
    transportCost: r.text(root, 'Valuation/Gs_external_freight/Amount_foreign_currency') || '0',
    insuranceCost: r.text(root, 'Valuation/Gs_insurance/Amount_foreign_currency') || '0',
    otherCosts: r.text(root, 'Valuation/Gs_other_cost/Amount_foreign_currency') || '0',
  };
}

function readMeta(r: Reader, root: SadElement): SadImportMeta {
  const day = (path: string) => {
    const t = r.text(root, path);
    if (t === '') return undefined;
    const d = fromAwDate(t);
    if (!d) r.refuse(path, r.at(root, path)?.line ?? 0, 'ASYCUDA_VALUE_INVALID');
    return d;
  };
  const number = r.text(root, 'Identification/Registration/Number');
  const registeredAt = day('Identification/Registration/Date');
  const assessment = { number: r.text(root, 'Identification/Assessment/Number'), date: day('Identification/Assessment/Date') };
  const payments: SadPayment[] = [];
  const taxes = r.at(root, 'Global_taxes');
  for (const tax of taxes ? r.all(taxes, 'Global_tax_item') : []) {
    const m = /^([a-z_]{1,40}) (\d{1,16}\.\d{2})$/.exec(clean(tax.text));
    // Our own form only; AW's national forms stay unread and are listed as ignored.
    if (!m) continue;
    r.read.add(tax);
    payments.push({ kind: m[1] as string, amountDirams: scaled(m[2] as string, 2) });
  }
  return {
    ...(number ? { number } : {}),
    ...(registeredAt ? { registeredAt } : {}),
    ...(assessment.number || assessment.date
      ? { assessment: { ...(assessment.number ? { number: assessment.number } : {}), ...(assessment.date ? { date: assessment.date } : {}) } }
      : {}),
    ...(payments.length > 0 ? { payments } : {}),
  };
}

/** Element paths with a value that nothing read: `Item[2]/Taxation/…`, `Name[k]` among same-named siblings. */
function unread(r: Reader, node: SadElement, path: string, out: string[]): void {
  const counts = new Map<string, number>();
  for (const c of node.children) counts.set(c.name, (counts.get(c.name) ?? 0) + 1);
  const seen = new Map<string, number>();
  for (const c of node.children) {
    const k = (seen.get(c.name) ?? 0) + 1;
    seen.set(c.name, k);
    const own = c.name === 'Item' || (counts.get(c.name) ?? 0) > 1 ? `${c.name}[${k}]` : c.name;
    const p = path ? `${path}/${own}` : own;
    if (c.children.length === 0 || c.children.every((g) => g.name === 'null')) {
      if (!r.read.has(c) && clean(c.text) !== '') out.push(p);
    } else unread(r, c, p, out);
  }
}

/** The SAD document as our declaration data, its registration metadata and the ignored element paths. */
export function declarationFromSad(root: SadElement): Result<SadImport, Failure<'ASYCUDA_DATA_INVALID'>> {
  const r = new Reader();
  const items = r.all(root, 'Item');
  const type = r.text(root, 'Identification/Type/Type_of_declaration');
  const flow = r.text(root, 'Property/Sad_flow');
  if ((type === 'IM') !== (flow === 'I')) r.refuse('Property/Sad_flow', r.at(root, 'Property/Sad_flow')?.line ?? 0, 'ASYCUDA_VALUE_INVALID');
  r.at(root, 'Identification/Type/Declaration_gen_procedure_code');
  r.at(root, 'Property/Nbers/Total_number_of_packages');
  if (Number(r.text(root, 'Property/Nbers/Total_number_of_items')) !== items.length) {
    r.refuse('Property/Nbers/Total_number_of_items', r.at(root, 'Property/Nbers')?.line ?? 0, 'ASYCUDA_VALUE_INVALID');
  }
  const regime: Regime | undefined = regimeOfCpc(agreed(r, items, 'Tarification/Extended_customs_procedure'));
  if (!regime) r.refuse('Item[1]/Tarification/Extended_customs_procedure', items[0]?.line ?? 0, 'ASYCUDA_VALUE_INVALID');
  const mode = transportModeOfCode(r.text(root, 'Transport/Means_of_transport/Border_information/Mode'));
  if (!mode)
    r.refuse(
      'Transport/Means_of_transport/Border_information/Mode',
      r.at(root, 'Transport/Means_of_transport/Border_information')?.line ?? 0,
      'ASYCUDA_VALUE_INVALID',
    );
  const dispatch = r.code(root, 'General_information/Country/Export/Export_country_code', '', isCountryCode, 'COUNTRY_CODE_INVALID');
  const destination = r.code(root, 'General_information/Country/Destination/Destination_country_code', '', isCountryCode, 'COUNTRY_CODE_INVALID');
  const currency = r.code(root, 'Valuation/Gs_Invoice/Currency_code', '', isCurrencyCode, 'CURRENCY_CODE_INVALID');
  for (const [i, it] of items.entries()) {
    const c = r.text(it, 'Valuation_item/Item_Invoice/Currency_code');
    if (c !== '' && c !== currency) r.refuse(`Item[${i + 1}]/Valuation_item/Item_Invoice/Currency_code`, it.line, 'ASYCUDA_VALUE_INVALID');
  }
  const vehicles = r.text(root, 'Transport/Means_of_transport/Border_information/Identity');
  const code = r.text(root, 'Transport/Delivery_terms/Code');
  const place = r.text(root, 'Transport/Delivery_terms/Place');
  const borderOfficeCode = r.text(root, 'Transport/Border_office/Code');
  const preliminaryNumber = r.text(root, 'Identification/Manifest_reference_number');
  const storageNumber = agreed(r, items, 'Previous_doc/Summary_declaration');
  const data: DeclarationData = {
    direction: type === 'IM' ? 'import' : 'export',
    regime: regime ?? 'release_for_free_circulation',
    officeCode: r.text(root, 'Identification/Office_segment/Customs_clearance_office_code'),
    declarantCode: r.text(root, 'Declarant/Declarant_code'),
    consignor: party(r.text(root, 'Traders/Exporter/Exporter_name'), r.text(root, 'Traders/Exporter/Exporter_code'), dispatch),
    consignee: party(r.text(root, 'Traders/Consignee/Consignee_name'), r.text(root, 'Traders/Consignee/Consignee_code'), destination),
    transport: {
      mode: mode ?? 'road',
      vehicles: vehicles === '' ? [] : vehicles.split('/').map((v) => v.trim()),
      nationality: r.code(root, 'Transport/Means_of_transport/Border_information/Nationality', '', isCountryCode, 'COUNTRY_CODE_INVALID'),
      ...(borderOfficeCode ? { borderOfficeCode } : {}),
    },
    countryOfDispatch: dispatch,
    countryOfDestination: destination,
    currency,
    invoiceTotal: r.text(root, 'Valuation/Gs_Invoice/Amount_foreign_currency'),
    deliveryTerms: place ? `${code} ${place}` : code,
    ...(preliminaryNumber ? { preliminaryNumber } : {}),
    ...(storageNumber ? { storageNumber } : {}),
    valuation: readValuation(r, root, items, currency),
    items: items.map((it, i) => readItem(r, it, i)),
    documents: readDocuments(r, items),
  };
  for (const p of [data.consignor, data.consignee]) {
    if (!isCountryCode(p.country))
      r.refuse(p === data.consignor ? 'Traders/Exporter/Exporter_name' : 'Traders/Consignee/Consignee_name', 0, 'COUNTRY_CODE_INVALID');
  }
  const meta = readMeta(r, root);
  if (r.problems.length > 0) return fail('ASYCUDA_DATA_INVALID', 'body.xml', { problems: r.problems });
  const ignored: string[] = [];
  unread(r, root, '', ignored);
  return ok({ data, meta, ignored });
}
