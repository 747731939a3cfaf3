import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { type Reply, startTestApp, type TestApp } from '../../../../test/app.ts';
import { testTargets } from '../../../../test/db.ts';
import { verifyAuditChain } from '../../../platform/audit.ts';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { transact } from '../../../platform/db.ts';
import { markMessageSent, takePendingMessages } from '../application/outgoing-messages.ts';
import { type NewTaxpayer, registerTaxpayer } from '../application/taxpayers.ts';
import * as identitySchema from './identity.schema.ts';

/** Monday 6 April 2026, 10:00 in Dushanbe. */
const MONDAY = '2026-04-06T05:00:00Z';
const CABINET = '/api/public/tax-services/cabinet-requests';

let seq = 0;
/** Enters a taxpayer in the register as an officer would (the TIN is assigned by the register). */
async function enter(t: TestApp, over: Partial<NewTaxpayer> = {}) {
  seq += 1;
  const deps = t.c.taxServices.deps;
  const input: NewTaxpayer = {
    kind: 'individual',
    surname: 'Саидов',
    givenName: 'Бахтиёр',
    patronymic: 'Қурбонович',
    birthDate: '1988-03-21',
    passport: { series: 'A', number: String(66_000_000 + seq) },
    address: 'ш. Хуҷанд, кӯч. Сомонӣ 3',
    unitCode: 'khujand',
    ...over,
  };
  const r = await transact(deps.database.db, (tx) => registerTaxpayer(tx, deps, 'test', input));
  assert.ok(r.ok, JSON.stringify(r));
  return r.value;
}

const organisation = (over: Partial<NewTaxpayer> = {}): Partial<NewTaxpayer> => ({
  kind: 'legal_entity',
  surname: null,
  givenName: null,
  birthDate: null,
  passport: null,
  organisationName: `ҶДММ «Тиҷорат ${seq + 1}»`,
  address: 'ш. Душанбе, кӯч. Бохтар 7',
  unitCode: 'dushanbe-somoni',
  ...over,
});

const deregister = (t: TestApp, tin: string) =>
  t.db.query(`UPDATE tax_services.taxpayers SET status = 'deregistered', deregistered_at = $2 WHERE tin = $1`, [tin, '2026-01-15T05:00:00Z']);

let ip = 0;
/** The public from a new address each time: the per-client limit of applications is not what these tests are about. */
async function asPublic(t: TestApp, url: string, body: object): Promise<Reply> {
  ip += 1;
  const r = await t.app.inject({ method: 'POST', url, payload: body, remoteAddress: `10.30.${Math.floor(ip / 250)}.${ip % 250}` });
  return { status: r.statusCode, body: r.json(), headers: r.headers, text: r.body };
}

const claimOf = (p: Awaited<ReturnType<typeof enter>>) => ({
  tin: p.tin,
  passportSeries: p.passportSeries ?? '',
  passportNumber: p.passportNumber ?? '',
  surname: p.surname ?? '',
  birthDate: p.birthDate ?? '',
});

for (const target of testTargets()) {
  describe(`the personal cabinet and counterparty information (TS-48, TS-49, TS-52) [${target}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(target, MONDAY);
    });
    after(() => t.close());

    test('TS-49 12.12.01: a citizen whose identity data match the register gets the cabinet at once: login = TIN, a one-time password by e-mail only, the request completed', async () => {
      const person = await enter(t);
      const asked = await asPublic(t, CABINET, { ...claimOf(person), surname: 'САИДОВ', email: 'bakhtiyor@example.tj' });
      assert.equal(asked.status, 201, asked.text);
      assert.equal(asked.body.status, 'completed');
      assert.deepEqual(asked.body.sentTo, { channel: 'email', address: 'b***@example.tj' });

      const [message] = await t.db.query<{ id: string; body: string; secret: string; subject: string }>(
        `SELECT id::text, body, secret, subject FROM tax_services.outgoing_messages WHERE tin = $1 AND kind = 'cabinet_credentials'`,
        [person.tin],
      );
      assert.ok(message?.secret && message.secret.length === 12);
      assert.ok(message.body.includes('{secret}') && !message.body.includes(message.secret), 'the body holds a placeholder, not the password');
      assert.ok(message.body.startsWith('Ҳуҷраи шахсии андозсупоранда кушода шуд'), 'Tajik first');

      const session = await t.login(person.tin, message.secret);
      const me = await session.get('/api/tax-services/taxpayers/me');
      assert.equal(me.status, 200, me.text);
      assert.equal(me.body.tin, person.tin);
      const [account] = await t.db.query<{ role: string; tin: string }>('SELECT role, tin FROM platform.accounts WHERE login = $1', [person.tin]);
      assert.deepEqual(account, { role: 'taxpayer', tin: person.tin });

      const officer = await t.as('service_officer');
      const request = await officer.get(`/api/tax-services/requests/${asked.body.requestId}`);
      assert.equal(request.body.serviceKey, '12.12.01');
      assert.equal(request.body.status, 'completed');
      assert.equal(request.body.sla.state, 'met');
      assert.equal(request.body.results[0].kind, 'credentials');
      const receipt = await officer.get(`/api/tax-services/requests/${asked.body.requestId}/results/${request.body.results[0].id}`);
      assert.equal(JSON.parse(receipt.text).sentTo, 'b***@example.tj');

      // The password is in no other table than the gateway's queue (TS-52).
      for (const [table, column] of [
        ['tax_services.requests', 'subject::text'],
        ['tax_services.results', "convert_from(decode(content_base64, 'base64'), 'UTF8')"],
        ['tax_services.request_events', 'data::text'],
        ['platform.audit_log', "coalesce(after::text, '')"],
        ['platform.notifications', 'body::text'],
        ['platform.accounts', 'secret_hash'],
      ]) {
        const leaks: unknown[] = await t.db.query(`SELECT 1 AS found FROM ${table} WHERE ${column} LIKE $1`, [`%${message.secret}%`]);
        assert.equal(leaks.length, 0, `${table} holds the password`);
      }
      // The gateway sends it: the text carries the password, then the secret is erased.
      const pending = await transact(t.db.db, async (tx) => ({ ok: true as const, value: await takePendingMessages(tx, 500) }));
      const out = pending.value.find((m) => m.id === message.id);
      assert.ok(out?.text.includes(`Рамзи яккарата: ${message.secret}.`));
      assert.equal(await markMessageSent(t.db.db, message.id, t.clock.now()), true);
      const [sent] = await t.db.query<{ secret: string | null; sent: boolean }>(
        'SELECT secret, sent_at IS NOT NULL AS sent FROM tax_services.outgoing_messages WHERE id = $1',
        [message.id],
      );
      assert.deepEqual(sent, { secret: null, sent: true });
      assert.equal((await verifyAuditChain(t.db.db)).isIntact, true);
    });

    test('TS-49 12.12.01: a legal entity’s request waits for an officer, due within 1 working day; the officer opens a business cabinet (not the generic completion) and the credentials go by SMS', async () => {
      const company = await enter(t, organisation());
      const body = {
        tin: company.tin,
        organisationName: (company.organisationName ?? '').toUpperCase(),
        representative: { fullName: 'Назаров Комрон', position: 'Директор', passportNumber: 'A70000001' },
        phone: '+992 93 555 12 34',
      };
      const asked = await asPublic(t, CABINET, body);
      assert.equal(asked.status, 201, asked.text);
      assert.equal(asked.body.status, 'open');
      assert.deepEqual(asked.body.sentTo, { channel: 'sms', address: '***1234' });
      const expected = t.c.calendar().addWorkingDays(new Date(MONDAY), 1);
      assert.equal(asked.body.dueAt, expected.toISOString());
      assert.equal(dushanbeDate(expected), '2026-04-07');

      const again = await asPublic(t, CABINET, body);
      assert.deepEqual([again.status, again.body.code], [409, 'CABINET_REQUEST_PENDING']);

      const elsewhere = await t.as('tax_officer', { unitId: '00000000-0000-7000-8000-000000000303' });
      const notTheirs = await elsewhere.post(`/api/tax-services/cabinet-requests/${asked.body.requestId}/confirm`);
      assert.deepEqual([notTheirs.status, notTheirs.body.code], [404, 'CABINET_REQUEST_NOT_FOUND']);

      const officer = await t.as('service_officer');
      // The generic completion would close it without opening the cabinet: refused.
      const generic = await officer.post(`/api/tax-services/requests/${asked.body.requestId}/complete`, {});
      assert.deepEqual([generic.status, generic.body.code], [409, 'REQUEST_HAS_OWN_COMPLETION']);
      const confirmed = await officer.post(`/api/tax-services/cabinet-requests/${asked.body.requestId}/confirm`);
      assert.equal(confirmed.status, 200, confirmed.text);
      assert.equal(confirmed.body.requestNumber, asked.body.requestNumber);
      const [sms] = await t.db.query<{ channel: string; address: string; secret: string; subject: string | null }>(
        `SELECT channel, address, secret, subject FROM tax_services.outgoing_messages WHERE tin = $1 AND kind = 'cabinet_credentials'`,
        [company.tin],
      );
      assert.equal(sms?.channel, 'sms');
      assert.equal(sms?.subject, null);
      const session = await t.login(company.tin, sms?.secret ?? '');
      assert.equal((await session.get('/api/tax-services/taxpayers/me')).body.kind, 'legal_entity');
      const [account] = await t.db.query<{ role: string }>('SELECT role FROM platform.accounts WHERE login = $1', [company.tin]);
      assert.equal(account?.role, 'business');
      const request = await officer.get(`/api/tax-services/requests/${asked.body.requestId}`);
      assert.deepEqual([request.body.status, request.body.sla.state], ['completed', 'met']);

      const twice = await officer.post(`/api/tax-services/cabinet-requests/${asked.body.requestId}/confirm`);
      assert.deepEqual([twice.status, twice.body.code], [409, 'REQUEST_CLOSED']);
    });

    test('TS-49 12.12.01: refusals: no contact (CABINET_CONTACT_REQUIRED), data that do not match or an unknown TIN (the same CABINET_IDENTITY_MISMATCH), an open cabinet (CABINET_ALREADY_OPEN), a deregistered taxpayer (TAXPAYER_DEREGISTERED); nothing is written', async () => {
      const person = await enter(t);
      const countBefore = await t.db.query<{ n: string }>('SELECT count(*)::text AS n FROM tax_services.requests');
      const noContact = await asPublic(t, CABINET, claimOf(person));
      assert.deepEqual([noContact.status, noContact.body.code], [400, 'CABINET_CONTACT_REQUIRED']);
      const wrongBirth = await asPublic(t, CABINET, { ...claimOf(person), birthDate: '1988-03-22', email: 'x@example.tj' });
      const unknown = await asPublic(t, CABINET, { ...claimOf(person), tin: '100000000', email: 'x@example.tj' });
      assert.deepEqual([wrongBirth.status, wrongBirth.body.code], [422, 'CABINET_IDENTITY_MISMATCH']);
      assert.deepEqual([unknown.status, unknown.body.code, unknown.body.title], [wrongBirth.status, wrongBirth.body.code, wrongBirth.body.title]);
      const company = await enter(t, organisation());
      const wrongName = await asPublic(t, CABINET, {
        tin: company.tin,
        organisationName: 'ҶДММ «Дигар»',
        representative: { fullName: 'А Б', position: 'Директор', passportNumber: '12345678' },
        email: 'x@example.tj',
      });
      assert.equal(wrongName.body.code, 'CABINET_IDENTITY_MISMATCH');
      const countAfter = await t.db.query<{ n: string }>('SELECT count(*)::text AS n FROM tax_services.requests');
      assert.deepEqual(countAfter, countBefore);

      assert.equal((await asPublic(t, CABINET, { ...claimOf(person), email: 'saidov@example.tj' })).status, 201);
      const open = await asPublic(t, CABINET, { ...claimOf(person), email: 'saidov@example.tj' });
      assert.deepEqual([open.status, open.body.code], [409, 'CABINET_ALREADY_OPEN']);

      const trader = await enter(t, { kind: 'individual_entrepreneur' });
      await deregister(t, trader.tin);
      const gone = await asPublic(t, CABINET, { ...claimOf(trader), phone: '+992 90 000 00 01' });
      assert.deepEqual([gone.status, gone.body.code], [409, 'TAXPAYER_DEREGISTERED']);
    });

    test('12.12.01: confirming a request that is not a cabinet request is refused (CABINET_REQUEST_NOT_FOUND)', async () => {
      const company = await enter(t, organisation());
      const cabinet = await t.as('business', { tin: company.tin });
      const other = await cabinet.post('/api/tax-services/requests', { serviceKey: '06.06.04' });
      assert.equal(other.status, 201, other.text);
      const officer = await t.as('service_officer');
      const r = await officer.post(`/api/tax-services/cabinet-requests/${other.body.id}/confirm`);
      assert.deepEqual([r.status, r.body.code], [404, 'CABINET_REQUEST_NOT_FOUND']);
    });

    test('TS-48 05.05.06: anyone gets a counterparty’s name, kind, status, VAT payer and registration date in real time, and nothing private', async () => {
      const company = await enter(t, organisation({ isVatPayer: true }));
      const r = await t.anon.get(`/api/public/tax-services/counterparties/${company.tin}`);
      assert.equal(r.status, 200, r.text);
      assert.deepEqual(r.body, {
        tin: company.tin,
        name: company.organisationName,
        kind: 'legal_entity',
        status: 'active',
        isVatPayer: true,
        registeredOn: '2026-04-06',
        deregisteredOn: null,
        requestNumber: null,
      });
      const trader = await enter(t, { kind: 'individual_entrepreneur' });
      const ie = await t.anon.get(`/api/public/tax-services/counterparties/${trader.tin}`);
      assert.equal(ie.body.name, 'Саидов Бахтиёр Қурбонович');
      for (const key of ['birthDate', 'passport', 'passportNumber', 'address']) assert.equal(key in ie.body, false, `${key} is private`);
      await deregister(t, company.tin);
      const closed = await t.anon.get(`/api/public/tax-services/counterparties/${company.tin}`);
      assert.deepEqual([closed.body.status, closed.body.deregisteredOn], ['deregistered', '2026-01-15']);
    });

    test('TS-48 TS-49 05.05.06: from the cabinet the query is a request opened and completed at once, with the information as its result in the cabinet’s history', async () => {
      const farm = await enter(t, organisation({ kind: 'dehkan_farm', organisationName: 'Хоҷагии деҳқонии «Бахт»' }));
      const buyer = await enter(t, organisation());
      const cabinet = await t.as('business', { tin: buyer.tin });
      const r = await cabinet.get(`/api/public/tax-services/counterparties/${farm.tin}`);
      assert.equal(r.status, 200, r.text);
      assert.equal(r.body.kind, 'dehkan_farm');
      assert.match(r.body.requestNumber, /^2026-\d{7}$/);
      const mine = await cabinet.get('/api/tax-services/requests?serviceKey=05.05.06');
      assert.equal(mine.body.length, 1);
      const detail = await cabinet.get(`/api/tax-services/requests/${mine.body[0].id}`);
      assert.deepEqual(
        [detail.body.number, detail.body.status, detail.body.channel, detail.body.sla.state],
        [r.body.requestNumber, 'completed', 'cabinet', 'met'],
      );
      const result = await cabinet.get(`/api/tax-services/requests/${mine.body[0].id}/results/${detail.body.results[0].id}`);
      assert.equal(JSON.parse(result.text).name, 'Хоҷагии деҳқонии «Бахт»');
    });

    test('TS-48 TS-52: a private person’s TIN and an unknown TIN get the same answer (COUNTERPARTY_NOT_FOUND); both are logged', async () => {
      const person = await enter(t);
      const privatePerson = await t.anon.get(`/api/public/tax-services/counterparties/${person.tin}`);
      const nobody = await t.anon.get('/api/public/tax-services/counterparties/100000001');
      assert.deepEqual([privatePerson.status, privatePerson.body.code], [404, 'COUNTERPARTY_NOT_FOUND']);
      assert.deepEqual([nobody.status, nobody.body.code, nobody.body.title], [privatePerson.status, privatePerson.body.code, privatePerson.body.title]);
      const log = await t.db.query<{ outcome: string }>(
        `SELECT outcome FROM tax_services.identity_access_log WHERE purpose = 'counterparty' ORDER BY id DESC LIMIT 2`,
      );
      assert.deepEqual(
        log.map((l) => l.outcome),
        ['not_found', 'not_found'],
      );
    });

    test('the identity tables of migration 0013 have exactly the columns and nullability of identity.schema.ts', async () => {
      const tables = (Object.values(identitySchema) as unknown[]).filter(
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
        assert.equal(inDb.size, cfg.columns.length, `${cfg.name} has columns drizzle does not know`);
      }
    });

    test('TS-52: an officer’s read of the register is logged; a cabinet reads only its own entry; an unknown TIN is TAXPAYER_NOT_FOUND', async () => {
      const person = await enter(t);
      const officer = await t.as('tax_officer');
      assert.equal((await officer.get(`/api/tax-services/taxpayers/${person.tin}`)).status, 200);
      const missing = await officer.get('/api/tax-services/taxpayers/100000002');
      assert.deepEqual([missing.status, missing.body.code], [404, 'TAXPAYER_NOT_FOUND']);
      const reads = await t.db.query<{ outcome: string; actor: string }>(
        `SELECT outcome, actor FROM tax_services.identity_access_log WHERE purpose = 'register_read' ORDER BY id DESC LIMIT 2`,
      );
      assert.deepEqual(
        reads.map((r) => r.outcome),
        ['not_found', 'found'],
      );
      assert.ok(reads.every((r) => r.actor.startsWith('tax_officer:')));
      const other = await enter(t);
      const cabinet = await t.as('taxpayer', { tin: other.tin });
      assert.equal((await cabinet.get(`/api/tax-services/taxpayers/${person.tin}`)).status, 403);
      assert.equal((await cabinet.get('/api/tax-services/taxpayers/me')).body.tin, other.tin);
    });
  });
}
