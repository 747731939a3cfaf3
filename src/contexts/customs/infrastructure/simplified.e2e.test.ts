import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { type Client, startTestApp, type TestApp } from '../../../../test/app.ts';
import { importDeclaration } from '../../../../test/customs-fixtures.ts';
import { testTargets } from '../../../../test/db.ts';
import type { DeclarationData } from '../domain/declaration.ts';
import { type Harness, harness } from './filing.fixtures.ts';

const BROKER = '010000101';
const SUGAR = '1701999000';
const PHONES = '8517130000';

for (const target of testTargets()) {
  describe(`simplified declaring of exports [${target}]`, () => {
    let t: TestApp;
    let declarant: Client;
    let officer: Client;
    let docs: Harness['docs'];
    let h: Harness;

    // Monday 2 March 2026, 10:00 in Dushanbe.
    before(async () => {
      t = await startTestApp(target, '2026-03-02T05:00:00Z');
      h = await harness(t, 'simplified');
      ({ declarant, officer, docs } = h);
    });
    after(() => t.close());

    const draft = (data: DeclarationData, form: string) => h.draft(data, form);
    const file = (id: string) => h.file(id);
    const reasons = (r: { body: { details?: { reasons?: { ground: number; code: string; field: string }[] } } }) =>
      (r.body.details?.reasons ?? []).map((x) => `${x.ground}:${x.code}:${x.field}`);
    const exportData = (over: Partial<DeclarationData> = {}) =>
      importDeclaration(docs, {
        direction: 'export',
        regime: 'export',
        consignor: { name: 'ҶДММ «Брокери намунавӣ»', country: 'TJ', address: 'Душанбе', tin: BROKER },
        consignee: { name: 'Almaty Foods', country: 'KZ', address: 'Almaty' },
        countryOfDispatch: 'TJ',
        countryOfDestination: 'KZ',
        preliminaryExemption: undefined,
        ...over,
      });
    /** An incomplete export draft that customs permitted under art.135 p.1. */
    const incompleteExport = async (over: Partial<DeclarationData> = {}) => {
      const id = await draft(exportData(over), 'incomplete');
      assert.equal((await officer.post(`/api/customs/declarations/${id}/incomplete-permission`)).status, 200);
      return id;
    };
    const request = (over: Record<string, unknown> = {}) =>
      declarant.post('/api/customs/simplified-requests', {
        procedure: 'incomplete',
        officeCode: 'DUSHANBE',
        commodityCodes: [PHONES, SUGAR],
        validFrom: '2026-03-02',
        validTo: '2026-06-30',
        reason: 'Нархи ниҳоӣ баъд аз интиқол маълум мешавад / цена определяется после поставки',
        ...over,
      });
    /** Customs payments of a released import left unpaid: the declarant's arrears (art.137 p.2). */
    const unpaidRelease = async () => {
      const id = await draft(importDeclaration(docs), 'standard');
      const filed = await file(id);
      assert.equal(filed.status, 200, filed.text);
      await t.c.worker.runOnce();
      const released = await officer.post(`/api/customs/declarations/${id}/release`, { conditional: true, basis: 'art.151 p.1' });
      assert.equal(released.body.state, 'CONDITIONALLY_RELEASED', released.text);
      return filed.body as { number: string; assessment: { payableDirams: string } };
    };
    /** The finance authority confirms the payment of a reference. */
    const pay = (reference: string, amount: string) =>
      t.db.query(
        `INSERT INTO customs.payment_confirmations (id, payment_order_number, payment_order_date, payer_tin, reference, budget_code, amount_dirams,
           finance_receipt_id, received_at, recorded_at, source, status, matched_at)
         VALUES ($1, $2, '2026-03-02', $3, $4, '10101', $5, $2, now(), now(), 'push', 'matched', now())`,
        [randomUUID(), `PP-${randomUUID().slice(0, 8)}`, BROKER, reference, amount],
      );

    test('CUS-DEC-75: an incomplete export of domestic goods needs a granted request; customs refuses a grant while payments are in arrears and states the conditions; the grant lifts no restriction', async () => {
      const id = await incompleteExport();
      assert.deepEqual(reasons(await file(id)), ['3:simplified_procedure_not_granted:form']);

      const past = await request({ validFrom: '2026-03-01' });
      assert.deepEqual([past.status, past.body.code], [422, 'SIMPLIFIED_PERIOD_INVALID']);
      const border = await request({ officeCode: 'PANJI-POYON' });
      assert.deepEqual([border.status, border.body.code], [422, 'SIMPLIFIED_OFFICE_NOT_COMPETENT']);
      const unknown = await request({ commodityCodes: ['1234567890'] });
      assert.deepEqual([unknown.status, unknown.body.code], [422, 'SIMPLIFIED_CODE_UNKNOWN']);

      const debt = await unpaidRelease();
      const first = await request();
      assert.equal(first.status, 201, first.text);
      assert.deepEqual([first.body.state, first.body.source], ['REQUESTED', 'request']);
      assert.equal(first.body.refusalNoticeDueAt, '2026-03-03T18:59:59.999Z', 'art.137 p.3 → art.132 p.5: a refusal by the end of the next day');
      const barred = await officer.post(`/api/customs/simplified-requests/${first.body.number}/decision`, { decision: 'grant' });
      assert.deepEqual([barred.status, barred.body.code], [409, 'SIMPLIFIED_CONDITIONS_NOT_MET']);
      assert.deepEqual(barred.body.details.conditions, ['customs_payments_in_arrears']);
      assert.deepEqual(barred.body.details.arrears, [{ reference: debt.number, outstandingDirams: debt.assessment.payableDirams }]);
      const bare = await officer.post(`/api/customs/simplified-requests/${first.body.number}/decision`, {
        decision: 'refuse',
        reason: 'Қарзи пардохтҳои гумрукӣ',
      });
      assert.deepEqual([bare.status, bare.body.code, bare.body.field], [422, 'SIMPLIFIED_REFUSAL_CONDITIONS_REQUIRED', 'body.conditions']);
      const refused = await officer.post(`/api/customs/simplified-requests/${first.body.number}/decision`, {
        decision: 'refuse',
        reason: 'Қарзи пардохтҳои гумрукӣ / задолженность по таможенным платежам',
        conditions: `Пардохти пурраи ${debt.number}`,
      });
      assert.equal(refused.status, 200, refused.text);
      assert.deepEqual([refused.body.state, refused.body.isDecisionLate], ['REFUSED', false]);
      const inbox = await declarant.get('/api/notifications');
      assert.ok(
        (inbox.body.items as { kind: string; body: { ru: string } }[]).some((n) => n.kind === 'customs_simplified_refused' && n.body.ru.includes(debt.number)),
        'CUS-DEC-76: the declarant is told the conditions to meet',
      );

      // Paid: the conditions hold and customs grants; the facts it saw are kept.
      await pay(debt.number, debt.assessment.payableDirams);
      const second = await request();
      const granted = await officer.post(`/api/customs/simplified-requests/${second.body.number}/decision`, { decision: 'grant' });
      assert.equal(granted.status, 200, granted.text);
      assert.deepEqual([granted.body.state, granted.body.facts.arrears], ['GRANTED', []]);
      const twice = await officer.post(`/api/customs/simplified-requests/${second.body.number}/decision`, { decision: 'grant' });
      assert.deepEqual([twice.status, twice.body.code], [409, 'SIMPLIFIED_REQUEST_DECIDED']);
      const registered = await file(id);
      assert.equal(registered.status, 200, registered.text);
      assert.deepEqual([registered.body.state, registered.body.form], ['REGISTERED', 'incomplete']);

      // Goods outside the grant are not covered.
      const flour = await incompleteExport({
        items: [{ ...(exportData().items[1] as DeclarationData['items'][number]), number: 1, commodityCode: '1101000000', invoiceAmount: '15000.00' }],
      });
      assert.deepEqual(reasons(await file(flour)), ['3:simplified_procedure_not_granted:form']);

      // Art.137 p.2: the procedure does not lift prohibitions and restrictions: a permit for sugar is still needed.
      await t.db.query(
        `INSERT INTO customs.document_requirements (id, document_type, basis, direction, regime, transport_mode, commodity_prefix, is_obtainable, legal_basis, valid_from)
         VALUES ($1, 'PHYTO', 'permit', 'export', NULL, NULL, '1701', true, 'test: export permit', '2025-01-01')`,
        [randomUUID()],
      );
      const restricted = await incompleteExport();
      assert.deepEqual(reasons(await file(restricted)), ['5:permit_missing:documents.PHYTO']);
      const third = await request({ commodityCodes: [SUGAR] });
      const seen = await officer.post(`/api/customs/simplified-requests/${third.body.number}/decision`, { decision: 'grant' });
      assert.deepEqual(seen.body.facts.restrictedCodes, [SUGAR]);

      const own = await declarant.get('/api/customs/simplified-requests');
      assert.deepEqual(own.body.map((r: { state: string }) => r.state).sort(), ['GRANTED', 'GRANTED', 'REFUSED']);
      const stranger = await t.as('declarant', { tin: '020000202' });
      assert.equal((await stranger.get(`/api/customs/simplified-requests/${second.body.number}`)).status, 404);
      assert.deepEqual((await stranger.get('/api/customs/simplified-requests')).body, []);
    });

    test('CUS-DEC-75: the art.136 application for periodic export is the request: its permission is refused while payments are in arrears and, once granted, recorded as granted', async () => {
      // Three exports of phones in the last 30 days make them "regular" (art.136 p.4).
      for (const day of ['2026-02-06', '2026-02-16', '2026-03-01'])
        await t.db.query(
          `INSERT INTO customs.declarations (id, number, state, form, channel, direction, regime, office_code, declarant_code, filer_tin, data, created_at, updated_at, registered_at, accepted_on)
           VALUES ($1, $2, 'RELEASED', 'standard', 'electronic', 'export', 'export', 'DUSHANBE', $3, $3, $4::jsonb, now(), now(), now(), $5::date)`,
          [randomUUID(), `T-${randomUUID().slice(0, 8)}`, BROKER, JSON.stringify({ items: [{ number: 1, commodityCode: PHONES }] }), day],
        );
      const applied = await declarant.post('/api/customs/periodic-applications', {
        direction: 'export',
        form: 'electronic',
        officeCode: 'DUSHANBE',
        borderPointCode: 'FOTEHOBOD',
        contract: { number: 'EXP-2026/7', date: '2026-01-15' },
        periodStart: '2026-03-05',
        periodEnd: '2026-03-20',
        lines: [{ commodityCode: PHONES, plannedQuantity: '500' }],
      });
      assert.equal(applied.status, 201, applied.text);
      const number = applied.body.number as string;
      const debt = await unpaidRelease();
      const barred = await officer.post(`/api/customs/periodic-applications/${number}/decision`, { decision: 'permit', form: 'electronic' });
      assert.deepEqual([barred.status, barred.body.code], [409, 'SIMPLIFIED_CONDITIONS_NOT_MET']);
      assert.equal((await officer.get(`/api/customs/periodic-applications/${number}`)).body.state, 'SUBMITTED', 'nothing is written on a refusal');

      await pay(debt.number, debt.assessment.payableDirams);
      const permitted = await officer.post(`/api/customs/periodic-applications/${number}/decision`, { decision: 'permit', form: 'electronic' });
      assert.equal(permitted.status, 200, permitted.text);
      assert.equal(permitted.body.state, 'PERMITTED');
      const own = await declarant.get('/api/customs/simplified-requests');
      const grant = (
        own.body as {
          source: string;
          periodicApplicationNumber: string | null;
          state: string;
          procedure: string;
          commodityCodes: string[];
          validFrom: string;
          validTo: string;
        }[]
      ).find((r) => r.periodicApplicationNumber === number);
      assert.deepEqual(grant && [grant.source, grant.state, grant.procedure, grant.commodityCodes, grant.validFrom, grant.validTo], [
        'periodic_application',
        'GRANTED',
        'periodic',
        [PHONES],
        '2026-03-05',
        '2026-03-20',
      ]);
    });
  });
}
