import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { type Client, type Reply, startTestApp, type TestApp } from '../../../../test/app.ts';
import { testTargets } from '../../../../test/db.ts';
import { markPeriodicDeclared, periodicApplicationFor, periodicNotice } from '../index.ts';

const TIN = '020000202';
const WHEAT = '1001990000';
const FLOUR = '1101000000';
const SUGAR = '1701999000';
const PHONES = '8517130000';
const CODES = [WHEAT, FLOUR, SUGAR, PHONES];

for (const target of testTargets()) {
  describe(`customs periodic declaring [${target}]`, () => {
    let t: TestApp;
    let officer: Client;
    let trader: Client;
    const numbers: Record<string, string> = {};

    const refused = (r: Reply, status: number, code: string) => {
      assert.equal(r.status, status, r.text);
      assert.equal(r.body.code, code, r.text);
    };
    /** Past deliveries: registered declarations of the declarant carrying the codes (read-only source of CUS-DEC-65). */
    const delivered = async (tin: string, direction: string, days: string[], codes = CODES) => {
      for (const day of days) {
        const data = { items: codes.map((commodityCode, i) => ({ number: i + 1, commodityCode })) };
        await t.db.query(
          `INSERT INTO customs.declarations (id, number, state, form, channel, direction, regime, office_code, declarant_code, filer_tin, data, created_at, updated_at, registered_at, accepted_on)
           VALUES ($1, $2, 'RELEASED', 'standard', 'electronic', $3, 'release_for_free_circulation', 'DUSHANBE', $4, $4, $5::jsonb, now(), now(), now(), $6::date)`,
          [randomUUID(), `T-${randomUUID().slice(0, 8)}`, direction, tin, JSON.stringify(data), day],
        );
      }
    };
    const body = (over: Record<string, unknown> = {}) => ({
      direction: 'import',
      form: 'electronic',
      officeCode: 'DUSHANBE',
      borderPointCode: 'FOTEHOBOD',
      contract: { number: 'C-2026/7', date: '2026-01-15' },
      periodStart: '2026-03-05',
      periodEnd: '2026-03-20',
      lines: [{ commodityCode: WHEAT, plannedQuantity: '100000' }],
      guaranteeReference: 'GUA-2026-P1',
      ...over,
    });
    const at = async (instant: string) => {
      t.clock.set(instant);
      officer = await t.as('customs_officer');
      trader = await t.as('declarant', { tin: TIN, login: `trader-${randomUUID().slice(0, 8)}` });
    };
    const tick = () => t.c.worker.runOnce();
    const read = async (key: string) => (await officer.get(`/api/customs/periodic-applications/${numbers[key]}`)).body;
    const apply = async (key: string, over: Record<string, unknown>) => {
      const r = await trader.post('/api/customs/periodic-applications', body(over));
      assert.equal(r.status, 201, r.text);
      numbers[key] = r.body.number;
      return r.body;
    };
    const decide = (key: string, decision: Record<string, unknown>) =>
      officer.post(`/api/customs/periodic-applications/${numbers[key]}/decision`, { form: 'electronic', ...decision });
    const notice = (key: string, over: Record<string, unknown>) =>
      trader.post(`/api/customs/periodic-applications/${numbers[key]}/notices`, {
        form: 'electronic',
        lines: [{ commodityCode: WHEAT, quantity: '30000' }],
        ...over,
      });

    // Monday 2 March 2026, 10:00 in Dushanbe.
    before(async () => {
      t = await startTestApp(target, '2026-03-02T05:00:00Z');
      await at('2026-03-02T05:00:00Z');
      await delivered(TIN, 'import', ['2026-02-05', '2026-02-14', '2026-02-27']);
      await delivered(TIN, 'export', ['2026-02-06', '2026-02-16', '2026-03-01']);
      await delivered('030000303', 'import', ['2026-02-05', '2026-02-14']);
      await t.db.query(
        `INSERT INTO customs.guarantees (id, reference, holder_tin, scope, secured_reference, purposes, form, amount_indicators, indicator_value_dirams, indicator_date,
           amount_dirams, valid_from, valid_to, status, documents, applied_by, applied_at)
         VALUES ($1, 'GUA-2026-P1', $2, 'regime', 'periodic declaring', '{periodic_declaring}', 'bank_guarantee', 10000, 7500, '2026-01-10', 75000000,
           '2026-01-10', '2026-12-31', 'accepted', '[]'::jsonb, 'test', now())`,
        [randomUUID(), TIN],
      );
    });
    after(() => t.close());

    test('CUS-DEC-63 CUS-DEC-65 CUS-DEC-67 CUS-DEC-71 CUS-DEC-81 AMB-09 AMB-21: every refusal of an application', async () => {
      const post = (over: Record<string, unknown>, who = trader) => who.post('/api/customs/periodic-applications', body(over));
      refused(await post({}, officer), 403, 'FORBIDDEN');
      refused(await post({ periodStart: '2026-03-02' }), 422, 'PERIODIC_PERIOD_STARTED');
      refused(await post({ periodEnd: '2026-04-04' }), 422, 'PERIODIC_PERIOD_TOO_LONG');
      refused(await post({ periodEnd: '2026-03-04' }), 422, 'PERIODIC_PERIOD_INVALID');
      refused(await post({ periodEnd: '2026-02-30' }), 422, 'PERIODIC_PERIOD_INVALID');
      refused(await post({ lines: [{ commodityCode: '1234567890', plannedQuantity: '1' }] }), 422, 'PERIODIC_CODE_UNKNOWN');
      refused(
        await post({
          lines: [
            { commodityCode: WHEAT, plannedQuantity: '1' },
            { commodityCode: WHEAT, plannedQuantity: '2' },
          ],
        }),
        422,
        'PERIODIC_CODE_DUPLICATE',
      );
      refused(await post({ lines: [{ commodityCode: WHEAT, plannedQuantity: '0' }] }), 422, 'PERIODIC_QUANTITY_INVALID');
      refused(await post({ officeCode: 'PANJI-POYON' }), 422, 'PERIODIC_OFFICE_NOT_COMPETENT');
      refused(await post({ borderPointCode: 'NOWHERE' }), 422, 'PERIODIC_BORDER_POINT_UNKNOWN');
      // Import of wheat carries VAT: a guarantee for periodic declaring over the whole period (art.136 p.11).
      refused(await post({ guaranteeReference: undefined }), 422, 'PERIODIC_GUARANTEE_REQUIRED');
      refused(await post({ guaranteeReference: 'GUA-2026-NONE' }), 422, 'PERIODIC_GUARANTEE_INVALID');
      // Export with an export duty needs one too; restricted exports only within 15 days before (AMB-09).
      refused(
        await post({ direction: 'export', guaranteeReference: undefined, lines: [{ commodityCode: SUGAR, plannedQuantity: '1', hasExportDuty: true }] }),
        422,
        'PERIODIC_GUARANTEE_REQUIRED',
      );
      refused(
        await post({
          direction: 'export',
          periodStart: '2026-03-18',
          periodEnd: '2026-03-25',
          lines: [{ commodityCode: SUGAR, plannedQuantity: '1', isRestricted: true }],
        }),
        422,
        'PERIODIC_APPLICATION_TOO_EARLY',
      );
      // Two deliveries in 30 days are not "regular" (art.136 p.4).
      const other = await t.as('declarant', { tin: '030000303', login: 'other-1' });
      const irregular = await post({ guaranteeReference: undefined }, other);
      refused(irregular, 422, 'PERIODIC_GUARANTEE_REQUIRED');
      const flour = await other.post(
        '/api/customs/periodic-applications',
        body({ direction: 'export', lines: [{ commodityCode: FLOUR, plannedQuantity: '5' }], guaranteeReference: undefined }),
      );
      refused(flour, 422, 'PERIODIC_NOT_REGULAR');
      assert.deepEqual(flour.body.details.codes, [FLOUR]);
    });

    test('CUS-DEC-63 CUS-DEC-64 CUS-DEC-76 P1 P2: applications are filed, permitted and refused with the conditions, by the next day', async () => {
      const a = await apply('A', {});
      assert.equal(a.state, 'SUBMITTED');
      assert.equal(a.hasPaymentsDue, true);
      assert.equal(a.decisionDueAt, '2026-03-12T18:59:59.999Z');
      await apply('B', { periodStart: '2026-03-25', periodEnd: '2026-04-05', lines: [{ commodityCode: FLOUR, plannedQuantity: '10' }] });
      const exportBody = { direction: 'export', guaranteeReference: undefined, periodStart: '2026-03-10', periodEnd: '2026-03-20' };
      await apply('C', { ...exportBody, lines: [{ commodityCode: SUGAR, plannedQuantity: '500' }] });
      const d = await apply('D', { ...exportBody, form: 'written', lines: [{ commodityCode: PHONES, plannedQuantity: '5' }] });
      assert.equal(d.refusalNoticeDueAt, '2026-03-03T18:59:59.999Z');
      for (const key of ['G', 'H', 'K']) await apply(key, { ...exportBody, lines: [{ commodityCode: SUGAR, plannedQuantity: '10' }] });
      await apply('F', { periodStart: '2026-03-06', periodEnd: '2026-03-08', lines: [{ commodityCode: PHONES, plannedQuantity: '3' }] });

      const queue = await officer.get('/api/customs/periodic-applications?state=SUBMITTED');
      assert.equal(queue.body.length, 8);
      const own = await trader.get('/api/customs/periodic-applications');
      assert.equal(own.body.length, 8);
      refused(
        await (await t.as('declarant', { tin: '030000303', login: 'other-2' })).get(`/api/customs/periodic-applications/${numbers.A}`),
        404,
        'PERIODIC_NOT_FOUND',
      );

      refused(await decide('D', { decision: 'refuse', reason: 'Not precise' }), 422, 'PERIODIC_REFUSAL_CONDITIONS_REQUIRED');
      refused(await decide('D', { decision: 'refuse' }), 422, 'PERIODIC_REFUSAL_CONDITIONS_REQUIRED');
      const refusal = await decide('D', {
        decision: 'refuse',
        form: 'written',
        reason: 'Exact data can be given',
        conditions: 'Declare each delivery in full',
      });
      assert.equal(refusal.status, 200, refusal.text);
      assert.equal(refusal.body.state, 'REFUSED');
      assert.deepEqual([refusal.body.decision.conditions, refusal.body.decision.isLate], ['Declare each delivery in full', false]);
      const inbox = await trader.get('/api/notifications');
      assert.ok(JSON.stringify(inbox.body).includes('Declare each delivery in full'), inbox.text);
      refused(await decide('D', { decision: 'permit' }), 409, 'PERIODIC_STATE_CONFLICT');
      refused(
        await officer.post('/api/customs/periodic-applications/PD-2026-999999/decision', { decision: 'permit', form: 'electronic' }),
        404,
        'PERIODIC_NOT_FOUND',
      );
      for (const key of ['A', 'C', 'G', 'H', 'K', 'F']) {
        const r = await decide(key, { decision: 'permit' });
        assert.equal(r.body.state, 'PERMITTED', r.text);
      }
      // Not yet in the period: no notice (P4 needs ACTIVE).
      refused(await notice('A', { deliveryOn: '2026-03-05' }), 409, 'PERIODIC_STATE_CONFLICT');
    });

    test('CUS-DEC-68 CUS-DEC-66 CUS-DEC-72 CUS-TS-18 P3 P4: the period starts; a notice precedes each delivery; temporary storage reads it', async () => {
      await at('2026-03-05T03:00:00Z');
      await tick();
      assert.equal((await read('A')).state, 'ACTIVE');
      const first = await notice('A', { deliveryOn: '2026-03-05', vehicles: ['01 TJ 123 AA'] });
      assert.equal(first.status, 201, first.text);
      assert.equal(first.body.number, `${numbers.A}/01`);
      refused(await notice('A', { deliveryOn: '2026-03-21' }), 422, 'PERIODIC_NOTICE_OUTSIDE_PERIOD');
      refused(await notice('A', { deliveryOn: '2026-03-06', lines: [{ commodityCode: FLOUR, quantity: '1' }] }), 422, 'PERIODIC_CODE_NOT_IN_APPLICATION');
      refused(await notice('A', { deliveryOn: '2026-03-06', lines: [{ commodityCode: WHEAT, quantity: '0' }] }), 422, 'PERIODIC_QUANTITY_INVALID');
      refused(await notice('A', { deliveryOn: '2026-03-06', borderPointCode: 'KARAMYK' }), 422, 'PERIODIC_NOT_ONE_CONSIGNMENT');
      refused(await notice('A', { deliveryOn: '2026-03-06', contractNumber: 'OTHER' }), 422, 'PERIODIC_NOT_ONE_CONSIGNMENT');
      refused(await notice('B', { deliveryOn: '2026-03-25' }), 409, 'PERIODIC_STATE_CONFLICT');
      await at('2026-03-06T05:00:00Z');
      refused(await notice('A', { deliveryOn: '2026-03-05' }), 422, 'PERIODIC_NOTICE_LATE');
      assert.equal((await notice('A', { deliveryOn: '2026-03-06', lines: [{ commodityCode: WHEAT, quantity: '45000.5' }] })).status, 201);
      const stored = await periodicNotice(t.db.db, `${numbers.A}/01`);
      assert.equal(stored?.applicationNumber, numbers.A);
      assert.equal(stored?.deliveryOn, '2026-03-05');
      assert.deepEqual(stored?.lines, [{ commodityCode: WHEAT, quantity: '30000' }]);
      assert.equal(await periodicNotice(t.db.db, 'PD-2026-000000/01'), undefined);
      const events = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM platform.outbox WHERE topic = 'customs.periodic_delivery_notified'`);
      assert.equal(events[0]?.n, 2);
    });

    test('CUS-DEC-64 AMB-10: an undecided application escalates to officers on day 8 and shows overdue after day 10; the late answer is marked', async () => {
      await at('2026-03-09T18:59:00Z');
      await tick();
      assert.equal((await read('B')).escalatedAt, null);
      await at('2026-03-09T19:00:00Z');
      await tick();
      assert.equal((await read('B')).escalatedAt, '2026-03-09T19:00:00.000Z');
      const officers = await officer.get('/api/notifications');
      assert.ok(JSON.stringify(officers.body).includes(`periodic_decision_escalated: ${numbers.B}`), officers.text);
      await at('2026-03-12T18:59:59.000Z');
      assert.equal((await trader.get(`/api/customs/periodic-applications/${numbers.B}`)).body.isDecisionOverdue, false);
      await at('2026-03-12T19:00:00Z');
      await tick();
      const b = (await trader.get(`/api/customs/periodic-applications/${numbers.B}`)).body;
      assert.equal(b.state, 'SUBMITTED');
      assert.equal(b.isDecisionOverdue, true);
      // F (3 days to 8 March, nothing presented) became due for withdrawal at the pass of 9 March, with 10 days' grace (AMB-07).
      const f = await read('F');
      assert.deepEqual([f.state, f.withdrawalDueAt], ['WITHDRAWAL_DUE', '2026-03-19T18:59:59.999Z']);
      refused(await officer.post(`/api/customs/periodic-applications/${numbers.F}/annulment`, { reason: 'Not withdrawn' }), 409, 'PERIODIC_GRACE_NOT_OVER');
      const late = await decide('B', { decision: 'permit' });
      assert.deepEqual([late.body.state, late.body.decision.isLate], ['PERMITTED', true]);
    });

    test('CUS-DEC-78 CUS-DEC-80 EXIT: actual exit of export deliveries is recorded per notice', async () => {
      await at('2026-03-12T20:00:00Z');
      for (const key of ['C', 'G', 'H', 'K']) {
        const r = await notice(key, { deliveryOn: '2026-03-13', lines: [{ commodityCode: SUGAR, quantity: '10' }] });
        assert.equal(r.status, 201, r.text);
      }
      assert.equal((await notice('C', { deliveryOn: '2026-03-14', lines: [{ commodityCode: SUGAR, quantity: '490' }] })).status, 201);
      await at('2026-03-14T05:00:00Z');
      const exit = (key: string, seq: number, b: Record<string, unknown>) =>
        officer.post(`/api/customs/periodic-applications/${numbers[key]}/notices/${seq}/exit`, b);
      refused(await exit('C', 1, { exitedOn: '2026-03-12' }), 422, 'PERIODIC_EXIT_INVALID');
      refused(await exit('C', 1, { exitedOn: '2026-03-15' }), 422, 'PERIODIC_EXIT_INVALID');
      refused(await exit('A', 1, { exitedOn: '2026-03-13' }), 422, 'PERIODIC_EXIT_INVALID');
      refused(await exit('C', 9, { exitedOn: '2026-03-13' }), 404, 'PERIODIC_NOTICE_NOT_FOUND');
      refused(await exit('C', 1, { exitedOn: '2026-03-13', lines: [{ commodityCode: PHONES, quantity: '1' }] }), 422, 'PERIODIC_CODE_NOT_IN_APPLICATION');
      const ok = await exit('C', 1, { exitedOn: '2026-03-13', lines: [{ commodityCode: SUGAR, quantity: '9.5' }] });
      assert.equal(ok.status, 200, ok.text);
      assert.equal(ok.body.notices[0].exitedOn, '2026-03-13');
      refused(await exit('C', 1, { exitedOn: '2026-03-13' }), 409, 'PERIODIC_EXIT_ALREADY_RECORDED');
    });

    test('CUS-DEC-69 CUS-DEC-79 CUS-DEC-82 CUS-DEC-73 P5 P7: the period ends: declaration due (import 10 days; export 1 month after the whole lot left, extendable by 4 months) or withdrawal due', async () => {
      await at('2026-03-21T05:00:00Z');
      await tick();
      const a = await read('A');
      assert.deepEqual([a.state, a.declarationDueAt], ['DECLARATION_DUE', '2026-03-30T18:59:59.999Z']);
      assert.deepEqual(a.consignments, [{ commodityCode: WHEAT, planned: '100000', notified: '75000.5', actual: '75000.5' }]);
      const c = await read('C');
      assert.deepEqual([c.state, c.declarationDueAt, c.exportDueAt], ['DECLARATION_DUE', null, '2026-09-20T18:59:59.999Z']);
      const extend = (key: string, b: Record<string, unknown>) =>
        trader.post(`/api/customs/periodic-applications/${numbers[key]}/extension`, { reason: 'Buyer delays acceptance', ...b });
      refused(await extend('C', { until: '2026-05-01' }), 409, 'PERIODIC_EXTENSION_NOT_AVAILABLE');
      refused(await extend('A', { until: '2026-04-10' }), 409, 'PERIODIC_EXTENSION_NOT_AVAILABLE');
      const exit2 = await officer.post(`/api/customs/periodic-applications/${numbers.C}/notices/2/exit`, { exitedOn: '2026-03-21' });
      assert.deepEqual([exit2.body.wholeLotExitedOn, exit2.body.declarationDueAt], ['2026-03-21', '2026-04-21T18:59:59.999Z']);
      assert.deepEqual(exit2.body.consignments, [{ commodityCode: SUGAR, planned: '500', notified: '500', actual: '499.5' }]);
      refused(await extend('C', { until: '2026-08-22' }), 422, 'PERIODIC_EXTENSION_TOO_LONG');
      const extended = await extend('C', { until: '2026-08-21' });
      assert.deepEqual(
        [extended.status, extended.body.declarationDueAt, extended.body.originalDeclarationDueAt],
        [200, '2026-08-21T18:59:59.999Z', '2026-04-21T18:59:59.999Z'],
      );
      // Import: past its 10 days the declaration is overdue (officers and the declarant are told).
      await at('2026-03-30T19:00:00Z');
      await tick();
      assert.equal((await read('A')).isDeclarationOverdue, true);
    });

    test('CUS-DEC-58 CUS-DEC-73 AMB-04 AMB-07 P8 P9: withdrawal on a simple request, or annulment of the permission after the grace period', async () => {
      await at('2026-03-31T05:00:00Z');
      refused(await trader.post(`/api/customs/periodic-applications/${numbers.A}/withdrawal`, { form: 'electronic' }), 409, 'PERIODIC_STATE_CONFLICT');
      await at('2026-04-06T20:00:00Z');
      await tick();
      assert.equal((await read('B')).state, 'WITHDRAWAL_DUE');
      const w = await trader.post(`/api/customs/periodic-applications/${numbers.B}/withdrawal`, { form: 'written', reason: 'Contract cancelled' });
      assert.equal(w.body.state, 'WITHDRAWN', w.text);
      const annul = await officer.post(`/api/customs/periodic-applications/${numbers.F}/annulment`, { reason: 'Not withdrawn in time' });
      assert.equal(annul.body.state, 'PERMISSION_ANNULLED', annul.text);
    });

    test('CUS-DEC-69 CUS-DEC-72 P6 P12: the declaration slice checks the declaration against the application and marks it declared; the checker closes', async () => {
      await t.db.db.transaction(async (tx) => {
        assert.equal(await periodicApplicationFor(tx, { number: numbers.A ?? '', declarantCode: '030000303' }), undefined);
        assert.equal(await periodicApplicationFor(tx, { number: numbers.D ?? '', declarantCode: TIN }), undefined);
        const found = await periodicApplicationFor(tx, { number: numbers.A ?? '', declarantCode: TIN });
        assert.deepEqual(
          found?.notices.map((n) => [n.deliveryOn, n.actualLines]),
          [
            ['2026-03-05', [{ commodityCode: WHEAT, quantity: '30000' }]],
            ['2026-03-06', [{ commodityCode: WHEAT, quantity: '45000.5' }]],
          ],
        );
        const wrong = await markPeriodicDeclared(tx, { number: numbers.B ?? '', declarationNumber: 'X', at: t.clock.now() });
        assert.equal(wrong.ok ? 'OK' : wrong.error.code, 'PERIODIC_STATE_CONFLICT');
        for (const key of ['A', 'C', 'G', 'H']) {
          const r = await markPeriodicDeclared(tx, { number: numbers[key] ?? '', declarationNumber: `DT-${key}`, at: t.clock.now() });
          assert.ok(r.ok, JSON.stringify(r));
        }
      });
      assert.equal((await read('A')).state, 'DECLARED');
      await tick();
      assert.deepEqual([(await read('A')).state, (await read('C')).state, (await read('G')).state], ['CLOSED', 'CLOSED', 'DECLARED']);
    });

    test('CUS-DEC-80 CUS-DEC-83 AMB-04 P7 P10 P11: export goods not gone in 6 months: declaration withdrawn, or release to be annulled (outbox event)', async () => {
      // G and H: declared, their delivery never left; K: notified, never declared, never left.
      await at('2026-09-20T18:59:00Z');
      await tick();
      assert.equal((await read('G')).state, 'DECLARED');
      await at('2026-09-20T19:00:00Z');
      await tick();
      assert.deepEqual([(await read('G')).state, (await read('H')).state, (await read('K')).state], ['EXPORT_OVERDUE', 'EXPORT_OVERDUE', 'WITHDRAWAL_DUE']);
      const g = await trader.post(`/api/customs/periodic-applications/${numbers.G}/withdrawal`, { form: 'electronic' });
      assert.equal(g.body.state, 'DECLARATION_WITHDRAWN', g.text);
      refused(await officer.post(`/api/customs/periodic-applications/${numbers.H}/annulment`, { reason: 'Not exported' }), 409, 'PERIODIC_GRACE_NOT_OVER');
      await at('2026-10-01T19:00:00Z');
      await tick();
      const h = await officer.post(`/api/customs/periodic-applications/${numbers.H}/annulment`, { reason: 'Not exported, not withdrawn' });
      assert.equal(h.body.state, 'RELEASE_ANNULLED', h.text);
      const events = await t.db.query<{ topic: string; payload: { declarationNumber: string } }>(
        `SELECT topic, payload FROM platform.outbox WHERE topic IN ('customs.periodic_release_annulment_due', 'customs.periodic_declaration_withdrawn') ORDER BY created_at`,
      );
      assert.deepEqual(
        events.map((e) => [e.topic, e.payload.declarationNumber]),
        [
          ['customs.periodic_declaration_withdrawn', 'DT-G'],
          ['customs.periodic_release_annulment_due', 'DT-H'],
        ],
      );
      const trail = await t.db.query<{ action: string }>(
        `SELECT action FROM platform.audit_log WHERE entity = 'customs.periodic_application' AND entity_id = $1 ORDER BY seq`,
        [numbers.H],
      );
      assert.deepEqual(
        trail.map((r) => r.action),
        [
          'periodic.submitted',
          'periodic.permitted',
          'periodic.activated',
          'periodic.delivery_notified',
          'periodic.declaration_due',
          'periodic.declared',
          'periodic.export_overdue',
          'periodic.release_annulled',
        ],
      );
    });
  });
}
