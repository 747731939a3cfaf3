import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { toSadXml, unsharedFields } from '../domain/asycuda-export.ts';
import { REGIME_CPC, TRANSPORT_MODE_CODES } from '../domain/asycuda-map.ts';
import type { DeclarationData, DeclarationItem, DocumentRef } from '../domain/declaration.ts';
import { REGIMES, TRANSPORT_MODES } from '../domain/tables.ts';
import { AW_SAMPLE, sampleDeclaration } from './asycuda-fixtures.ts';
import { ASYCUDA_MAX_BYTES, fromSadXml } from './asycuda-xml.ts';

const imported = (xml: string) => {
  const r = fromSadXml(xml);
  assert.ok(r.ok, JSON.stringify(r.ok ? '' : r.error));
  return r.value;
};
const refusal = (xml: string) => {
  const r = fromSadXml(xml);
  assert.ok(!r.ok, 'expected a refusal');
  return r.error;
};
const problemsOf = (xml: string) => {
  const e = refusal(xml);
  assert.equal(e.code, 'ASYCUDA_DATA_INVALID');
  return (e.details?.problems ?? []) as { path: string; code: string; line: number }[];
};
const xmlOf = (over: Partial<DeclarationData> = {}) => toSadXml(sampleDeclaration(over));

describe('ASYCUDA SAD XML mapping', () => {
  test('CUS-INF-02 ASYCUDA: the export is AW-shaped, UTF-8, keeps Cyrillic and Tajik letters, escapes markup and is deterministic', () => {
    const d = sampleDeclaration();
    const xml = toSadXml(d);
    assert.equal(xml, toSadXml(structuredClone(d)));
    assert.ok(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<ASYCUDA>'));
    for (const line of [
      '<Customs_clearance_office_code>DUSHANBE</Customs_clearance_office_code>',
      '<Type_of_declaration>IM</Type_of_declaration>',
      '<Declarant_code>010000101</Declarant_code>',
      '<Export_country_code>KZ</Export_country_code>',
      '<Identity>01KZ123AB/02KZ77</Identity>',
      '<Mode>3</Mode>',
      '<Commodity_code>87032319</Commodity_code>',
      '<Precision_1>40</Precision_1>',
      '<Extended_customs_procedure>4000</Extended_customs_procedure>',
      '<Gross_weight_itm>1500.5</Gross_weight_itm>',
      '<Summary_declaration>TS-2026-000123</Summary_declaration>',
      '<Attached_document_date>2/27/26</Attached_document_date>',
      '<Total_number_of_items>2</Total_number_of_items>',
      '<Commercial_Description>Мошинҳои сабукрав &quot;Тойота&quot; &apos;Камри&apos;</Commercial_Description>',
    ]) {
      assert.ok(xml.includes(line), line);
    }
    assert.ok(xml.includes('<Exporter_name>ТОО «Алмаз &amp; Ко» &lt;Алматы&gt;\nАлматы, пр. Абая 10\nKZ</Exporter_name>'));
    // The certificate covers item 1 only: attached to the first item, not the second.
    assert.equal(xml.split('<Attached_document_code>861</Attached_document_code>').length, 2);
    assert.equal(xml.split('<Attached_document_code>380</Attached_document_code>').length, 3);
  });

  test('CUS-INF-02 ASYCUDA: our export reads back to the same declaration, with nothing ignored', () => {
    const d = sampleDeclaration();
    const back = imported(toSadXml(d));
    assert.deepEqual(back.data, d);
    assert.deepEqual(back.ignored, []);
    assert.deepEqual(back.meta, {});
  });

  test('CUS-INF-02 ASYCUDA: every regime and transport mode crosses by its own code', () => {
    for (const regime of REGIMES) {
      const back = imported(xmlOf({ regime }));
      assert.equal(back.data.regime, regime);
    }
    for (const mode of TRANSPORT_MODES) assert.equal(imported(xmlOf({ transport: { ...sampleDeclaration().transport, mode } })).data.transport.mode, mode);
    assert.equal(new Set(Object.values(REGIME_CPC)).size, REGIMES.length);
    assert.equal(new Set(Object.values(TRANSPORT_MODE_CODES)).size, TRANSPORT_MODES.length);
  });

  test('CUS-INF-02 ASYCUDA: a registered declaration carries its number, day (in Dushanbe) and assessed payments', () => {
    const xml = toSadXml(sampleDeclaration(), {
      number: '10001/020326/0000042',
      registeredAt: '2026-03-01T20:30:00Z',
      state: 'REGISTERED',
      payments: [
        { kind: 'duty', amountDirams: 150_000n },
        { kind: 'vat', amountDirams: 2_700_05n },
      ],
    });
    assert.ok(xml.includes('<Registration>\n      <Number>10001/020326/0000042</Number>\n      <Date>3/2/26</Date>'));
    assert.ok(xml.includes('<Global_tax_item>vat 2700.05</Global_tax_item>'));
    assert.deepEqual(imported(xml).meta, {
      number: '10001/020326/0000042',
      registeredAt: '2026-03-02',
      assessment: { number: '10001/020326/0000042', date: '2026-03-02' },
      payments: [
        { kind: 'duty', amountDirams: 150_000n },
        { kind: 'vat', amountDirams: 270_005n },
      ],
    });
    // A draft has no registration in AW terms.
    assert.ok(!toSadXml(sampleDeclaration(), { number: 'X', state: 'DRAFT' }).includes('<Registration>'));
  });

  test('CUS-INF-02 ASYCUDA: fields AW has no place for are named, not dropped silently', () => {
    const d = sampleDeclaration({ brokerTin: '030000303', valuation: { ...sampleDeclaration().valuation, contractNumber: 'C-1', contractDate: '2026-01-10' } });
    assert.deepEqual(unsharedFields({ ...d, documents: [{ typeCode: '380', number: '1', date: '2026-01-01', issuer: 'Алмаз', sha256: 'a'.repeat(64) }] }), [
      'brokerTin',
      'valuation.contractNumber',
      'valuation.contractDate',
      'documents[0].issuer',
      'documents[0].sha256',
    ]);
  });

  test('CUS-INF-02 ASYCUDA: a real-shaped AW document imports; the values we do not share are listed as ignored', () => {
    const { data, ignored, meta } = imported(AW_SAMPLE);
    assert.deepEqual(meta, {});
    assert.equal(data.officeCode, 'KHUJAND');
    assert.equal(data.direction, 'import');
    assert.equal(data.regime, 'release_for_free_circulation');
    // No country-code line in AW's trader block: the country comes from the export/destination country.
    assert.deepEqual(data.consignor, { name: 'ТОО КАЗ-ТЕКСТИЛЬ', address: 'ул. Толе би 55\nАЛМАТЫ\nКАЗАХСТАН', country: 'KZ' });
    assert.deepEqual(data.consignee, { name: 'ҶДММ «Нассоҷ»', address: 'кӯч. Ленин 12\nХУҶАНД', country: 'TJ', tin: '020000202' });
    assert.deepEqual(data.transport, { mode: 'road', vehicles: ['01KZ555', '02KZ66'], nationality: 'KZ', borderOfficeCode: 'FOTEHOBOD' });
    assert.equal(data.deliveryTerms, 'DAP ХУҶАНД');
    assert.deepEqual(data.valuation, { method: 1, transportCost: '0', insuranceCost: '0.0', otherCosts: '0.0' });
    assert.deepEqual(data.items, [
      {
        number: 1,
        commodityCode: '5208110000',
        description: 'Бязь суровая\nширина 90 см',
        originCountry: 'KZ',
        grossMassKg: '4110',
        netMassKg: '3656.5',
        supplementaryQuantity: '5400.0',
        packages: 3,
        packageKind: 'BL',
        invoiceAmount: '6516.0',
      },
    ]);
    assert.deepEqual(data.documents, [{ typeCode: '380', number: 'NR. 900014575', date: '2026-08-23', issuer: '' }]);
    for (const path of [
      'Property/Forms/Number_of_the_form',
      'Identification/Office_segment/Customs_Clearance_office_name',
      'Declarant/Declarant_representative',
      'General_information/Country/Trading_country',
      'Transport/Means_of_transport/Departure_arrival_information/Identity',
      'Financial/Financial_transaction/code1',
      'Valuation/Gs_Invoice/Amount_national_currency',
      'Valuation/Gs_Invoice/Currency_rate',
      'Item[1]/Attached_documents/Attached_document_name',
      'Item[1]/Tarification/Preference_code',
      'Item[1]/Tarification/National_customs_procedure',
      'Item[1]/Goods_description/Description_of_goods',
      'Item[1]/Taxation/Taxation_line/Duty_tax_amount',
      'Item[1]/Valuation_item/Statistical_value',
    ]) {
      assert.ok(ignored.includes(path), `${path} in ${ignored.join(', ')}`);
    }
    // Mapped elements and empty AW fields (<null/>, <X/>) are not "ignored".
    for (const path of ignored)
      assert.ok(!/Customs_clearance_office_code|Commodity_code|Marks1|Place_of_declaration|Selected_page$/.test(path) || path.endsWith('Selected_page'), path);
    assert.ok(!ignored.includes('Property/Place_of_declaration'));
    assert.ok(!ignored.includes('Item[1]/Tarification/HScode/Commodity_code'));
  });
});

const TEXT_CHARS = [...'abcXYZ019 -.,/№«»', ...'АБВабвЖжЁёЩщЭэЮюЯя', ...'ҒғӢӣҚқӮӯҲҳҶҷ', ...'<&>"\''];
const text = (min: number, max: number) =>
  fc
    .array(fc.constantFrom(...TEXT_CHARS), { minLength: min, maxLength: max })
    .map((a) => a.join('').trim().replace(/ {2,}/g, ' '))
    .filter((s) => s.length >= min);
const code = fc.stringMatching(/^[A-Z0-9][A-Z0-9-]{1,11}$/);
const country = fc.constantFrom('TJ', 'KZ', 'UZ', 'KG', 'CN', 'RU', 'AF', 'IR', 'TR', 'DE', 'JP', 'US');
const decimal = (scale: number) =>
  fc
    .tuple(
      fc.oneof(fc.constant(0n), fc.bigInt({ min: 1n, max: 999_999_999_999n })),
      fc.option(fc.integer({ min: 0, max: 10 ** scale - 1 }), { nil: undefined }),
    )
    .map(([whole, frac]) => (frac === undefined ? `${whole}` : `${whole}.${String(frac).padStart(scale, '0')}`));
const commodity = fc
  .tuple(
    fc.integer({ min: 1, max: 97 }).filter((c) => c !== 77),
    fc.stringMatching(/^\d{8}$/),
  )
  .map(([c, rest]) => `${String(c).padStart(2, '0')}${rest}`);
const isoDate = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const party = fc.record(
  { name: text(1, 40), country, address: text(0, 60), tin: fc.stringMatching(/^\d{9}$/) },
  { noNullPrototype: true, requiredKeys: ['name', 'country', 'address'] },
);
const item = fc.record(
  {
    commodityCode: commodity,
    description: text(1, 80),
    originCountry: country,
    grossMassKg: decimal(3),
    netMassKg: decimal(3),
    supplementaryQuantity: decimal(3),
    packages: fc.integer({ min: 0, max: 100_000 }),
    packageKind: code,
    invoiceAmount: decimal(2),
  },
  {
    noNullPrototype: true,
    requiredKeys: ['commodityCode', 'description', 'originCountry', 'grossMassKg', 'netMassKg', 'packages', 'packageKind', 'invoiceAmount'],
  },
);

/** Documents as AW can say them: each covers all items (no `items`) or a sorted subset, listed by first covered item. */
const documentsFor = (count: number) =>
  fc
    .uniqueArray(
      fc.record(
        { typeCode: code, number: text(1, 30), date: isoDate, cover: fc.array(fc.integer({ min: 1, max: count }), { maxLength: 4 }) },
        { noNullPrototype: true },
      ),
      {
        maxLength: 5,
        selector: (d) => d.number,
      },
    )
    .map((docs) =>
      docs
        .map(({ cover, ...d }): DocumentRef => {
          const items = [...new Set(cover)].sort((a, b) => a - b);
          return { ...d, issuer: '', ...(items.length > 0 && items.length < count ? { items } : {}) };
        })
        .sort((a, b) => (a.items?.[0] ?? 1) - (b.items?.[0] ?? 1)),
    );

const declaration = fc.array(item, { minLength: 1, maxLength: 60 }).chain((rawItems) =>
  fc.record(
    {
      direction: fc.constantFrom('import' as const, 'export' as const),
      regime: fc.constantFrom(...REGIMES),
      officeCode: code,
      declarantCode: fc.oneof(fc.stringMatching(/^\d{9}$/), code),
      consignor: party,
      consignee: party,
      transport: fc.record(
        { mode: fc.constantFrom(...TRANSPORT_MODES), vehicles: fc.array(code, { maxLength: 3 }), nationality: country, borderOfficeCode: code },
        { noNullPrototype: true, requiredKeys: ['mode', 'vehicles', 'nationality'] },
      ),
      countryOfDispatch: country,
      countryOfDestination: country,
      currency: fc.constantFrom('USD', 'EUR', 'RUB', 'CNY', 'TJS', 'KZT'),
      invoiceTotal: decimal(2),
      deliveryTerms: fc.tuple(fc.constantFrom('FCA', 'DAP', 'CIF', 'EXW'), fc.option(text(1, 30), { nil: undefined })).map(([c, p]) => (p ? `${c} ${p}` : c)),
      preliminaryNumber: code,
      storageNumber: code,
      valuation: fc.record(
        { method: fc.constantFrom(1, 2, 3, 4, 5, 6 as const), transportCost: decimal(2), insuranceCost: decimal(2), otherCosts: decimal(2) },
        { noNullPrototype: true },
      ),
      items: fc.constant(rawItems.map((it, i): DeclarationItem => ({ number: i + 1, ...it }))),
      documents: documentsFor(rawItems.length),
    },
    {
      noNullPrototype: true,
      requiredKeys: [
        'direction',
        'regime',
        'officeCode',
        'declarantCode',
        'consignor',
        'consignee',
        'transport',
        'countryOfDispatch',
        'countryOfDestination',
        'currency',
        'invoiceTotal',
        'deliveryTerms',
        'valuation',
        'items',
        'documents',
      ],
    },
  ),
) as fc.Arbitrary<DeclarationData>;

test('CUS-INF-02 ASYCUDA property: fromSadXml(toSadXml(d)) deep-equals d for every declaration of shared fields (1-60 items, Tajik text, <&>"\', decimals)', () => {
  fc.assert(
    fc.property(declaration, (d) => {
      const r = fromSadXml(toSadXml(d));
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      assert.deepEqual(r.value.data, d);
      assert.deepEqual(r.value.ignored, []);
    }),
    { numRuns: 150 },
  );
});

test('CUS-INF-02 ASYCUDA property: arbitrary text never makes the reader throw; it answers a value or a refusal', () => {
  const pieces = fc.constantFrom(
    '<ASYCUDA>',
    '</ASYCUDA>',
    '<Item>',
    '</Item>',
    '<!DOCTYPE x>',
    '&amp;',
    '&x;',
    '<![CDATA[',
    ']]>',
    'ҷ',
    '<',
    '>',
    '"',
    '\u0000',
  );
  fc.assert(
    fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 20 }), (parts) => {
      const r = fromSadXml(parts.join(''));
      assert.equal(typeof r.ok, 'boolean');
    }),
    { numRuns: 300 },
  );
});

describe('ASYCUDA SAD XML refusals', () => {
  test('CUS-INF-02 ASYCUDA_XML_TOO_LARGE: a document over 4 MiB of UTF-8 is refused before parsing', () => {
    // Two bytes per Tajik letter: under the limit in characters, over it in bytes.
    const e = refusal(`<ASYCUDA>${'ҷ'.repeat(ASYCUDA_MAX_BYTES / 2)}</ASYCUDA>`);
    assert.equal(e.code, 'ASYCUDA_XML_TOO_LARGE');
    assert.equal(e.details?.limitBytes, ASYCUDA_MAX_BYTES);
  });

  test('CUS-INF-02 ASYCUDA_XML_DOCTYPE_FORBIDDEN: DOCTYPE and entities (XXE, billion laughs) are refused', () => {
    const xxe = '<?xml version="1.0"?>\n<!DOCTYPE ASYCUDA [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<ASYCUDA>&x;</ASYCUDA>';
    assert.equal(refusal(xxe).code, 'ASYCUDA_XML_DOCTYPE_FORBIDDEN');
    assert.equal(refusal('<!doctype ASYCUDA><ASYCUDA/>').code, 'ASYCUDA_XML_DOCTYPE_FORBIDDEN');
    // An undeclared entity is not expanded: the parser refuses it.
    assert.equal(refusal('<ASYCUDA>&x;</ASYCUDA>').code, 'ASYCUDA_XML_MALFORMED');
  });

  test('CUS-INF-02 ASYCUDA_XML_MALFORMED: not well-formed XML or not UTF-8 is refused with the line and libxml2 message', () => {
    const e = refusal('<ASYCUDA>\n<Property>\n</ASYCUDA>');
    assert.equal(e.code, 'ASYCUDA_XML_MALFORMED');
    const [v] = (e.details?.violations ?? []) as { line: number; message: string }[];
    assert.equal(v?.line, 3);
    assert.match(v?.message ?? '', /mismatch/);
    assert.equal(refusal('<?xml version="1.0" encoding="windows-1251"?><ASYCUDA/>').code, 'ASYCUDA_XML_MALFORMED');
    assert.equal(refusal('').code, 'ASYCUDA_XML_MALFORMED');
  });

  test('CUS-INF-02 ASYCUDA_XML_INVALID: every schema violation is reported with its line and message', () => {
    const xml = xmlOf()
      .replace('<Commodity_code>87032319</Commodity_code>', '<Commodity_code>8703</Commodity_code>')
      .replace('<Mode>3</Mode>', '<Mode>road</Mode>');
    const e = refusal(xml);
    assert.equal(e.code, 'ASYCUDA_XML_INVALID');
    const violations = e.details?.violations as { line: number; message: string }[];
    assert.equal(violations.length, 2);
    const lines = xml.split('\n');
    assert.match(lines[(violations.find((v) => /Commodity_code/.test(v.message))?.line ?? 0) - 1] ?? '', /<Commodity_code>8703</);
    assert.ok(violations.every((v) => v.line > 0 && v.message.length > 0));
    assert.equal(refusal('<Declaration/>').code, 'ASYCUDA_XML_INVALID');
  });

  test('CUS-INF-02 ASYCUDA_DATA_INVALID COMMODITY_CODE_INVALID: a code of reserved chapter 77 is refused by the domain check', () => {
    const problems = problemsOf(xmlOf().replace('<Commodity_code>40111000</Commodity_code>', '<Commodity_code>77111000</Commodity_code>'));
    assert.deepEqual(
      problems.map((p) => [p.path, p.code]),
      [['Item[2]/Tarification/HScode', 'COMMODITY_CODE_INVALID']],
    );
  });

  test('CUS-INF-02 ASYCUDA_DATA_INVALID COUNTRY_CODE_INVALID and CURRENCY_CODE_INVALID: user-assigned countries and non-ISO currencies are refused', () => {
    const xml = xmlOf()
      .replace('<Export_country_code>KZ</Export_country_code>', '<Export_country_code>XK</Export_country_code>')
      .replace('<Country_of_origin_code>JP</Country_of_origin_code>', '<Country_of_origin_code>ZZ</Country_of_origin_code>')
      .replace(
        /<Gs_Invoice>\n(\s*)<Amount_foreign_currency>15000.50<\/Amount_foreign_currency>\n\s*<Currency_code>USD<\/Currency_code>/,
        '<Gs_Invoice>\n$1<Amount_foreign_currency>15000.50</Amount_foreign_currency>\n$1<Currency_code>US$</Currency_code>',
      );
    const codes = problemsOf(xml).map((p) => [p.path, p.code]);
    assert.deepEqual(codes.slice(0, 3), [
      ['/General_information/Country/Export/Export_country_code', 'COUNTRY_CODE_INVALID'],
      ['/Valuation/Gs_Invoice/Currency_code', 'CURRENCY_CODE_INVALID'],
      ['Item[1]/Valuation_item/Item_Invoice/Currency_code', 'ASYCUDA_VALUE_INVALID'],
    ]);
    assert.ok(codes.some(([p, c]) => p === 'Item[1]/Goods_description/Country_of_origin_code' && c === 'COUNTRY_CODE_INVALID'));
  });

  test('CUS-INF-02 ASYCUDA_DATA_INVALID ASYCUDA_VALUE_INVALID: unknown procedure or mode, items that disagree, a wrong item count or date', () => {
    const paths = (xml: string) =>
      problemsOf(xml)
        .filter((p) => p.code === 'ASYCUDA_VALUE_INVALID')
        .map((p) => p.path);
    assert.deepEqual(paths(xmlOf().replaceAll('<Extended_customs_procedure>4000', '<Extended_customs_procedure>9900')), [
      'Item[1]/Tarification/Extended_customs_procedure',
    ]);
    assert.deepEqual(paths(xmlOf().replace('<Extended_customs_procedure>4000', '<Extended_customs_procedure>1000')), [
      'Item[2]/Tarification/Extended_customs_procedure',
    ]);
    assert.deepEqual(paths(xmlOf().replace('<Mode>3</Mode>', '<Mode>7</Mode>')), ['Transport/Means_of_transport/Border_information/Mode']);
    assert.deepEqual(paths(xmlOf().replace('<Total_number_of_items>2<', '<Total_number_of_items>3<')), ['Property/Nbers/Total_number_of_items']);
    assert.deepEqual(paths(xmlOf().replace('<Sad_flow>I<', '<Sad_flow>E<')), ['Property/Sad_flow']);
    assert.deepEqual(paths(xmlOf().replaceAll('<Attached_document_date>2/27/26<', '<Attached_document_date>2/30/26<')), [
      'Item[1]/Attached_documents/Attached_document_date',
      'Item[2]/Attached_documents/Attached_document_date',
    ]);
    assert.deepEqual(paths(xmlOf().replaceAll('<Valuation_method_code>1<', '<Valuation_method_code>9<')), ['Item[1]/Tarification/Valuation_method_code']);
  });
});
