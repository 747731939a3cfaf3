import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { type Client, startTestApp, type TestApp } from '../../../../test/app.ts';
import { testTargets } from '../../../../test/db.ts';
import { parseCsv } from '../../../platform/csv.ts';
import { sqlState } from '../../../platform/db.ts';
import * as ledgerSchema from './ledger.schema.ts';

/** Wednesday 10 March 2027, 10:00 in Dushanbe. */
const NOW = '2027-03-10T05:00:00Z';
const CLEAN = '400000001';
const DEBTOR = '400000002';
const IE = '400000003';
const CORRECTED = '400000004';
const IMPORTED = '400000005';

for (const target of testTargets()) {
  describe(`the tax account ledger and its certificates [${target}]`, () => {
    let t: TestApp;
    let officer: Client;
    let clean: Client;
    let debtor: Client;
    let ie: Client;

    const post = (body: object) => officer.post('/api/tax-services/ledger/entries', body);
    const entry = (tin: string, taxType: string, kind: string, amount: number, valueDate: string, period = '2027-01') =>
      post({ tin, taxType, kind, period, amount, valueDate, documentRef: `${kind}-${valueDate}` });
    const download = async (client: Client, requestId: string, resultId: string) => {
      const r = await t.app.inject({
        method: 'GET',
        url: `/api/tax-services/requests/${requestId}/results/${resultId}`,
        headers: { authorization: `Bearer ${client.token}` },
      });
      assert.equal(r.statusCode, 200);
      return { type: String(r.headers['content-type']), bytes: r.rawPayload };
    };

    before(async () => {
      t = await startTestApp(target, NOW);
      officer = await t.as('tax_officer');
      clean = await t.as('business', { tin: CLEAN });
      debtor = await t.as('business', { tin: DEBTOR });
      ie = await t.as('taxpayer', { tin: IE });
      for (const r of [
        await entry(CLEAN, 'vat', 'charge', 1_250_000, '2027-02-15'),
        await entry(CLEAN, 'vat', 'payment', 1_250_000, '2027-02-14'),
        await entry(CLEAN, 'profit', 'charge', 300_000, '2027-01-20', '2026'),
        await entry(CLEAN, 'profit', 'payment', 310_000, '2027-01-18', '2026'),
        await entry(DEBTOR, 'vat', 'charge', 3_800_000, '2027-02-15'),
        await entry(DEBTOR, 'vat', 'payment', 2_000_000, '2027-02-20'),
        await entry(DEBTOR, 'vat', 'interest', 45_600, '2027-03-01'),
        await entry(DEBTOR, 'pit', 'payment', 99_900, '2027-02-10'),
        await entry(IE, 'patent', 'payment', 60_000, '2027-01-05', '2027-Q1'),
        await entry(IE, 'social', 'payment', 25_000, '2027-01-05', '2027-Q1'),
        await entry(IE, 'vat', 'payment', 77_700, '2027-01-05'),
      ])
        assert.equal(r.status, 201, r.text);
    });
    after(() => t.close());

    test('TS-49: the taxpayer reads their own account in the cabinet: balance per tax type and in total, and the debts', async () => {
      const own = await debtor.get('/api/tax-services/ledger');
      assert.equal(own.status, 200, own.text);
      assert.equal(own.body.tin, DEBTOR);
      assert.equal(own.body.asOf, '2027-03-10');
      assert.equal(own.body.hasDebt, true);
      const vat = own.body.byTaxType.find((b: { taxType: string }) => b.taxType === 'vat');
      assert.deepEqual([vat.debits, vat.credits, vat.balance, vat.debt], [3_845_600, 2_000_000, -1_845_600, 1_845_600]);
      assert.equal(vat.name.tg, 'Андоз аз арзиши иловашуда');
      // The income tax overpayment does not cover the VAT debt (no offset was posted).
      assert.deepEqual(
        own.body.debts.map((d: { taxType: string; debt: number }) => [d.taxType, d.debt]),
        [['vat', 1_845_600]],
      );
      assert.equal(own.body.total.balance, -1_845_600 + 99_900);
      // On 14 February nothing was yet payable: value dates decide.
      const earlier = await debtor.get('/api/tax-services/ledger?asOf=2027-02-14');
      assert.equal(earlier.body.hasDebt, false);
      const entries = await debtor.get('/api/tax-services/ledger/entries');
      assert.equal(entries.status, 200);
      assert.deepEqual(
        entries.body.map((e: { kind: string; valueDate: string }) => [e.valueDate, e.kind]),
        [
          ['2027-02-10', 'payment'],
          ['2027-02-15', 'charge'],
          ['2027-02-20', 'payment'],
          ['2027-03-01', 'interest'],
        ],
      );
      const forbidden = await debtor.get(`/api/tax-services/ledger?tin=${CLEAN}`);
      assert.equal(forbidden.status, 403);
      assert.equal(forbidden.body.code, 'FORBIDDEN');
      const noTin = await officer.get('/api/tax-services/ledger');
      assert.equal(noTin.status, 400);
      assert.equal(noTin.body.code, 'TIN_REQUIRED');
      assert.equal((await officer.get(`/api/tax-services/ledger?tin=${DEBTOR}`)).body.hasDebt, true);
      const badDate = await officer.get(`/api/tax-services/ledger?tin=${DEBTOR}&asOf=2027-02-30`);
      assert.equal(badDate.body.code, 'LEDGER_DATE_INVALID');
      const badFrom = await debtor.get('/api/tax-services/ledger/entries?from=2027-02-30');
      assert.deepEqual([badFrom.status, badFrom.body.code, badFrom.body.field], [422, 'LEDGER_DATE_INVALID', 'query.from']);
    });

    test('TS-49: the ledger is append-only: the database refuses UPDATE, DELETE and TRUNCATE, and a correction is a reversal', async () => {
      const wrong = await entry(CORRECTED, 'land', 'charge', 50_000, '2027-03-01', '2027');
      assert.equal(wrong.status, 201);
      for (const statement of [
        `UPDATE tax_services.ledger_entries SET amount = 1 WHERE id = '${wrong.body.id}'`,
        `DELETE FROM tax_services.ledger_entries WHERE id = '${wrong.body.id}'`,
        'TRUNCATE tax_services.ledger_entries CASCADE',
      ]) {
        await assert.rejects(t.db.query(statement), (e: unknown) => sqlState(e) === '42501', statement);
      }
      const [kept] = await t.db.query<{ amount: string }>('SELECT amount::text FROM tax_services.ledger_entries WHERE id = $1', [wrong.body.id]);
      assert.equal(kept?.amount, '50000');

      const reversal = await officer.post(`/api/tax-services/ledger/entries/${wrong.body.id}/reversal`, { documentRef: 'Қарор № 12', note: 'wrong plot' });
      assert.equal(reversal.status, 201, reversal.text);
      assert.equal(reversal.body.reverses, wrong.body.id);
      assert.deepEqual([reversal.body.kind, reversal.body.amount, reversal.body.valueDate], ['charge', 50_000, '2027-03-01']);
      assert.equal((await entry(CORRECTED, 'land', 'charge', 5_000, '2027-03-01', '2027')).status, 201);
      const ledger = await officer.get(`/api/tax-services/ledger?tin=${CORRECTED}`);
      assert.equal(ledger.body.total.debt, 5_000);
      const listed = await officer.get(`/api/tax-services/ledger/entries?tin=${CORRECTED}`);
      assert.equal(listed.body.find((e: { id: string }) => e.id === wrong.body.id).reversedBy, reversal.body.id);

      const again = await officer.post(`/api/tax-services/ledger/entries/${wrong.body.id}/reversal`, { documentRef: 'Қарор № 13' });
      assert.equal(again.status, 409);
      assert.equal(again.body.code, 'LEDGER_ENTRY_ALREADY_REVERSED');
      const ofReversal = await officer.post(`/api/tax-services/ledger/entries/${reversal.body.id}/reversal`, { documentRef: 'Қарор № 14' });
      assert.equal(ofReversal.status, 409);
      assert.equal(ofReversal.body.code, 'LEDGER_REVERSAL_NOT_REVERSIBLE');
      const missing = await officer.post('/api/tax-services/ledger/entries/0190a6a0-7c1e-7a10-8000-000000000001/reversal', { documentRef: 'x' });
      assert.equal(missing.status, 404);
      assert.equal(missing.body.code, 'LEDGER_ENTRY_NOT_FOUND');
    });

    test('TS-49: an entry with an unknown tax type, a period outside 2000-2100 or an impossible date is refused with its code and field; a taxpayer cannot post', async () => {
      const base = { tin: CORRECTED, taxType: 'vat', kind: 'charge', period: '2027-01', amount: 100, valueDate: '2027-02-15', documentRef: 'x' };
      const cases: [object, string, string][] = [
        [{ ...base, taxType: 'tithe' }, 'TAX_TYPE_NOT_FOUND', 'body.taxType'],
        [{ ...base, period: '1999' }, 'LEDGER_PERIOD_INVALID', 'body.period'],
        [{ ...base, valueDate: '2027-02-30' }, 'LEDGER_DATE_INVALID', 'body.valueDate'],
      ];
      for (const [body, code, field] of cases) {
        const r = await post(body);
        assert.equal(r.status, 422, r.text);
        assert.deepEqual([r.body.code, r.body.field], [code, field]);
      }
      const zero = await post({ ...base, amount: 0 });
      assert.equal(zero.body.code, 'VALIDATION_FAILED');
      const byTaxpayer = await clean.post('/api/tax-services/ledger/entries', base);
      assert.equal(byTaxpayer.status, 403);
    });

    test('TS-49: a CSV file is posted all or nothing; a bad file names every bad row and posts none', async () => {
      const header = 'tin,tax_type,kind,period,amount_dirams,value_date,document_ref,note';
      const bad = [
        header,
        `${IMPORTED},vat,charge,2027-01,1000,2027-02-15,VAT 2027-01,`,
        `${IMPORTED},tithe,charge,2027-01,1000,2027-02-15,x,`,
        `${IMPORTED},vat,payment,2027-01,12.50,2027-02-15,x,`,
      ].join('\r\n');
      const refused = await officer.post('/api/tax-services/ledger/imports', { csv: bad });
      assert.equal(refused.status, 422, refused.text);
      assert.equal(refused.body.code, 'LEDGER_IMPORT_INVALID');
      assert.deepEqual(refused.body.details.errors, [
        { row: 2, column: 'tax_type', code: 'TAX_TYPE_NOT_FOUND' },
        { row: 3, column: 'amount_dirams', code: 'AMOUNT_INVALID' },
      ]);
      assert.equal((await officer.get(`/api/tax-services/ledger/entries?tin=${IMPORTED}`)).body.length, 0, 'nothing was posted');
      const empty = await officer.post('/api/tax-services/ledger/imports', { csv: header });
      assert.equal(empty.body.code, 'LEDGER_IMPORT_INVALID');

      const good = [
        header,
        `${IMPORTED},vat,charge,2027-01,1000,2027-02-15,VAT 2027-01,`,
        `${IMPORTED},vat,payment,2027-01,400,2027-02-16,"п/п 12, банк",частично`,
      ].join('\r\n');
      const posted = await officer.post('/api/tax-services/ledger/imports', { csv: good });
      assert.equal(posted.status, 201, posted.text);
      assert.equal(posted.body.posted, 2);
      const bulk = [header, ...Array.from({ length: 600 }, (_, i) => `400000006,vat,payment,2027-01,${i + 1},2027-02-16,п/п ${i},`)].join('\r\n');
      const many = await officer.post('/api/tax-services/ledger/imports', { csv: bulk });
      assert.deepEqual([many.status, many.body.posted], [201, 600], 'more rows than one INSERT takes');
      assert.equal((await officer.get('/api/tax-services/ledger?tin=400000006')).body.total.credits, (600 * 601) / 2);
      const entries = (await officer.get(`/api/tax-services/ledger/entries?tin=${IMPORTED}`)).body;
      assert.deepEqual(
        entries.map((e: { source: string; documentRef: string; note: string | null }) => [e.source, e.documentRef, e.note]),
        [
          ['import', 'VAT 2027-01', null],
          ['import', 'п/п 12, банк', 'частично'],
        ],
      );
    });

    test('06.06.01 (issue acceptance): a taxpayer without debts asks in the cabinet and gets at once the certificate and the reconciliation act, which anyone can verify', async () => {
      const r = await clean.post('/api/tax-services/ledger/no-debt-certificates', {});
      assert.equal(r.status, 201, r.text);
      assert.equal(r.body.outcome, 'issued');
      const request = r.body.request;
      assert.equal(request.serviceKey, '06.06.01');
      assert.equal(request.channel, 'cabinet');
      assert.equal(request.status, 'completed');
      assert.equal(request.isLate, false);
      assert.equal(request.sla.state, 'met');
      assert.equal(request.resultText.en, 'Certificate and reconciliation act provided (electronic)');
      assert.deepEqual(
        request.results.map((x: { kind: string; mediaType: string }) => [x.kind, x.mediaType]),
        [
          ['certificate', 'application/pdf'],
          ['reconciliation_act', 'application/pdf'],
        ],
      );
      const certificate = r.body.documents.find((d: { kind: string }) => d.kind === 'no_debt_certificate');
      assert.equal(certificate.number, `ND-${request.number}`);
      const file = await download(clean, request.id, certificate.resultId);
      assert.equal(file.type, 'application/pdf');
      assert.equal(file.bytes.subarray(0, 5).toString(), '%PDF-');
      assert.match(file.bytes.toString('latin1'), /NotoSans/, 'drawn in Noto Sans, which has the Tajik letters');
      const digest = createHash('sha256').update(file.bytes).digest('hex');
      assert.equal(digest, certificate.sha256);

      const verified = await t.anon.post('/api/public/tax-services/documents/verify', { number: certificate.number, sha256: digest });
      assert.equal(verified.status, 200);
      assert.deepEqual([verified.body.isValid, verified.body.kind, verified.body.tin, verified.body.asOf], [true, 'no_debt_certificate', CLEAN, '2027-03-10']);
      const forged = await t.anon.post('/api/public/tax-services/documents/verify', { number: certificate.number, sha256: 'f'.repeat(64) });
      assert.deepEqual(forged.body, { isValid: false });
      const guessed = await t.anon.post('/api/public/tax-services/documents/verify', { number: 'ND-2027-9999999', sha256: digest });
      assert.deepEqual(guessed.body, { isValid: false });

      const inbox = (await clean.get('/api/notifications')).body.items as { kind: string; body: { en: string } }[];
      assert.ok(inbox.some((n) => n.kind === 'request_completed' && n.body.en === 'Certificate and reconciliation act provided (electronic)'));
    });

    test('06.06.01: a debtor is refused in writing: the request is rejected with the refusal letter listing the debts and the reconciliation act', async () => {
      const r = await debtor.post('/api/tax-services/ledger/no-debt-certificates', {});
      assert.equal(r.status, 201, r.text);
      assert.equal(r.body.outcome, 'refused');
      assert.equal(r.body.debt, 1_845_600);
      assert.equal(r.body.request.status, 'rejected');
      assert.match(r.body.request.outcomeNote, /18\u00a0456,00/);
      assert.deepEqual(
        r.body.request.results.map((x: { kind: string }) => x.kind),
        ['letter', 'reconciliation_act'],
      );
      assert.deepEqual(
        r.body.documents.map((d: { kind: string; number: string }) => [d.kind, d.number]),
        [
          ['refusal_letter', `RL-${r.body.request.number}`],
          ['reconciliation_act', `RA-${r.body.request.number}`],
        ],
      );
      const inbox = (await debtor.get('/api/notifications')).body.items as { kind: string }[];
      assert.ok(inbox.some((n) => n.kind === 'request_rejected'));
      // On a date before the VAT fell due the same taxpayer had no debt: the certificate is issued for that date.
      const before = await debtor.post('/api/tax-services/ledger/no-debt-certificates', { asOf: '2027-02-14' });
      assert.equal(before.body.outcome, 'issued');
    });

    test('06.06.01: an officer takes an office request for a named TIN; without a TIN, or for a future date, it is refused', async () => {
      const r = await officer.post('/api/tax-services/ledger/no-debt-certificates', { tin: CLEAN, channel: 'post', applicant: { name: 'ҶДММ «Тест»' } });
      assert.equal(r.status, 201, r.text);
      assert.equal(r.body.request.channel, 'post');
      assert.equal(r.body.request.applicant.tin, CLEAN);
      const noTin = await officer.post('/api/tax-services/ledger/no-debt-certificates', {});
      assert.deepEqual([noTin.status, noTin.body.code], [400, 'TIN_REQUIRED']);
      const future = await clean.post('/api/tax-services/ledger/no-debt-certificates', { asOf: '2027-03-11' });
      assert.deepEqual([future.status, future.body.code, future.body.field], [422, 'DATE_IN_FUTURE', 'body.asOf']);
      const other = await clean.post('/api/tax-services/ledger/no-debt-certificates', { tin: DEBTOR });
      assert.equal(other.status, 403, 'a taxpayer asks only for their own TIN');
    });

    test('06.06.04: the reconciliation act for a period, as PDF and CSV: opening balance, each entry and closing balance per tax type', async () => {
      const r = await debtor.post('/api/tax-services/ledger/reconciliation-acts', { from: '2027-02-15', to: '2027-03-10' });
      assert.equal(r.status, 201, r.text);
      assert.equal(r.body.request.serviceKey, '06.06.04');
      assert.equal(r.body.request.status, 'completed');
      assert.equal(r.body.request.sla.state, 'met');
      const csvResult = r.body.request.results.find((x: { mediaType: string }) => x.mediaType === 'text/csv');
      const csv = parseCsv((await download(debtor, r.body.request.id, csvResult.id)).bytes.toString('utf8'));
      assert.deepEqual(
        csv.map((row) => [row.row, row.tax_type, row.debit_dirams ?? '', row.credit_dirams ?? '', row.balance_dirams]),
        [
          ['opening', 'pit', '', '', '99900'],
          ['closing', 'pit', '0', '0', '99900'],
          ['opening', 'vat', '', '', '0'],
          ['entry', 'vat', '3800000', '0', '-3800000'],
          ['entry', 'vat', '0', '2000000', '-1800000'],
          ['entry', 'vat', '45600', '0', '-1845600'],
          ['closing', 'vat', '3845600', '2000000', '-1845600'],
        ],
      );
      const act = r.body.documents[0];
      const pdf = await download(debtor, r.body.request.id, act.resultId);
      const check = await t.anon.post('/api/public/tax-services/documents/verify', {
        number: act.number,
        sha256: createHash('sha256').update(pdf.bytes).digest('hex'),
      });
      assert.deepEqual([check.body.isValid, check.body.periodFrom, check.body.periodTo], [true, '2027-02-15', '2027-03-10']);

      const reversed = await debtor.post('/api/tax-services/ledger/reconciliation-acts', { from: '2027-03-10', to: '2027-02-15' });
      assert.deepEqual([reversed.status, reversed.body.code], [422, 'DATE_RANGE_INVALID']);
      const future = await debtor.post('/api/tax-services/ledger/reconciliation-acts', { from: '2027-01-01', to: '2027-12-31' });
      assert.deepEqual([future.body.code, future.body.field], ['DATE_IN_FUTURE', 'body.to']);
      const impossible = await debtor.post('/api/tax-services/ledger/reconciliation-acts', { from: '2027-02-29', to: '2027-03-01' });
      assert.equal(impossible.body.code, 'LEDGER_DATE_INVALID');
    });

    test('06.06.02: an IE on a patent gets the certificate of income and social tax payments; other taxes are left out', async () => {
      const r = await ie.post('/api/tax-services/ledger/payments-certificates', { from: '2027-01-01', to: '2027-03-10', regime: 'patent' });
      assert.equal(r.status, 201, r.text);
      assert.equal(r.body.request.serviceKey, '06.06.02');
      assert.equal(r.body.request.status, 'completed');
      assert.deepEqual(r.body.request.subject, { from: '2027-01-01', to: '2027-03-10', regime: 'patent' });
      assert.equal(r.body.documents[0].kind, 'payments_certificate');
      assert.deepEqual(r.body.totals, [
        { taxType: 'patent', amount: 60_000 },
        { taxType: 'social', amount: 25_000 },
      ]);
      const pdf = await download(ie, r.body.request.id, r.body.documents[0].resultId);
      assert.equal(pdf.bytes.subarray(0, 5).toString(), '%PDF-');
    });

    test('the drizzle tables of the ledger match migration 0014', async () => {
      const tables = (Object.values(ledgerSchema) as unknown[]).filter(
        (v): v is PgTable => typeof v === 'object' && v !== null && Symbol.for('drizzle:IsDrizzleTable') in v,
      );
      assert.equal(tables.length, 8);
      for (const table of tables) {
        const cfg = getTableConfig(table);
        const columns = await t.db.query<{ column_name: string; is_nullable: string }>(
          'SELECT column_name, is_nullable FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2',
          [cfg.schema, cfg.name],
        );
        const inDb = new Map(columns.map((c) => [c.column_name, c.is_nullable === 'YES']));
        for (const col of cfg.columns) assert.equal(inDb.get(col.name), !col.notNull, `${cfg.name}.${col.name}`);
        assert.equal(cfg.columns.length, inDb.size, `${cfg.name} has columns drizzle does not know`);
      }
    });
  });
}
