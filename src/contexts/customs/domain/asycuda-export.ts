/**
 * Our goods declaration as an ASYCUDA World SAD XML document (seed 000 measure 7, CUS-INF-02).
 * Pure and deterministic: the same data give the same bytes. Segments keep AW's order, so an AW
 * import sees the document it would have written; only the elements we share are filled.
 */
import { type SadExportMeta, dushanbeDay, REGIME_CPC, TRANSPORT_MODE_CODES, toAwDate } from './asycuda-map.ts';
import { type DeclarationData, type DeclarationItem, type Party, unscaled } from './declaration.ts';

type Node = { readonly name: string; readonly value: string | readonly (Node | undefined)[] };
const el = (name: string, value: string | readonly (Node | undefined)[]): Node => ({ name, value });
const opt = (name: string, value: string | undefined): Node | undefined => (value === undefined || value === '' ? undefined : el(name, value));

/**
 * XML 1.0 text: the five markup characters escaped, CR kept as a reference (a parser would turn a
 * raw CR into LF), and characters XML cannot carry at all (C0 controls, lone surrogates, U+FFFE/F)
 * left out.
 */
export function xmlText(value: string): string {
  return (
    value
      // biome-ignore lint/suspicious/noControlCharactersInRegex: these control characters are exactly what XML 1.0 cannot carry.
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
      .replace(/\r/g, '&#13;')
  );
}

function render(node: Node, depth: number, out: string[]): void {
  const pad = '  '.repeat(depth);
  if (typeof node.value === 'string') {
    out.push(node.value === '' ? `${pad}<${node.name}/>` : `${pad}<${node.name}>${xmlText(node.value)}</${node.name}>`);
    return;
  }
  const children = node.value.filter((c): c is Node => c !== undefined);
  if (children.length === 0) {
    out.push(`${pad}<${node.name}/>`);
    return;
  }
  out.push(`${pad}<${node.name}>`);
  for (const child of children) render(child, depth + 1, out);
  out.push(`${pad}</${node.name}>`);
}

/** AW writes a trader as lines: name, address, and here the ISO country code last. */
export const partyBlock = (p: Party): string => [p.name, ...(p.address === '' ? [] : [p.address]), p.country].join('\n');

const amount = (name: string, value: string, currency: string) => el(name, [el('Amount_foreign_currency', value), el('Currency_code', currency)]);

function item(data: DeclarationData, it: DeclarationItem): Node {
  const documents = data.documents.filter((d) => !d.items || d.items.length === 0 || d.items.includes(it.number));
  return el('Item', [
    ...documents.map((d) =>
      el('Attached_documents', [
        el('Attached_document_code', d.typeCode),
        el('Attached_document_reference', d.number),
        el('Attached_document_date', toAwDate(d.date)),
      ]),
    ),
    el('Packages', [el('Number_of_packages', String(it.packages)), el('Kind_of_packages_code', it.packageKind)]),
    el('Tarification', [
      el('HScode', [el('Commodity_code', it.commodityCode.slice(0, 8)), el('Precision_1', it.commodityCode.slice(8))]),
      el('Extended_customs_procedure', `${REGIME_CPC[data.regime]}00`),
      it.supplementaryQuantity === undefined ? undefined : el('Supplementary_unit', [el('Suppplementary_unit_quantity', it.supplementaryQuantity)]),
      el('Valuation_method_code', String(data.valuation.method)),
    ]),
    el('Goods_description', [el('Country_of_origin_code', it.originCountry), el('Commercial_Description', it.description)]),
    data.storageNumber ? el('Previous_doc', [el('Summary_declaration', data.storageNumber)]) : undefined,
    el('Valuation_item', [
      el('Weight_itm', [el('Gross_weight_itm', it.grossMassKg), el('Net_weight_itm', it.netMassKg)]),
      amount('Item_Invoice', it.invoiceAmount, data.currency),
    ]),
  ]);
}

function identification(data: DeclarationData, meta: SadExportMeta): Node {
  const isRegistered = meta.number !== undefined && meta.state !== 'DRAFT' && meta.state !== 'NOT_ACCEPTED';
  const day = meta.registeredAt ? toAwDate(dushanbeDay(meta.registeredAt)) : undefined;
  const registration = isRegistered ? [el('Number', meta.number ?? ''), opt('Date', day)] : undefined;
  return el('Identification', [
    el('Office_segment', [el('Customs_clearance_office_code', data.officeCode)]),
    el('Type', [
      el('Type_of_declaration', data.direction === 'import' ? 'IM' : 'EX'),
      el('Declaration_gen_procedure_code', REGIME_CPC[data.regime].slice(0, 1)),
    ]),
    opt('Manifest_reference_number', data.preliminaryNumber),
    registration ? el('Registration', registration) : undefined,
    // Our payments are assessed when the declaration is registered (art.136 p.13): one number and day.
    registration && meta.payments && meta.payments.length > 0 ? el('Assessment', registration) : undefined,
  ]);
}

/**
 * The declaration as an `<ASYCUDA>` SAD document, UTF-8. Fields we do not share are left out
 * (`unsharedFields` names them); `meta` adds the registration and assessed payments of a
 * registered declaration. Expects at least one item: AW has no declaration-wide procedure code.
 */
export function toSadXml(data: DeclarationData, meta: SadExportMeta = {}): string {
  const payments = meta.payments ?? [];
  const root = el('ASYCUDA', [
    payments.length > 0
      ? el(
          'Global_taxes',
          payments.map((p) => el('Global_tax_item', `${p.kind} ${unscaled(p.amountDirams, 2)}`)),
        )
      : undefined,
    el('Property', [
      el('Sad_flow', data.direction === 'import' ? 'I' : 'E'),
      el('Nbers', [
        el('Total_number_of_items', String(data.items.length)),
        el('Total_number_of_packages', String(data.items.reduce((s, i) => s + i.packages, 0))),
      ]),
    ]),
    identification(data, meta),
    el('Traders', [
      el('Exporter', [el('Exporter_code', data.consignor.tin ?? ''), el('Exporter_name', partyBlock(data.consignor))]),
      el('Consignee', [el('Consignee_code', data.consignee.tin ?? ''), el('Consignee_name', partyBlock(data.consignee))]),
    ]),
    el('Declarant', [el('Declarant_code', data.declarantCode)]),
    el('General_information', [
      el('Country', [
        el('Export', [el('Export_country_code', data.countryOfDispatch)]),
        el('Destination', [el('Destination_country_code', data.countryOfDestination)]),
      ]),
    ]),
    el('Transport', [
      el('Means_of_transport', [
        el('Border_information', [
          el('Identity', data.transport.vehicles.join('/')),
          el('Nationality', data.transport.nationality),
          el('Mode', TRANSPORT_MODE_CODES[data.transport.mode]),
        ]),
      ]),
      el('Delivery_terms', deliveryTerms(data.deliveryTerms)),
      data.transport.borderOfficeCode ? el('Border_office', [el('Code', data.transport.borderOfficeCode)]) : undefined,
    ]),
    el('Valuation', [
      el('Gs_Invoice', [el('Amount_foreign_currency', data.invoiceTotal), el('Currency_code', data.currency)]),
      amount('Gs_external_freight', data.valuation.transportCost, data.currency),
      amount('Gs_insurance', data.valuation.insuranceCost, data.currency),
      amount('Gs_other_cost', data.valuation.otherCosts, data.currency),
    ]),
    ...data.items.map((i) => item(data, i)),
  ]);
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  render(root, 0, out);
  return `${out.join('\n')}\n`;
}

/** "FCA Almaty" → Code FCA, Place Almaty (the rule, then the place after the first space). */
function deliveryTerms(terms: string): Node[] {
  const space = terms.indexOf(' ');
  return space < 0 ? [el('Code', terms), el('Place', '')] : [el('Code', terms.slice(0, space)), el('Place', terms.slice(space + 1))];
}

/** Paths of the fields of `data` that carry a value but have no place in the SAD (docs/customs-asycuda.md, NOT_SHARED). */
export function unsharedFields(data: DeclarationData): string[] {
  const out: string[] = [];
  if (data.brokerTin) out.push('brokerTin');
  if (data.preliminaryExemption) out.push('preliminaryExemption');
  if (data.valuation.contractNumber) out.push('valuation.contractNumber');
  if (data.valuation.contractDate) out.push('valuation.contractDate');
  data.items.forEach((it, i) => {
    if (it.goodsCategories && it.goodsCategories.length > 0) out.push(`items[${i}].goodsCategories`);
    if (it.goodsList && it.goodsList.length > 0) out.push(`items[${i}].goodsList`);
    if (it.isSample !== undefined) out.push(`items[${i}].isSample`);
  });
  data.documents.forEach((d, i) => {
    if (d.issuer) out.push(`documents[${i}].issuer`);
    if (d.sha256) out.push(`documents[${i}].sha256`);
  });
  return out;
}
