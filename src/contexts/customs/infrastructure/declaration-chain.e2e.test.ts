import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { type Client, startTestApp, type TestApp } from '../../../../test/app.ts';
import { importDeclaration, type Signer, testAuthority, upload } from '../../../../test/customs-fixtures.ts';
import { testTargets } from '../../../../test/db.ts';
import { publish } from '../../../platform/outbox.ts';
import { type FinanceSimulator, startFinanceSimulator } from '../../../simulators/finance/server.ts';
import { BUDGET_CODES } from '../domain/payments.ts';
import { piBody } from './preliminary.fixtures.ts';

const DECLARANT = '010000101';
const SECRET = 'chain-test-secret';

for (const target of testTargets()) {
  describe(`electronic customs end to end [${target}]`, () => {
    let t: TestApp;
    let sim: FinanceSimulator;
    let declarant: Client;
    let officer: Client;
    let signer: Signer;
    let docs: { invoice: string; contract: string; cmr: string };

    before(async () => {
      t = await startTestApp(target, '2026-03-02T05:00:00Z');
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      const customsUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
      sim = await startFinanceSimulator({ customsUrl, secret: SECRET, retry: { attempts: 3, baseDelayMs: 20 }, now: () => t.clock.now() });
      t.c.customs.connectFinance({ url: sim.url, secret: SECRET });
      declarant = await t.as('declarant', { tin: DECLARANT });
      officer = await t.as('customs_officer');
      const ca = await testAuthority();
      await officer.post('/api/customs/trusted-issuers', { name: 'Test CA', certificatePem: ca.certificatePem });
      signer = await ca.signer(DECLARANT);
      docs = { invoice: await upload(declarant, 'invoice'), contract: await upload(declarant, 'contract'), cmr: await upload(declarant, 'cmr') };
    });
    after(async () => {
      await sim.close();
      await t.close();
    });

    let orderNo = 0;
    const pay = async (reference: string, kind: 'duty' | 'vat', amountDirams: string) => {
      orderNo += 1;
      const r = await fetch(`${sim.url}/payments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          payerTin: DECLARANT,
          reference,
          budgetCode: BUDGET_CODES[kind],
          amountDirams,
          paymentOrderNumber: `PP-CH-${orderNo}`,
          paymentOrderDate: '2026-03-02',
        }),
      });
      assert.equal(r.status, 201, await r.text());
    };

    test('issue #5 chain, CUS-PI-05, CUS-TS-01, CUS-TS-02, CUS-DEC-37, CUS-REL-02, CUS-REL-04, CUS-TS-18: preliminary information → arrival → temporary storage with a short declaration → declaration signed and registered → payment confirmed by the treasury over HTTP → release → the goods leave storage on the declaration', async () => {
      const pi = await declarant.post('/api/customs/preliminary-information', piBody());
      assert.equal(pi.status, 201, pi.text);
      assert.equal(pi.body.status, 'REGISTERED');
      const arrival = await officer.post('/api/customs/storage', { trigger: 'arrival', preliminaryNumber: pi.body.number });
      assert.equal(arrival.status, 201, arrival.text);
      assert.equal(arrival.body.status, 'IN_TEMPORARY_STORAGE');
      const storageNumber = arrival.body.number as string;
      const short = await declarant.post(`/api/customs/storage/${storageNumber}/short-declaration`, {
        placeKind: 'control_zone',
        officeCode: 'DUSHANBE',
        placeDescription: 'Майдони назорати гумрукии Душанбе',
      });
      assert.equal(short.status, 200, short.text);
      assert.equal(short.body.status, 'SHORT_DECLARED');

      const data = importDeclaration(docs, { preliminaryExemption: undefined, preliminaryNumber: pi.body.number, storageNumber });
      const draft = await declarant.post('/api/customs/declarations', { form: 'standard', data });
      const payload = await declarant.get(`/api/customs/declarations/${draft.body.id}/signing-payload`);
      const filed = await declarant.post(`/api/customs/declarations/${draft.body.id}/filing`, {
        signature: await signer.sign(payload.body.payload),
        certificatePem: signer.certificatePem,
      });
      assert.equal(filed.status, 200, filed.text);
      assert.equal(filed.body.state, 'REGISTERED');
      const number = filed.body.number as string;
      const used = await declarant.get(`/api/customs/preliminary-information/${pi.body.number}`);
      assert.deepEqual(
        used.body.uses.map((u: { use: string }) => u.use),
        ['arrival', 'storage', 'declaration'],
        'CUS-PI-05: the same preliminary information served the arrival, the storage and the declaration',
      );

      await t.c.worker.runOnce(); // risk management's default policy: no control
      assert.equal((await officer.get(`/api/customs/declarations/${draft.body.id}`)).body.state, 'REGISTERED', 'waits for the payment');
      // CUS-DEC-85: the payment order carries the registration number and the amounts.
      const order = await declarant.get(`/api/customs/payment-orders/${encodeURIComponent(number)}`);
      assert.equal(order.status, 200, order.text);
      await pay(number, 'duty', filed.body.assessment.dutyDirams);
      await sim.settled();
      await t.c.worker.runOnce();
      assert.equal((await officer.get(`/api/customs/declarations/${draft.body.id}`)).body.state, 'REGISTERED', 'VAT still unpaid');
      await pay(number, 'vat', filed.body.assessment.vatDirams);
      await sim.settled();
      await t.c.worker.runOnce();
      const released = await declarant.get(`/api/customs/declarations/${draft.body.id}`);
      assert.equal(released.body.state, 'RELEASED');
      assert.notEqual(released.body.releasedAt, null);
      await t.c.worker.runOnce();
      const storage = await officer.get(`/api/customs/storage/${storageNumber}`);
      assert.equal(storage.body.status, 'RELEASED');
      assert.deepEqual([storage.body.release.basis, storage.body.release.documentNumber], ['declaration', number]);
      const inbox = await declarant.get('/api/notifications');
      assert.ok((inbox.body.items as { kind: string }[]).some((n) => n.kind === 'customs_declaration_released'));
    });

    test('CUS-DEC-27, CUS-DEC-28: goods in temporary storage are declared before the storage period ends; a period ending on Saturday moves to Monday; a later filing is accepted and marked late', async () => {
      // Internal transit completed on Friday 13 March: 15 days end on Saturday 28 March, a day off
      // (14 March, by contrast, is a working Saturday of 2026's calendar).
      t.clock.set('2026-03-13T10:00:00Z');
      const stored = await (await t.as('customs_officer', { login: 'officer-13-march' })).post('/api/customs/storage', {
        trigger: 'internal_transit_completed',
        transitReference: 'TR-2026-0000077',
        completedAt: '2026-03-13T12:00:00+05:00',
        officeCode: 'DUSHANBE',
        declarantTin: DECLARANT,
        goods: [piBody().goods[1]],
      });
      assert.equal(stored.status, 201, stored.text);
      assert.equal(stored.body.ordinaryEndsAt, '2026-03-28T18:59:59.999Z');
      const file = async (at: string) => {
        t.clock.set(at);
        const d = await t.as('declarant', { tin: DECLARANT, login: `declarant-${Date.parse(at)}` });
        const data = importDeclaration(docs, { storageNumber: stored.body.number });
        const draft = await d.post('/api/customs/declarations', { form: 'standard', data });
        const payload = await d.get(`/api/customs/declarations/${draft.body.id}/signing-payload`);
        const filed = await d.post(`/api/customs/declarations/${draft.body.id}/filing`, {
          signature: await signer.sign(payload.body.payload),
          certificatePem: signer.certificatePem,
        });
        assert.equal(filed.status, 200, filed.text);
        return filed.body;
      };
      try {
        const monday = await file('2026-03-30T12:00:00Z');
        assert.equal(monday.filingDueAt, '2026-03-30T18:59:59.999Z', 'Saturday’s end moves to the end of Monday, the next working day of Dushanbe customs');
        assert.equal(monday.isFiledLate, false);
        const tuesday = await file('2026-03-31T05:00:00Z');
        assert.deepEqual([tuesday.state, tuesday.isFiledLate], ['REGISTERED', true]);
      } finally {
        t.clock.set('2026-03-02T05:00:00Z');
      }
    });

    test('CUS-DEC-83, CUS-REL-07, D21: periodic export goods that did not leave: when the periodic slice annuls, the release of the declaration is annulled', async () => {
      const exportData = importDeclaration(docs, {
        direction: 'export',
        regime: 'export',
        consignor: { name: 'ҶДММ «Брокери намунавӣ»', country: 'TJ', address: 'Душанбе', tin: DECLARANT },
        consignee: { name: 'Almaty Foods', country: 'KZ', address: 'Almaty' },
        countryOfDispatch: 'TJ',
        countryOfDestination: 'KZ',
        preliminaryExemption: undefined,
      });
      const draft = await declarant.post('/api/customs/declarations', { form: 'standard', data: exportData });
      const payload = await declarant.get(`/api/customs/declarations/${draft.body.id}/signing-payload`);
      const filed = await declarant.post(`/api/customs/declarations/${draft.body.id}/filing`, {
        signature: await signer.sign(payload.body.payload),
        certificatePem: signer.certificatePem,
      });
      await t.c.worker.runOnce();
      assert.equal((await officer.get(`/api/customs/declarations/${draft.body.id}`)).body.state, 'RELEASED');
      await t.c.database.db.transaction((tx) =>
        publish(
          tx,
          'customs.periodic_release_annulment_due',
          { applicationNumber: 'PD-TEST', declarationNumber: filed.body.number, reason: 'not exported' },
          t.clock.now(),
        ),
      );
      await t.c.worker.runOnce();
      const annulled = await officer.get(`/api/customs/declarations/${draft.body.id}`);
      assert.equal(annulled.body.state, 'RELEASE_ANNULLED');
      assert.notEqual(annulled.body.annulledAt, null);
    });
  });
}
