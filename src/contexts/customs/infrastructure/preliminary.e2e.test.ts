import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { type Client, startTestApp, type TestApp } from '../../../../test/app.ts';
import { testTargets } from '../../../../test/db.ts';
import { usePreliminaryInformation } from '../index.ts';
import { piBody } from './preliminary.fixtures.ts';
import * as preliminarySchema from './preliminary.schema.ts';
import * as storageSchema from './storage.schema.ts';
import * as warehouseSchema from './warehouse.schema.ts';

const DECLARANT = '030000303';
const CARRIER = '040000404';

type Reply = { status: number; body: { code?: string; field?: string; details?: Record<string, unknown> }; headers: Record<string, unknown>; text?: string };
const refused = (r: Reply, status: number, code: string, field?: string) => {
  assert.equal(r.status, status, JSON.stringify(r.body));
  assert.equal(r.body.code, code);
  assert.match(String(r.headers['content-type']), /application\/problem\+json/);
  if (field) assert.equal(r.body.field, field);
};

for (const target of testTargets()) {
  describe(`customs preliminary information [${target}]`, () => {
    let t: TestApp;
    let officer: Client;
    let declarant: Client;
    let otherDeclarant: Client;
    let carrier: Client;
    let analyst: Client;

    // Monday 2 March 2026, 10:00 in Dushanbe.
    before(async () => {
      t = await startTestApp(target, '2026-03-02T05:00:00Z');
      officer = await t.as('customs_officer');
      declarant = await t.as('declarant', { tin: DECLARANT });
      otherDeclarant = await t.as('declarant', { tin: '050000505' });
      carrier = await t.as('carrier', { tin: CARRIER });
      analyst = await t.as('risk_analyst');
    });
    after(() => t.close());

    test('the drizzle tables of the arrival slice match migration 0018', async () => {
      const tables = ([...Object.values(preliminarySchema), ...Object.values(storageSchema), ...Object.values(warehouseSchema)] as unknown[]).filter(
        (v): v is PgTable => typeof v === 'object' && v !== null && Symbol.for('drizzle:IsDrizzleTable') in v,
      );
      assert.equal(tables.length, 10);
      for (const table of tables) {
        const cfg = getTableConfig(table);
        const columns = await t.db.query<{ column_name: string; is_nullable: string }>(
          'SELECT column_name, is_nullable FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2',
          [cfg.schema, cfg.name],
        );
        const inDb = new Map(columns.map((c) => [c.column_name, c.is_nullable === 'YES']));
        for (const col of cfg.columns) assert.equal(inDb.get(col.name), !col.notNull, `${cfg.name}.${col.name}`);
        assert.equal(cfg.columns.length, inDb.size, cfg.name);
      }
    });

    test('CUS-PI-01 CUS-PI-03 CUS-PI-08 CUS-PI-09 A-02: a declarant submits the five data groups electronically; it is registered at once with its time, number and 30-day end', async () => {
      const r = await declarant.post('/api/customs/preliminary-information', piBody());
      assert.equal(r.status, 201, r.text);
      assert.match(r.body.number, /^PI-2026-\d{7}$/);
      assert.equal(r.body.status, 'REGISTERED');
      assert.equal(r.body.channel, 'electronic');
      assert.deepEqual(r.body.submitter, { role: 'declarant', tin: DECLARANT });
      assert.equal(r.body.declarantTin, DECLARANT);
      // The five groups: goods (codes, quantities, mass, value), vehicles, carrier, time and place, passengers.
      assert.deepEqual(
        r.body.goods.map((g: { lineNo: number; commodityCode: string; quantity: string; grossMassKg: string; valueDirams: string }) => [
          g.lineNo,
          g.commodityCode,
          g.quantity,
          g.grossMassKg,
          g.valueDirams,
        ]),
        [
          [1, '1101000000', '20000', '20400.5', '9500000'],
          [2, '8517130000', '100', '40', '120000000'],
        ],
      );
      assert.equal(r.body.vehicles.length, 2);
      assert.equal(r.body.carrier.name, 'ТОО «Пример-Транс»');
      assert.equal(r.body.arrivalOfficeCode, 'DUSHANBE');
      assert.equal(r.body.expectedArrivalAt, '2026-03-03T05:00:00.000Z');
      assert.equal(r.body.passengers[0].documentNumber, 'N1234567');
      assert.equal(r.body.submittedAt, '2026-03-02T05:00:00.000Z');
      assert.equal(r.body.registeredAt, '2026-03-02T05:00:00.000Z');
      // 30 calendar days from the day of registration (2 March): the end of 1 April, Dushanbe time.
      assert.equal(r.body.expiresAt, '2026-04-01T18:59:59.999Z');
    });

    test('CUS-PI-02: registration tells risk management (outbox customs.preliminary_registered) and the risk analyst reads it before arrival; traders see only their own', async () => {
      const r = await declarant.post('/api/customs/preliminary-information', piBody({ expectedArrivalAt: '2026-03-05T09:00:00+05:00' }));
      assert.equal(r.status, 201, r.text);
      const events = await t.db.query<{ payload: { number: string; preliminaryId: string; arrivalOfficeCode: string } }>(
        `SELECT payload FROM platform.outbox WHERE topic = 'customs.preliminary_registered'`,
      );
      const mine = events.find((e) => e.payload.number === r.body.number);
      assert.ok(mine);
      assert.equal(mine.payload.preliminaryId, r.body.id);
      assert.equal(mine.payload.arrivalOfficeCode, 'DUSHANBE');
      const list = await analyst.get('/api/customs/preliminary-information?status=REGISTERED&officeCode=DUSHANBE&arrivingFrom=2026-03-05T00:00:00%2B05:00');
      assert.equal(list.status, 200, list.text);
      assert.deepEqual(
        list.body.map((p: { number: string }) => p.number),
        [r.body.number],
      );
      assert.equal((await analyst.get(`/api/customs/preliminary-information/${r.body.number}`)).status, 200);
      refused(await otherDeclarant.get(`/api/customs/preliminary-information/${r.body.number}`), 404, 'PI_NOT_FOUND');
      assert.deepEqual((await otherDeclarant.get('/api/customs/preliminary-information')).body, []);
      refused(await t.anon.get('/api/customs/preliminary-information'), 401, 'UNAUTHENTICATED');
    });

    test('CUS-PI-07: road is submitted by the declarant; air, rail and river by the carrier', async () => {
      const air = await declarant.post('/api/customs/preliminary-information', piBody({ transportMode: 'air' }));
      refused(air, 403, 'PI_SUBMITTER_ROLE_MISMATCH', 'body.transportMode');
      assert.equal(air.body.details?.requiredRole, 'carrier');
      refused(await carrier.post('/api/customs/preliminary-information', piBody()), 403, 'PI_SUBMITTER_ROLE_MISMATCH');
      const rail = await carrier.post(
        '/api/customs/preliminary-information',
        piBody({
          transportMode: 'rail',
          arrivalOfficeCode: 'DUSTI',
          declarantTin: DECLARANT,
          vehicles: [{ kind: 'wagon', registrationNumber: '52345678', country: 'UZ' }],
        }),
      );
      assert.equal(rail.status, 201, rail.text);
      assert.deepEqual(rail.body.submitter, { role: 'carrier', tin: CARRIER });
      assert.equal(rail.body.declarantTin, DECLARANT);
      // The declarant named by a carrier reads it too.
      assert.equal((await declarant.get(`/api/customs/preliminary-information/${rail.body.number}`)).status, 200);
      const plane = await carrier.post(
        '/api/customs/preliminary-information',
        piBody({ transportMode: 'air', vehicles: [{ kind: 'aircraft', registrationNumber: 'EY-777', country: 'TJ' }] }),
      );
      assert.equal(plane.status, 201, plane.text);
      refused(await analyst.post('/api/customs/preliminary-information', piBody()), 403, 'FORBIDDEN');
    });

    test('CUS-PI-06 CUS-PI-10 CUS-PI-11: pipeline and power line are refused with their own code; the optional and never cases are listed as "not required" reasons', async () => {
      refused(await declarant.post('/api/customs/preliminary-information', piBody({ transportMode: 'pipeline' })), 422, 'PI_NOT_FOR_PIPELINE_OR_POWER_LINE');
      refused(await carrier.post('/api/customs/preliminary-information', piBody({ transportMode: 'power_line' })), 422, 'PI_NOT_FOR_PIPELINE_OR_POWER_LINE');
      const reasons = await declarant.get('/api/customs/preliminary-information/not-required-reasons', { 'accept-language': 'en' });
      assert.equal(reasons.status, 200, reasons.text);
      assert.deepEqual(
        reasons.body.map((r: { code: string; kind: string }) => `${r.code}:${r.kind}`),
        [
          'personal_use:optional',
          'postal_item:optional',
          'art320_p1_goods:optional',
          'disaster_relief:optional',
          'military_goods:optional',
          'pipeline:never',
          'power_line:never',
        ],
      );
      assert.equal(reasons.body[4].title, 'Military goods');
    });

    test('CUS-PI-01 CUS-PI-08: refusals of a submission write nothing: unknown or incompetent office, unknown commodity code, arrival in the past, zero quantity, a missing data group', async () => {
      const before = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM customs.preliminary_information');
      refused(await declarant.post('/api/customs/preliminary-information', piBody({ arrivalOfficeCode: 'NOWHERE' })), 422, 'ARRIVAL_OFFICE_UNKNOWN');
      refused(
        await carrier.post('/api/customs/preliminary-information', piBody({ transportMode: 'air', arrivalOfficeCode: 'PANJI-POYON' })),
        422,
        'PI_OFFICE_NOT_COMPETENT',
        'body.arrivalOfficeCode',
      );
      const goods = piBody().goods;
      refused(
        await declarant.post('/api/customs/preliminary-information', piBody({ goods: [goods[0], { ...goods[1], commodityCode: '1001990001' }] })),
        422,
        'PI_COMMODITY_CODE_UNKNOWN',
        'body.goods[1].commodityCode',
      );
      refused(
        await declarant.post('/api/customs/preliminary-information', piBody({ expectedArrivalAt: '2026-03-01T10:00:00+05:00' })),
        422,
        'PI_ARRIVAL_IN_PAST',
      );
      refused(
        await declarant.post('/api/customs/preliminary-information', piBody({ goods: [{ ...goods[0], quantity: '0.000' }] })),
        422,
        'ARRIVAL_VALUE_INVALID',
        'body.goods[0].quantity',
      );
      refused(
        await declarant.post('/api/customs/preliminary-information', piBody({ declarantTin: '050000505' })),
        422,
        'ARRIVAL_VALUE_INVALID',
        'body.declarantTin',
      );
      const { carrier: _omitted, ...noCarrier } = piBody();
      refused(await declarant.post('/api/customs/preliminary-information', noCarrier), 400, 'VALIDATION_FAILED');
      refused(await declarant.post('/api/customs/preliminary-information', piBody({ vehicles: [] })), 400, 'VALIDATION_FAILED');
      const after = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM customs.preliminary_information');
      assert.equal(after[0]?.n, before[0]?.n);
    });

    test('CUS-PI-04 F-05: paper only during a recorded outage that affects the office; keyed in by an officer and linked to the outage', async () => {
      const paper = (over: Record<string, unknown> = {}) => ({
        outageId: '',
        receivedAt: '2026-03-02T09:30:00+05:00',
        submitterRole: 'declarant',
        submitterTin: DECLARANT,
        ...over,
      });
      refused(await officer.post('/api/customs/preliminary-information', piBody()), 422, 'ARRIVAL_VALUE_INVALID', 'body.paper');
      refused(
        await officer.post('/api/customs/outages', {
          startedAt: '2026-03-02T11:00:00+05:00',
          cause: 'technical_fault',
          description: 'x',
          officeCodes: ['DUSHANBE'],
        }),
        422,
        'OUTAGE_PERIOD_INVALID',
      );
      refused(
        await officer.post('/api/customs/outages', {
          startedAt: '2026-03-02T08:00:00+05:00',
          endedAt: '2026-03-02T07:00:00+05:00',
          cause: 'technical_fault',
          description: 'x',
          officeCodes: ['DUSHANBE'],
        }),
        422,
        'OUTAGE_PERIOD_INVALID',
        'body.endedAt',
      );
      refused(
        await officer.post('/api/customs/outages', {
          startedAt: '2026-03-02T08:00:00+05:00',
          cause: 'no_electricity',
          description: 'x',
          officeCodes: ['NOWHERE'],
        }),
        422,
        'ARRIVAL_OFFICE_UNKNOWN',
      );
      refused(
        await officer.post('/api/customs/outages', { startedAt: '2026-03-02T08:00:00+05:00', cause: 'flood', description: 'x', officeCodes: ['DUSHANBE'] }),
        400,
        'VALIDATION_FAILED',
      );
      refused(
        await declarant.post('/api/customs/outages', {
          startedAt: '2026-03-02T08:00:00+05:00',
          cause: 'no_electricity',
          description: 'x',
          officeCodes: ['DUSHANBE'],
        }),
        403,
        'FORBIDDEN',
      );
      const outage = await officer.post('/api/customs/outages', {
        startedAt: '2026-03-02T09:00:00+05:00',
        cause: 'no_electricity',
        description: 'Power cut at the Dushanbe data centre',
        officeCodes: ['DUSHANBE'],
      });
      assert.equal(outage.status, 201, outage.text);
      // A trader never sends paper through the API.
      refused(await declarant.post('/api/customs/preliminary-information', piBody({ paper: paper({ outageId: outage.body.id }) })), 403, 'FORBIDDEN');
      const keyed = await officer.post('/api/customs/preliminary-information', piBody({ paper: paper({ outageId: outage.body.id }) }));
      assert.equal(keyed.status, 201, keyed.text);
      assert.equal(keyed.body.channel, 'paper');
      assert.equal(keyed.body.outageId, outage.body.id);
      assert.equal(keyed.body.submittedAt, '2026-03-02T04:30:00.000Z');
      assert.deepEqual(keyed.body.submitter, { role: 'declarant', tin: DECLARANT });
      // The role rule holds on paper too.
      refused(
        await officer.post('/api/customs/preliminary-information', piBody({ transportMode: 'air', paper: paper({ outageId: outage.body.id }) })),
        403,
        'PI_SUBMITTER_ROLE_MISMATCH',
      );
      // Another office, or before the outage: no paper.
      refused(
        await officer.post('/api/customs/preliminary-information', piBody({ arrivalOfficeCode: 'KHUJAND', paper: paper({ outageId: outage.body.id }) })),
        422,
        'PI_PAPER_WITHOUT_OUTAGE',
        'body.paper.outageId',
      );
      refused(
        await officer.post(
          '/api/customs/preliminary-information',
          piBody({ paper: paper({ outageId: outage.body.id, receivedAt: '2026-03-02T08:59:00+05:00' }) }),
        ),
        422,
        'PI_PAPER_WITHOUT_OUTAGE',
      );
      refused(
        await officer.post('/api/customs/preliminary-information', piBody({ paper: paper({ outageId: '0193a6a0-7c1e-7a10-8000-000000000001' }) })),
        404,
        'OUTAGE_NOT_FOUND',
      );
      refused(
        await officer.post(
          '/api/customs/preliminary-information',
          piBody({ paper: paper({ outageId: outage.body.id, receivedAt: '2026-03-02T11:00:00+05:00' }) }),
        ),
        422,
        'ARRIVAL_VALUE_INVALID',
        'body.paper.receivedAt',
      );
      const ended = await officer.post(`/api/customs/outages/${outage.body.id}/end`, { endedAt: '2026-03-02T09:45:00+05:00' });
      assert.equal(ended.status, 200, ended.text);
      assert.equal(ended.body.endedAt, '2026-03-02T04:45:00.000Z');
      refused(await officer.post(`/api/customs/outages/${outage.body.id}/end`, {}), 409, 'OUTAGE_ALREADY_ENDED');
      refused(await officer.post('/api/customs/outages/0193a6a0-7c1e-7a10-8000-000000000001/end', {}), 404, 'OUTAGE_NOT_FOUND');
      refused(
        await officer.post(
          '/api/customs/preliminary-information',
          piBody({ paper: paper({ outageId: outage.body.id, receivedAt: '2026-03-02T09:50:00+05:00' }) }),
        ),
        422,
        'PI_PAPER_WITHOUT_OUTAGE',
      );
      const register = await declarant.get('/api/customs/outages');
      assert.equal(register.body[0].cause, 'no_electricity');
    });

    test('CUS-PI-08 CUS-PI-12 A-02: with manual registration an officer registers, or refuses with a reason; the decision and its time are kept', async () => {
      refused(
        await officer.put('/api/customs/arrival-settings', {
          piRegistration: 'manual',
          piKeptDays: 30,
          storageOrdinaryDays: 91,
          storageMaximumDays: 90,
          storageWarningDays: 3,
        }),
        422,
        'ARRIVAL_VALUE_INVALID',
      );
      refused(
        await declarant.put('/api/customs/arrival-settings', {
          piRegistration: 'manual',
          piKeptDays: 30,
          storageOrdinaryDays: 15,
          storageMaximumDays: 90,
          storageWarningDays: 3,
        }),
        403,
        'FORBIDDEN',
      );
      const manual = await officer.put('/api/customs/arrival-settings', {
        piRegistration: 'manual',
        piKeptDays: 30,
        storageOrdinaryDays: 15,
        storageMaximumDays: 90,
        storageWarningDays: 3,
      });
      assert.equal(manual.status, 200, manual.text);
      const a = await declarant.post('/api/customs/preliminary-information', piBody());
      const b = await declarant.post('/api/customs/preliminary-information', piBody());
      assert.equal(a.body.status, 'SUBMITTED');
      assert.equal(a.body.registeredAt, null);
      t.clock.advance(20 * 60_000);
      refused(await declarant.post(`/api/customs/preliminary-information/${a.body.number}/decision`, { decision: 'register' }), 403, 'FORBIDDEN');
      refused(await officer.post(`/api/customs/preliminary-information/${a.body.number}/decision`, { decision: 'refuse' }), 400, 'VALIDATION_FAILED');
      const refusal = await officer.post(`/api/customs/preliminary-information/${a.body.number}/decision`, {
        decision: 'refuse',
        reason: 'Vehicle registration does not match the CMR',
      });
      assert.equal(refusal.status, 200, refusal.text);
      assert.equal(refusal.body.status, 'REFUSED');
      assert.equal(refusal.body.refusalReason, 'Vehicle registration does not match the CMR');
      assert.equal(refusal.body.refusedAt, '2026-03-02T05:20:00.000Z');
      refused(await officer.post(`/api/customs/preliminary-information/${a.body.number}/decision`, { decision: 'register' }), 409, 'PI_ALREADY_DECIDED');
      const registered = await officer.post(`/api/customs/preliminary-information/${b.body.number}/decision`, { decision: 'register' });
      assert.equal(registered.body.status, 'REGISTERED');
      assert.equal(registered.body.registeredAt, '2026-03-02T05:20:00.000Z');
      refused(await officer.post('/api/customs/preliminary-information/PI-2026-9999999/decision', { decision: 'register' }), 404, 'PI_NOT_FOUND');
      const audit = await t.db.query<{ action: string }>(`SELECT action FROM platform.audit_log WHERE entity_id = $1 ORDER BY seq`, [a.body.id]);
      assert.deepEqual(
        audit.map((x) => x.action),
        ['customs.preliminary_submitted', 'customs.preliminary_refused'],
      );
      await officer.put('/api/customs/arrival-settings', {
        piRegistration: 'automatic',
        piKeptDays: 30,
        storageOrdinaryDays: 15,
        storageMaximumDays: 90,
        storageWarningDays: 3,
      });
    });

    test('CUS-PI-05 CUS-PI-09 A-03: reused several times within the 30 days (state USED); after them refused as PI_EXPIRED, marked EXPIRED by the checker and kept', async () => {
      t.clock.set('2026-03-02T06:00:00Z');
      const pi = await declarant.post('/api/customs/preliminary-information', piBody());
      assert.equal(pi.status, 201, pi.text);
      const use = (number: string, kind: 'arrival' | 'storage' | 'declaration' | 'transit', at: string) =>
        t.c.database.db.transaction(async (tx) => usePreliminaryInformation(tx, { number, use: kind, at: new Date(at) }));
      const first = await use(pi.body.number, 'declaration', '2026-03-10T05:00:00Z');
      assert.ok(first.ok);
      assert.deepEqual(
        first.value.goods.map((g) => g.commodityCode),
        ['1101000000', '8517130000'],
      );
      assert.equal(first.value.arrivalOfficeCode, 'DUSHANBE');
      assert.equal(first.value.carrier.code, 'KZ-990140000123');
      assert.ok((await use(pi.body.number, 'transit', '2026-04-01T18:59:00Z')).ok);
      const late = await use(pi.body.number, 'storage', '2026-04-01T19:00:00Z');
      assert.ok(!late.ok);
      assert.equal(late.error.code, 'PI_EXPIRED');
      const missing = await use('PI-2026-9999999', 'arrival', '2026-03-10T05:00:00Z');
      assert.ok(!missing.ok && missing.error.code === 'PI_NOT_FOUND');
      const viewed = await declarant.get(`/api/customs/preliminary-information/${pi.body.number}`);
      assert.equal(viewed.body.status, 'USED');
      assert.deepEqual(
        viewed.body.uses.map((u: { use: string }) => u.use),
        ['declaration', 'transit'],
      );
      // A refused record is never reused.
      const refusedOne = (await officer.get('/api/customs/preliminary-information?status=REFUSED')).body[0];
      const notRegistered = await use(refusedOne.number, 'arrival', '2026-03-10T05:00:00Z');
      assert.ok(!notRegistered.ok && notRegistered.error.code === 'PI_NOT_REGISTERED');

      t.clock.set('2026-04-01T19:00:00Z');
      await t.c.worker.runOnce();
      const fresh = await t.as('declarant', { tin: DECLARANT, login: `declarant-late-${target}` });
      const archived = await fresh.get(`/api/customs/preliminary-information/${pi.body.number}`);
      assert.equal(archived.status, 200, archived.text);
      assert.equal(archived.body.status, 'EXPIRED');
      assert.equal(archived.body.expiredAt, '2026-04-01T19:00:00.000Z');
      assert.equal(archived.body.goods.length, 2);
      const again = await use(pi.body.number, 'arrival', '2026-04-01T19:00:00Z');
      assert.ok(!again.ok && again.error.code === 'PI_EXPIRED');
    });
  });
}
