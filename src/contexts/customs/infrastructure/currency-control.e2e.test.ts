import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Client, startTestApp, type TestApp } from '../../../../test/app.ts';
import { importDeclaration } from '../../../../test/customs-fixtures.ts';
import { testTargets } from '../../../../test/db.ts';
import type { DeclarationData } from '../domain/declaration.ts';
import { type Harness, harness } from './filing.fixtures.ts';

const BROKER = '010000101';

for (const target of testTargets()) {
  describe(`currency-control data [${target}]`, () => {
    let t: TestApp;
    let declarant: Client;
    let officer: Client;
    let docs: Harness['docs'];
    let h: Harness;

    // Monday 2 March 2026, 10:00 in Dushanbe; USD 10.95, one calculation indicator 75.00 somoni.
    before(async () => {
      t = await startTestApp(target, '2026-03-02T05:00:00Z');
      h = await harness(t, 'currency-control');
      ({ declarant, officer, docs } = h);
    });
    after(() => t.close());

    const draft = (data: DeclarationData) => h.draft(data);
    const file = (id: string) => h.file(id);
    const reasons = (r: { body: { details?: { reasons?: { ground: number; code: string; field: string }[] } } }) =>
      (r.body.details?.reasons ?? []).map((x) => `${x.ground}:${x.code}:${x.field}`);
    /** An export of sugar by road for the amount in USD (export: the customs value is the price × the rate). */
    const exportOf = (amount: string): DeclarationData => {
      const data = importDeclaration(docs);
      const sugar = data.items[1] as DeclarationData['items'][number];
      return {
        ...data,
        direction: 'export',
        regime: 'export',
        consignor: { name: 'ҶДММ «Брокери намунавӣ»', country: 'TJ', address: 'Душанбе', tin: BROKER },
        consignee: { name: 'Almaty Foods', country: 'KZ', address: 'Almaty' },
        countryOfDispatch: 'TJ',
        countryOfDestination: 'KZ',
        preliminaryExemption: undefined,
        invoiceTotal: amount,
        items: [{ ...sugar, number: 1, invoiceAmount: amount }],
      };
    };
    const rule = {
      code: 'EXPORT-PROCEEDS',
      validFrom: '2026-03-02',
      nameTg: 'Назорати бозгашти маблағи содирот',
      nameRu: 'Контроль возврата валютной выручки по экспорту',
      nameEn: 'Control of the repatriation of export proceeds',
      direction: 'export',
      regimes: ['export'],
      thresholdIndicators: 1000,
      requiredFields: ['contract_number', 'contract_date', 'contract_currency', 'contract_amount', 'bank_code', 'deal_passport_number'],
      legalBasis: 'Law on currency regulation and currency control (demo rule)',
    };

    test('CUS-DEC-11: the authorised body’s rule decides which declarations serve currency control, by direction, regime and customs value in calculation indicators', async () => {
      assert.equal((await declarant.post('/api/customs/currency-control-rules', rule)).status, 403, 'only customs keeps the rules');
      const bad = await officer.post('/api/customs/currency-control-rules', { ...rule, validTo: '2026-03-01' });
      assert.deepEqual([bad.status, bad.body.code], [422, 'CURRENCY_CONTROL_RULE_INVALID']);
      const made = await officer.post('/api/customs/currency-control-rules', rule);
      assert.equal(made.status, 201, made.text);
      const past = await officer.post('/api/customs/currency-control-rules', { ...rule, validFrom: '2026-03-01' });
      assert.deepEqual([past.status, past.body.code], [422, 'CURRENCY_CONTROL_RULE_PAST_DATED'], 'a rule in use changes only from today on');
      const listed = await declarant.get('/api/customs/currency-control-rules');
      assert.deepEqual(
        listed.body.map((r: { code: string; validFrom: string; thresholdIndicators: number }) => [r.code, r.validFrom, r.thresholdIndicators]),
        [['EXPORT-PROCEEDS', '2026-03-02', 1000]],
      );

      // 1000 indicators × 75.00 = 75,000.00 somoni: 6,849 USD × 10.95 = 74,996.55 is below, 6,850 USD = 75,007.50 is not.
      const below = await draft(exportOf('6849.00'));
      const view = await declarant.get(`/api/customs/declarations/${below}/currency-control`);
      assert.deepEqual([view.body.isCurrencyControlDocument, view.body.missingFields], [false, []]);
      const small = await file(below);
      assert.equal(small.status, 200, small.text);

      const at = await draft(exportOf('6850.00'));
      const needed = await declarant.get(`/api/customs/declarations/${at}/currency-control`);
      assert.equal(needed.body.isCurrencyControlDocument, true);
      assert.deepEqual(
        needed.body.rules.map((r: { code: string }) => r.code),
        ['EXPORT-PROCEEDS'],
      );
      assert.deepEqual(needed.body.missingFields, ['contractNumber', 'contractDate', 'contractCurrency', 'contractAmount', 'bankCode', 'dealPassportNumber']);

      // An import is not under an export rule, however large.
      const imported = await draft(importDeclaration(docs));
      assert.equal((await declarant.get(`/api/customs/declarations/${imported}/currency-control`)).body.isCurrencyControlDocument, false);
      assert.equal((await file(imported)).status, 200);
    });

    test('CUS-DEC-11: a declaration that serves currency control is refused at filing, with a reason per missing datum, until it carries them; then they are frozen', async () => {
      const id = await draft(exportOf('20000.00'));
      const refused = await file(id);
      assert.equal(refused.status, 422, refused.text);
      assert.equal(refused.body.code, 'DECLARATION_NOT_REGISTERABLE');
      assert.deepEqual(reasons(refused), [
        '4:currency_control_data_missing:currencyControl.contractNumber',
        '4:currency_control_data_missing:currencyControl.contractDate',
        '4:currency_control_data_missing:currencyControl.contractCurrency',
        '4:currency_control_data_missing:currencyControl.contractAmount',
        '4:currency_control_data_missing:currencyControl.bankCode',
        '4:currency_control_data_missing:currencyControl.dealPassportNumber',
      ]);

      const url = `/api/customs/declarations/${id}/currency-control`;
      const wrongCurrency = await declarant.put(url, { contractCurrency: 'XYZ' });
      assert.deepEqual(
        [wrongCurrency.status, wrongCurrency.body.code, wrongCurrency.body.field],
        [422, 'CURRENCY_CONTROL_DATA_INVALID', 'body.contractCurrency'],
      );
      const stranger = await t.as('declarant', { tin: '020000202' });
      assert.equal((await stranger.put(url, { contractCurrency: 'USD' })).status, 404);
      const partial = await declarant.put(url, {
        contractNumber: 'EXP-2026/11',
        contractDate: '2026-01-20',
        contractCurrency: 'USD',
        contractAmount: '250000.00',
        bankCode: '350101626',
        bankName: 'ҶСК «Бонки намунавӣ»',
      });
      assert.equal(partial.status, 200, partial.text);
      assert.deepEqual(partial.body.missingFields, ['dealPassportNumber']);
      assert.deepEqual(reasons(await file(id)), ['4:currency_control_data_missing:currencyControl.dealPassportNumber']);

      const full = await declarant.put(url, {
        contractNumber: 'EXP-2026/11',
        contractDate: '2026-01-20',
        contractCurrency: 'USD',
        contractAmount: '250000.00',
        bankCode: '350101626',
        bankName: 'ҶСК «Бонки намунавӣ»',
        dealPassportNumber: 'PS-26030001/3501/0001/1/1',
      });
      assert.deepEqual(full.body.missingFields, []);
      const registered = await file(id);
      assert.equal(registered.status, 200, registered.text);
      const frozen = await declarant.put(url, { dealPassportNumber: 'OTHER' });
      assert.deepEqual([frozen.status, frozen.body.code], [409, 'CURRENCY_CONTROL_DECLARATION_FILED']);
      const kept = await officer.get(url);
      assert.equal(kept.body.values.dealPassportNumber, 'PS-26030001/3501/0001/1/1', 'customs reads the data the declaration was filed with');

      // The contract's number and date may come from the customs value form of the declaration.
      const data = exportOf('20000.00');
      const withForm = await draft({ ...data, valuation: { ...data.valuation, contractNumber: 'EXP-2026/12', contractDate: '2026-02-01' } });
      const status = await declarant.get(`/api/customs/declarations/${withForm}/currency-control`);
      assert.deepEqual(status.body.missingFields, ['contractCurrency', 'contractAmount', 'bankCode', 'dealPassportNumber']);
    });
  });
}
