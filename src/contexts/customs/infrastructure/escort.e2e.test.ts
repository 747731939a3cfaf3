import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { type Client, startTestApp, type TestApp } from '../../../../test/app.ts';
import { countRows, inbox, okay, refused, sessionsAt } from '../../../../test/customs-case-fixtures.ts';
import { testTargets } from '../../../../test/db.ts';
import { publish } from '../../../platform/outbox.ts';
import { RISK_TOPICS } from '../../risk/index.ts';
import { RISK_DECIDED_TOPIC } from '../application/escort-proposals.ts';

const CARRIER_TIN = '070000707';
const OTHER_CARRIER_TIN = '080000808';
const FORWARDER_TIN = '090000909';

for (const target of testTargets()) {
  describe(`customs escort [${target}]`, () => {
    let t: TestApp;
    let officer: Client;
    let head: Client;
    let carrier: Client;
    let otherCarrier: Client;

    /** Moves the clock and logs everyone in again (sessions are dated by the clock). */
    const at = async (instant: string) => {
      ({ officer, head, carrier, otherCarrier } = await sessionsAt(t, instant, 'esc', {
        officer: { role: 'customs_officer' },
        head: { role: 'customs_head' },
        carrier: { role: 'carrier', tin: CARRIER_TIN },
        otherCarrier: { role: 'carrier', tin: OTHER_CARRIER_TIN },
      }));
    };
    const tick = () => t.c.worker.runOnce();
    const count = (query: string, params: unknown[] = []) => countRows(t, query, params);
    const carriage = (over: Record<string, unknown> = {}) => ({ kind: 'transit', transitNumber: 'TR-2026-0001', vehicle: '01 TJ 123 AB', ...over });
    const decision = (over: Record<string, unknown> = {}) => ({
      carriage: carriage(),
      carrier: { code: CARRIER_TIN, name: 'Интиқол ҶДММ', tin: CARRIER_TIN },
      route: { fromOffice: 'PANJI-POYON', toOffice: 'DUSHANBE', distanceKm: 180 },
      guaranteeReference: 'GUA-2026-T1',
      ...over,
    });
    const decide = (over: Record<string, unknown> = {}, who = officer) => who.post('/api/customs/escorts', decision(over));

    // Monday 2 March 2026, 10:00 in Dushanbe.
    before(async () => {
      t = await startTestApp(target, '2026-03-02T05:00:00Z');
      await at('2026-03-02T05:00:00Z');
      // A transit guarantee of 500 calculation indicators (7 500 dirams each): 3 750 000 dirams.
      await t.db.query(
        `INSERT INTO customs.guarantees (id, reference, holder_tin, scope, secured_reference, purposes, form, amount_indicators, indicator_value_dirams, indicator_date,
           amount_dirams, valid_from, valid_to, status, documents, applied_by, applied_at)
         VALUES ($1, 'GUA-2026-T1', $2, 'regime', 'transit', '{transit}', 'bank_guarantee', 500, 7500, '2026-01-10', 3750000,
           '2026-01-10', '2026-12-31', 'accepted', '[]'::jsonb, 'test', now())`,
        [randomUUID(), CARRIER_TIN],
      );
    });
    after(() => t.close());

    test('CUS-CTL-09 CUS-GUA-16 AMB-18: the grounds hold only on the facts; the guarantee counts against the Article 383 amount once it is entered', async () => {
      const grounds = (body: Record<string, unknown>) => officer.post('/api/customs/escorts/grounds', body);
      // The Article 383 amount is not entered yet: a guarantee that was given cannot be shown to be short.
      const unknown = okay(await grounds({ carriage: carriage(), guaranteeReference: 'GUA-2026-T1' }));
      assert.equal(unknown.isEscortApplicable, false);
      assert.equal(unknown.facts.art383Dirams, null);
      assert.equal(unknown.facts.guaranteeDirams, '3750000');
      refused(await decide(), 422, 'ESCORT_NO_GROUND');
      // No guarantee at all is a ground on its own.
      const none = okay(await grounds({ carriage: carriage() }));
      assert.deepEqual(
        none.grounds.map((g: { code: string }) => g.code),
        ['transit_guarantee'],
      );
      assert.match(none.grounds[0].title.ru, /статье 383/);
      // AMB-18: an officer enters the amount (1000 indicators = 7 500 000 dirams): the 3 750 000 guarantee is short.
      okay(
        await officer.post('/api/customs/guarantee-parameters', {
          code: 'transit_art383',
          indicators: '1000',
          validFrom: '2026-03-02',
          legalBasis: 'Customs Code art.383 (test)',
        }),
        201,
      );
      const short = okay(await grounds({ carriage: carriage(), guaranteeReference: 'GUA-2026-T1' }));
      assert.equal(short.facts.art383Dirams, '7500000');
      assert.deepEqual(
        short.grounds.map((g: { code: string }) => g.code),
        ['transit_guarantee'],
      );
      // The other grounds of i.1 and the ground of i.2.
      const all = okay(
        await grounds({ carriage: carriage(), unexecutedDecisions: ['AO-2025/77'], overdueDutyReferences: ['DUSHANBE/150126/9'], hasExciseGoods: true }),
      );
      assert.deepEqual(
        all.grounds.map((g: { code: string }) => g.code),
        ['transit_guarantee', 'transit_carrier_unexecuted_decisions', 'transit_carrier_unpaid_duties', 'transit_excise_goods'],
      );
      const i2 = okay(await grounds({ carriage: carriage({ kind: 'without_transit', isForeignGoodsUnderControl: true }) }));
      assert.deepEqual(
        i2.grounds.map((g: { code: string }) => g.code),
        ['foreign_goods_without_transit'],
      );
      assert.equal(okay(await grounds({ carriage: carriage({ kind: 'without_transit' }), hasExciseGoods: true })).isEscortApplicable, false);
      // Nothing was stored.
      const n = await count('SELECT count(*)::int AS n FROM customs.escorts');
      assert.equal(n, 0);
    });

    test('CUS-CTL-08 CUS-CTL-09: every refusal of a decision, and nothing half-written', async () => {
      refused(await decide({}, carrier), 403, 'FORBIDDEN');
      refused(await decide({ route: { fromOffice: 'DUSHANBE', toOffice: 'DUSHANBE', distanceKm: 5 } }), 422, 'ESCORT_ROUTE_INVALID');
      refused(await decide({ route: { fromOffice: 'NOWHERE', toOffice: 'DUSHANBE', distanceKm: 5 } }), 422, 'ESCORT_OFFICE_UNKNOWN');
      refused(await decide({ carriage: carriage({ transitNumber: undefined }) }), 422, 'ESCORT_CARRIAGE_REFERENCE_REQUIRED');
      refused(await decide({ carriage: carriage({ declarationNumber: 'DUSHANBE/000000/0' }) }), 422, 'ESCORT_DECLARATION_NOT_FOUND');
      refused(await decide({ guaranteeReference: 'GUA-2026-NONE' }), 422, 'ESCORT_GUARANTEE_NOT_FOUND');
      refused(await decide({ riskDecisionId: randomUUID() }), 422, 'ESCORT_RISK_DECISION_UNKNOWN');
      refused(await decide({ carrier: { code: 'UZ-300200100', name: 'Foreign carrier' } }), 422, 'ESCORT_PAYER_REQUIRED');
      refused(await decide({ carriage: carriage({ kind: 'without_transit' }) }), 422, 'ESCORT_NO_GROUND');
      const n = await count('SELECT count(*)::int AS n FROM customs.escorts');
      assert.equal(n, 0);
    });

    test('CUS-CTL-10 CUS-CTL-11 CUS-DEC-85: decided and the carrier told at once in three languages; organised within 24 hours; the fee charged as a payment order; completed', async () => {
      await at('2026-03-02T05:00:00Z');
      const e = okay(await decide({ hasExciseGoods: true }), 201);
      assert.match(e.number, /^ESC-2026-\d{6}$/);
      assert.equal(e.state, 'CARRIER_INFORMED');
      assert.equal(e.decidedAt, '2026-03-02T05:00:00.000Z');
      assert.equal(e.dueAt, '2026-03-03T05:00:00.000Z');
      assert.deepEqual(
        e.grounds.map((g: { code: string }) => g.code),
        ['transit_guarantee', 'transit_excise_goods'],
      );
      assert.deepEqual(e.informed, { at: '2026-03-02T05:00:00.000Z', method: 'electronic', isLate: false });
      // CUS-CTL-11: 180 km falls in the 100-300 km band of the (placeholder) table in force.
      assert.deepEqual(e.fee, {
        amountDirams: '60000',
        tableValidFrom: '2025-01-01',
        band: { fromKm: 100, toKm: 300 },
        paymentReference: null,
        paymentOrderVersion: null,
      });
      const notice = (await inbox(carrier)).find((n) => n.kind === 'escort_decided' && n.title.en.includes(e.number));
      assert.ok(notice, 'carrier informed');
      assert.match(notice.title.tg, /мушоияти гумрукӣ/);
      assert.match(notice.body.ru, /Подакцизных|подакцизных/);
      assert.match(notice.body.en, /600\.00 somoni/);
      assert.ok(!(await inbox(otherCarrier)).some((n) => n.title.en.includes(e.number)));
      refused(await officer.post(`/api/customs/escorts/${e.number}/carrier-notice`, { method: 'phone' }), 409, 'ESCORT_STATE_CONFLICT');
      refused(await officer.post(`/api/customs/escorts/${e.number}/start`), 409, 'ESCORT_STATE_CONFLICT');

      // Organised at 20:00 the same day; a start after the 24 hours would need a reason.
      await at('2026-03-02T15:00:00Z');
      refused(
        await officer.post(`/api/customs/escorts/${e.number}/organisation`, { team: ['Sgt. Rahimov'], startsAt: '2026-03-03T12:00:00+05:00' }),
        422,
        'ESCORT_LATE_REASON_REQUIRED',
      );
      refused(
        await officer.post(`/api/customs/escorts/${e.number}/organisation`, { team: ['Sgt. Rahimov'], startsAt: '2026-03-01T12:00:00+05:00' }),
        422,
        'ESCORT_START_INVALID',
      );
      const organised = okay(
        await officer.post(`/api/customs/escorts/${e.number}/organisation`, { team: ['Sgt. Rahimov', 'Lt. Saidov'], startsAt: '2026-03-03T06:00:00+05:00' }),
      );
      assert.equal(organised.state, 'ORGANISED');
      assert.equal(organised.organised.isLate, false);
      assert.equal(organised.fee.paymentReference, e.number);
      const order = okay(await officer.get(`/api/customs/payment-orders/${e.number}`));
      assert.equal(order.payerTin, CARRIER_TIN);
      assert.equal(order.dueDirams, '60000');
      assert.equal(order.lines[0].kind, 'customs_fee');
      assert.ok((await inbox(carrier)).some((n) => n.kind === 'escort_organised' && n.body.ru.includes(e.number)));

      await at('2026-03-03T01:00:00Z');
      okay(await officer.post(`/api/customs/escorts/${e.number}/start`));
      refused(await officer.post(`/api/customs/escorts/${e.number}/cancellation`, { reason: 'too late' }), 409, 'ESCORT_STATE_CONFLICT');
      await at('2026-03-03T05:00:00Z');
      await tick();
      const done = okay(await head.post(`/api/customs/escorts/${e.number}/completion`, { note: 'Arrived at Dushanbe customs' }));
      assert.equal(done.state, 'COMPLETED');
      assert.equal(done.isOverdue, false);
      assert.equal(done.overdueNotifiedAt, null, 'organised in time: never flagged');
      assert.deepEqual(
        done.history.map((h: { action: string }) => h.action),
        ['decided', 'carrier_informed', 'organised', 'started', 'completed'],
      );
      // The carrier reads its own escort (no history); another carrier cannot.
      const own = okay(await carrier.get(`/api/customs/escorts/${e.number}`));
      assert.equal(own.state, 'COMPLETED');
      assert.equal(own.history, undefined);
      refused(await otherCarrier.get(`/api/customs/escorts/${e.number}`), 404, 'ESCORT_NOT_FOUND');
      assert.ok(okay(await carrier.get('/api/customs/escorts')).some((x: { number: string }) => x.number === e.number));
      assert.equal(okay(await otherCarrier.get('/api/customs/escorts')).length, 0);
    });

    test('CUS-CTL-10: a foreign carrier is informed otherwise; past the 24 hours the checker flags the escort once and late steps need a reason', async () => {
      await at('2026-03-02T05:00:00Z');
      const e = okay(await decide({ carrier: { code: 'UZ-300200100', name: 'Foreign carrier' }, payerTin: FORWARDER_TIN, guaranteeReference: undefined }), 201);
      assert.equal(e.state, 'DECIDED');
      assert.equal(e.payerTin, FORWARDER_TIN);
      refused(await officer.post(`/api/customs/escorts/${e.number}/carrier-notice`, { method: 'electronic' }), 422, 'ESCORT_CARRIER_TIN_REQUIRED');
      // 24 hours and one minute later: overdue.
      await at('2026-03-03T05:01:00Z');
      await tick();
      await tick();
      const flagged = (await inbox(officer)).filter((n) => n.kind === 'escort_overdue' && n.title.en.includes(e.number));
      assert.equal(flagged.length, 1);
      assert.ok((await inbox(head)).some((n) => n.kind === 'escort_overdue' && n.title.en.includes(e.number)));
      const listed = okay(await officer.get('/api/customs/escorts?isOverdue=true'));
      assert.ok(listed.some((x: { number: string; isOverdue: boolean }) => x.number === e.number && x.isOverdue));
      refused(await officer.post(`/api/customs/escorts/${e.number}/carrier-notice`, { method: 'phone' }), 422, 'ESCORT_LATE_REASON_REQUIRED');
      const informed = okay(
        await officer.post(`/api/customs/escorts/${e.number}/carrier-notice`, { method: 'phone', lateReason: 'The carrier’s phone was off' }),
      );
      assert.equal(informed.informed.isLate, true);
      assert.equal(informed.lateReason, 'The carrier’s phone was off');
      const organised = okay(
        await officer.post(`/api/customs/escorts/${e.number}/organisation`, {
          team: ['Sgt. Nazarov'],
          startsAt: '2026-03-03T12:00:00+05:00',
          lateReason: 'Team on another escort',
        }),
      );
      assert.equal(organised.organised.isLate, true);
      assert.equal(okay(await officer.get(`/api/customs/payment-orders/${e.number}`)).payerTin, FORWARDER_TIN);
      // Cancelled before the escort began, with the reason.
      refused(await officer.post(`/api/customs/escorts/${e.number}/cancellation`, {}), 400, 'VALIDATION_FAILED');
      const cancelled = okay(await officer.post(`/api/customs/escorts/${e.number}/cancellation`, { reason: 'Guarantee given' }));
      assert.equal(cancelled.state, 'CANCELLED');
      assert.equal(cancelled.cancelled.reason, 'Guarantee given');
      refused(await officer.post(`/api/customs/escorts/${e.number}/start`), 409, 'ESCORT_STATE_CONFLICT');
      refused(await officer.get('/api/customs/escorts/ESC-2026-999999'), 404, 'ESCORT_NOT_FOUND');
    });

    test('CUS-CTL-09 IMP-19: a risk decision with the escort measure is proposed to the officers and grounds the decision', async () => {
      await at('2026-03-02T05:00:00Z');
      // Customs listens on the topic risk management publishes on (shared by name, not by code).
      assert.equal(RISK_DECIDED_TOPIC, RISK_TOPICS.decided);
      const decisionId = randomUUID();
      await t.db.db.transaction(async (tx) => {
        await publish(
          tx,
          RISK_DECIDED_TOPIC,
          { subjectKind: 'transit', subjectId: randomUUID(), lane: 'red', measures: ['physical_examination', 'escort'], decisionId },
          t.clock.now(),
        );
        await publish(
          tx,
          RISK_DECIDED_TOPIC,
          { subjectKind: 'transit', subjectId: randomUUID(), lane: 'yellow', measures: ['documentary_check'], decisionId: randomUUID() },
          t.clock.now(),
        );
      });
      await tick();
      const proposals = okay(await officer.get('/api/customs/escorts/proposals'));
      assert.deepEqual(
        proposals.map((p: { decisionId: string }) => p.decisionId),
        [decisionId],
      );
      assert.ok((await inbox(officer)).some((n) => n.kind === 'escort_proposed'));
      const e = okay(
        await decide({ riskDecisionId: decisionId, guaranteeReference: 'GUA-2026-T1', carriage: carriage({ transitNumber: 'TR-2026-0002' }) }),
        201,
      );
      assert.deepEqual(
        e.grounds.map((g: { code: string }) => g.code),
        ['transit_guarantee', 'transit_risk_signal'],
      );
      assert.equal(e.riskDecisionId, decisionId);
      assert.deepEqual(e.facts.riskMeasures, ['physical_examination', 'escort']);
      refused(await carrier.get('/api/customs/escorts/proposals'), 403, 'FORBIDDEN');
      // A declaration carried brings the risk decision in force on it (CUS-CTL-03): escort among its measures is the signal.
      const number = `PANJI-POYON/020326/${Math.floor(Math.random() * 1e7)}`;
      const onDeclaration = randomUUID();
      await t.db.query(
        `INSERT INTO customs.declarations (id, number, state, form, channel, direction, regime, office_code, declarant_code, filer_tin, data, created_at, updated_at,
           registered_at, accepted_on, risk_lane, risk_decided_at, risk_decision_id, risk_measures)
         VALUES ($1, $2, 'UNDER_CONTROL', 'standard', 'electronic', 'import', 'transit', 'PANJI-POYON', $3, $3, '{"items":[]}'::jsonb, now(), now(), now(),
           '2026-03-02', 'red', now(), $4, '["physical_examination","escort"]'::jsonb)`,
        [randomUUID(), number, CARRIER_TIN, onDeclaration],
      );
      const viaDeclaration = okay(
        await decide({ guaranteeReference: undefined, carriage: carriage({ transitNumber: undefined, declarationNumber: number }) }),
        201,
      );
      assert.deepEqual(
        viaDeclaration.grounds.map((g: { code: string }) => g.code),
        ['transit_guarantee', 'transit_risk_signal'],
      );
      assert.equal(viaDeclaration.carriage.declarationNumber, number);
      assert.equal(viaDeclaration.riskDecisionId, onDeclaration);
    });

    test('CUS-CTL-11: the Government’s fee table is entered from a day on, checked, and applies to decisions from that day', async () => {
      await at('2026-03-02T05:00:00Z');
      const table = (over: Record<string, unknown> = {}) => ({
        validFrom: '2026-04-01',
        legalBasis: 'Government decree (test)',
        bands: [
          { fromKm: 0, toKm: 200, amountDirams: '40000' },
          { fromKm: 200, toKm: null, amountDirams: '90000' },
        ],
        ...over,
      });
      refused(await carrier.post('/api/customs/escort-fees', table()), 403, 'FORBIDDEN');
      refused(await officer.post('/api/customs/escort-fees', table({ validFrom: '2026-03-01' })), 422, 'ESCORT_FEE_PAST_DATED');
      refused(
        await officer.post('/api/customs/escort-fees', table({ bands: [{ fromKm: 0, toKm: 200, amountDirams: '40000' }] })),
        422,
        'ESCORT_FEE_TABLE_INVALID',
      );
      refused(
        await officer.post('/api/customs/escort-fees', table({ bands: [{ fromKm: 5, toKm: null, amountDirams: '40000' }] })),
        422,
        'ESCORT_FEE_TABLE_INVALID',
      );
      const tables = okay(await officer.post('/api/customs/escort-fees', table()), 201);
      assert.deepEqual(
        tables.map((x: { validFrom: string }) => x.validFrom),
        ['2026-04-01', '2025-01-01'],
      );
      refused(await officer.post('/api/customs/escort-fees', table()), 422, 'ESCORT_FEE_PAST_DATED');
      assert.equal(okay(await carrier.get('/api/customs/escort-fees')).length, 2);
      // Before 1 April the placeholder table applies; from then on the new one.
      assert.equal(okay(await decide({ guaranteeReference: undefined, carriage: carriage({ transitNumber: 'TR-2026-0003' }) }), 201).fee.amountDirams, '60000');
      await at('2026-04-01T05:00:00Z');
      const april = okay(await decide({ guaranteeReference: undefined, carriage: carriage({ transitNumber: 'TR-2026-0004' }) }), 201);
      assert.deepEqual(april.fee, {
        amountDirams: '40000',
        tableValidFrom: '2026-04-01',
        band: { fromKm: 0, toKm: 200 },
        paymentReference: null,
        paymentOrderVersion: null,
      });
      // Without any table in force (here: removed), no escort can be charged, so none is decided.
      await t.db.query('DELETE FROM customs.escort_fees');
      refused(await decide({ guaranteeReference: undefined, carriage: carriage({ transitNumber: 'TR-2026-0005' }) }), 422, 'ESCORT_FEE_TABLE_MISSING');
    });
  });
}
