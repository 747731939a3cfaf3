import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { type Client, startTestApp, type TestApp } from '../../../../test/app.ts';
import { testAuthority, upload } from '../../../../test/customs-fixtures.ts';
import { testTargets } from '../../../../test/db.ts';
import { rows } from '../../../platform/db.ts';
import { activeProfile, decisionOf, type Filer, phonesOn, profileBody, register, TRADER } from './risk-fixtures.ts';

for (const target of testTargets()) {
  describe(`risk profiles: workflow, validity, simulation, reference data [${target}]`, () => {
    let t: TestApp;
    let declarant: Client;
    let officer: Client;
    let author: Client;
    let reviewer: Client;
    let filer: Filer;

    before(async () => {
      t = await startTestApp(target, '2026-03-02T05:00:00Z');
      declarant = await t.as('declarant', { tin: TRADER });
      officer = await t.as('customs_officer');
      author = await t.as('risk_analyst');
      reviewer = await t.as('risk_analyst');
      const ca = await testAuthority();
      assert.equal((await officer.post('/api/customs/trusted-issuers', { name: 'Test CA', certificatePem: ca.certificatePem })).status, 201);
      const docs = { invoice: await upload(declarant, 'invoice'), contract: await upload(declarant, 'contract'), cmr: await upload(declarant, 'cmr') };
      filer = { client: declarant, signer: await ca.signer(TRADER), docs };
    });
    after(() => t.close());

    const refused = (r: { status: number; body: { code: string } }, status: number, code: string) => assert.deepEqual([r.status, r.body.code], [status, code]);

    test('CUS-RMS-21, CUS-RMS-07, CUS-RMS-02, CUS-RMS-04, CUS-RMS-05, CUS-RMS-06, CUS-RMS-09, CUS-RMS-15, CUS-RMS-16: draft → approved by another analyst (four eyes) → active → retired; edits of an approved or active profile make a new version and the old one is kept; every step audited', async () => {
      const created = await author.post(
        '/api/risk/profiles',
        profileBody('RP-WF-1', phonesOn('02 WF 0001'), { categories: ['payment_evasion', 'persistent'], kind: 'identified', level: 5 }),
      );
      assert.equal(created.status, 201, created.text);
      const v1 = created.body.versions[0];
      assert.deepEqual([v1.version, v1.state, v1.kind, v1.level, v1.categories], [1, 'draft', 'identified', 5, ['payment_evasion', 'persistent']]);
      assert.deepEqual(v1.objects, ['commodity_code', 'country_of_origin', 'vehicle'], 'CUS-RMS-16: the art.429 objects the indicator reads');
      assert.equal(v1.area.tg, 'Арзиши пасти смартфонҳо аз Чин');
      const id = created.body.id as string;
      const step = (as: Client, version: number, name: string) => as.post(`/api/risk/profiles/${id}/versions/${version}/${name}`);

      refused(await step(author, 1, 'activate'), 409, 'RISK_PROFILE_STATE_INVALID');
      refused(await step(author, 1, 'approve'), 403, 'RISK_APPROVER_IS_AUTHOR');
      const approved = await step(reviewer, 1, 'approve');
      assert.equal(approved.status, 200, approved.text);
      assert.equal(approved.body.versions[0].state, 'approved');
      assert.match(approved.body.versions[0].approvedBy, /^risk_analyst:/);
      assert.notEqual(approved.body.versions[0].approvedBy, approved.body.versions[0].createdBy);
      assert.notEqual(approved.body.versions[0].approvedAt, null);
      refused(await step(reviewer, 1, 'approve'), 409, 'RISK_PROFILE_STATE_INVALID');
      const active = await step(author, 1, 'activate');
      assert.deepEqual([active.body.activeVersion, active.body.versions[0].isApplied], [1, true]);

      // An edit of the active version is a new draft; the active one stays in force unchanged.
      const edited = await author.put(`/api/risk/profiles/${id}`, {
        ...profileBody('x', phonesOn('02 WF 0001')),
        code: undefined,
        lane: 'yellow',
        measures: ['documentary_check'],
      });
      assert.equal(edited.status, 200, edited.text);
      assert.deepEqual(
        edited.body.versions.map((v: { version: number; state: string; lane: string }) => [v.version, v.state, v.lane]),
        [
          [2, 'draft', 'yellow'],
          [1, 'active', 'red'],
        ],
      );
      const again = await reviewer.put(`/api/risk/profiles/${id}`, {
        ...profileBody('x', phonesOn('02 WF 0001')),
        code: undefined,
        lane: 'yellow',
        level: 2,
        measures: ['documentary_check'],
      });
      assert.deepEqual([again.body.versions.length, again.body.versions[0].level], [2, 2], 'a draft is edited in place');
      refused(await step(reviewer, 2, 'approve'), 403, 'RISK_APPROVER_IS_AUTHOR');
      assert.equal((await step(author, 2, 'approve')).status, 200);
      const second = await step(reviewer, 2, 'activate');
      assert.deepEqual(
        second.body.versions.map((v: { version: number; state: string }) => [v.version, v.state]),
        [
          [2, 'active'],
          [1, 'retired'],
        ],
      );
      const retired = await step(author, 2, 'retire');
      assert.deepEqual([retired.body.activeVersion, retired.body.versions[0].state], [null, 'retired']);
      refused(await step(author, 2, 'retire'), 409, 'RISK_PROFILE_STATE_INVALID');
      refused(await step(author, 9, 'approve'), 404, 'RISK_PROFILE_NOT_FOUND');
      refused(await author.get('/api/risk/profiles/0193a6a0-7c1e-7a10-8000-000000000001'), 404, 'RISK_PROFILE_NOT_FOUND');

      const audit = await rows<{ action: string }>(
        t.db.db,
        sql`SELECT action FROM platform.audit_log WHERE entity = 'risk.profile' AND entity_id = ${id} ORDER BY seq`,
      );
      assert.deepEqual(
        audit.map((a) => a.action),
        [
          'risk.profile_created',
          'risk.profile_approved',
          'risk.profile_activated',
          'risk.profile_version_drafted',
          'risk.profile_draft_edited',
          'risk.profile_approved',
          'risk.profile_activated',
          'risk.profile_retired',
        ],
      );
      const list = await author.get('/api/risk/profiles?state=retired');
      const listed = list.body.find((p: { code: string }) => p.code === 'RP-WF-1');
      // The list shows each profile's latest version with its level (art.428 i.4) and area of risk (i.13).
      assert.deepEqual([listed.latest.level, listed.latest.area.en], [2, 'Undervalued smartphones from China'], 'the latest version, edited to level 2');
    });

    test('CUS-RMS-21, CUS-RMS-14: refusals RISK_PROFILE_CODE_TAKEN, RISK_INDICATOR_INVALID (every fault with its path), RISK_VALIDITY_INVALID; profiles are for risk analysts only (CUS-RMS-22)', async () => {
      assert.equal((await author.post('/api/risk/profiles', profileBody('RP-DUP', phonesOn('02 DUP 0001')))).status, 201);
      refused(await reviewer.post('/api/risk/profiles', profileBody('RP-DUP', phonesOn('02 DUP 0001'))), 409, 'RISK_PROFILE_CODE_TAKEN');
      const bad = await author.post(
        '/api/risk/profiles',
        profileBody('RP-BAD', {
          op: 'all',
          of: [
            { op: 'in', field: 'item.originCountry', values: ['china'] },
            { op: 'compare', field: 'nowhere', cmp: 'lt', value: 1 },
          ],
        }),
      );
      refused(bad, 422, 'RISK_INDICATOR_INVALID');
      assert.deepEqual(
        bad.body.details.problems.map((p: { code: string; field: string }) => [p.code, p.field]),
        [
          ['RISK_INDICATOR_VALUE_INVALID', 'indicator.of[0].values[0]'],
          ['RISK_INDICATOR_FIELD_UNKNOWN', 'indicator.of[1].field'],
        ],
      );
      refused(
        await author.post('/api/risk/profiles', profileBody('RP-PERIOD', phonesOn('x'), { validFrom: '2026-05-01', validTo: '2026-04-30' })),
        422,
        'RISK_VALIDITY_INVALID',
      );
      for (const other of [officer, declarant]) {
        assert.equal((await other.get('/api/risk/profiles')).status, 403);
        assert.equal((await other.post('/api/risk/profiles', profileBody('RP-X', phonesOn('x')))).status, 403);
      }
    });

    test('CUS-RMS-21, art.429(2) p.2: a profile is activated only within its validity period and is not applied outside it (the engine changes with the day)', async () => {
      const later = await author.post('/api/risk/profiles', profileBody('RP-APRIL', phonesOn('02 VAL 0001'), { validFrom: '2026-04-01' }));
      assert.equal((await reviewer.post(`/api/risk/profiles/${later.body.id}/versions/1/approve`)).status, 200);
      refused(await author.post(`/api/risk/profiles/${later.body.id}/versions/1/activate`), 409, 'RISK_PROFILE_OUTSIDE_VALIDITY');

      await activeProfile(author, reviewer, profileBody('RP-TWO-DAYS', phonesOn('02 VAL 0002'), { validFrom: '2026-03-01', validTo: '2026-03-03' }));
      const inForce = await register(filer, '02 VAL 0002');
      assert.equal((await decisionOf(t, officer, inForce.id)).lane, 'red');
      t.clock.set('2026-03-04T05:00:00Z'); // Wednesday: the validity period ended on Tuesday
      try {
        const lateFiler = { ...filer, client: await t.as('declarant', { tin: TRADER, login: 'declarant-4-march' }) };
        const lateOfficer = await t.as('customs_officer', { login: 'officer-4-march' });
        const expired = await register(lateFiler, '02 VAL 0002');
        const decision = await decisionOf(t, lateOfficer, expired.id);
        assert.deepEqual([decision.lane, decision.profileCodes], ['green', []]);
        const view = await (await t.as('risk_analyst', { login: 'analyst-4-march' })).get('/api/risk/profiles');
        const applied = view.body.find((p: { code: string }) => p.code === 'RP-TWO-DAYS');
        assert.deepEqual([applied.activeVersion, applied.isApplied], [1, false]);
      } finally {
        t.clock.set('2026-03-02T05:00:00Z');
      }
    });

    test('CUS-RMS-20 step 5, CUS-RMS-14: a draft is simulated on stored declarations before approval; reference prices imported from CSV drive a below-reference indicator, which must name an imported table; RISK_PRICE_IMPORT_INVALID, RISK_PERIOD_INVALID, RISK_INDICATOR_TABLE_UNKNOWN', async () => {
      const d = await register(filer, '02 SIM 0001');
      await decisionOf(t, officer, d.id);
      // Phones: about 116,800 somoni for 500 pieces, some 234 somoni a piece.
      const badCsv = await author.post('/api/risk/price-references', {
        table: 'phones',
        csv: 'commodity_code,price,unit,valid_from,valid_to\n85171300,abc,pce,2026-03-01,\n',
      });
      refused(badCsv, 422, 'RISK_PRICE_IMPORT_INVALID');
      assert.ok(badCsv.body.details.problems.length >= 2);
      const prices = await author.post('/api/risk/price-references', {
        table: 'phones',
        csv: 'commodity_code,price,unit,valid_from,valid_to\n8517130000,1000,pce,2026-03-01,\n',
      });
      assert.equal(prices.status, 200, prices.text);
      assert.equal(prices.body.imported, 1);
      const indicator = {
        op: 'all',
        of: [
          { op: 'in', field: 'vehicle', values: ['02 SIM 0001'] },
          { op: 'below_reference', table: 'phones', ratio: 0.5 },
        ],
      };
      // A table no price was imported into would never match: the profile naming it is refused.
      const unknownTable = await author.post(
        '/api/risk/profiles',
        profileBody('RP-CHEAP-TYPO', { op: 'below_reference', table: 'phonez', ratio: 0.5 }, { lane: 'yellow', measures: ['documentary_check'] }),
      );
      refused(unknownTable, 422, 'RISK_INDICATOR_INVALID');
      assert.deepEqual(
        unknownTable.body.details.problems.map((p: { code: string }) => p.code),
        ['RISK_INDICATOR_TABLE_UNKNOWN'],
      );
      assert.deepEqual((await author.get('/api/risk/price-tables')).body, [{ name: 'phones', prices: 1 }]);
      assert.equal((await officer.get('/api/risk/price-tables')).status, 403);
      const draft = await author.post('/api/risk/profiles', profileBody('RP-CHEAP-PHONES', indicator, { lane: 'yellow', measures: ['documentary_check'] }));
      assert.equal(draft.status, 201, draft.text);
      const simulated = await author.post(`/api/risk/profiles/${draft.body.id}/versions/1/simulate`, { from: '2026-03-02', to: '2026-03-02', sampleSize: 5 });
      assert.equal(simulated.status, 200, simulated.text);
      assert.deepEqual([simulated.body.matched, simulated.body.byLane.green, simulated.body.sample[0].id, simulated.body.sample[0].items], [1, 1, d.id, [1]]);
      refused(
        await author.post(`/api/risk/profiles/${draft.body.id}/versions/1/simulate`, { from: '2026-03-03', to: '2026-03-02' }),
        422,
        'RISK_PERIOD_INVALID',
      );
      assert.equal((await officer.post(`/api/risk/profiles/${draft.body.id}/versions/1/simulate`, {})).status, 403);

      // Approved and activated, it selects the next such declaration at once: the import changed the engine's inputs.
      assert.equal((await reviewer.post(`/api/risk/profiles/${draft.body.id}/versions/1/approve`)).status, 200);
      assert.equal((await author.post(`/api/risk/profiles/${draft.body.id}/versions/1/activate`)).status, 200);
      const next = await register(filer, '02 SIM 0001');
      const decision = await decisionOf(t, officer, next.id);
      assert.deepEqual([decision.lane, decision.profileCodes], ['yellow', ['RP-CHEAP-PHONES']]);
      refused(await author.get('/api/risk/reports/lanes?from=2026-03-05&to=2026-03-01'), 422, 'RISK_PERIOD_INVALID');
    });

    test('CUS-RMS-22, CUS-RMS-08, art.429 i.9: trader facts recorded or imported by a risk analyst; the trader sees its own liability facts and arrears; RISK_FACT_INVALID; the arrears feed the trader.debt indicator', async () => {
      refused(
        await author.post('/api/risk/trader-facts', {
          traderCode: TRADER,
          kind: 'arrears',
          description: 'VAT arrears',
          reference: 'TC-1',
          decidedOn: '2026-02-01',
        }),
        422,
        'RISK_FACT_INVALID',
      );
      const arrears = await author.post('/api/risk/trader-facts', {
        traderCode: TRADER,
        kind: 'arrears',
        description: 'Қарзи андози арзиши иловашуда',
        reference: 'TC-2026/17',
        amountDirams: '1500000',
        decidedOn: '2026-02-01',
      });
      assert.equal(arrears.status, 201, arrears.text);
      const csv = [
        'trader_code,kind,description,reference,amount_dirams,decided_on,settled_on',
        `${TRADER},liability,"Protocol on an administrative violation, art.556",AP-55,,2025-11-20,`,
        '020000202,arrears,Customs fine,F-9,50000,2026-01-10,2026-01-20',
      ].join('\n');
      const imported = await author.post('/api/risk/trader-facts/import', { csv });
      assert.deepEqual([imported.status, imported.body.imported], [200, 2]);
      const broken = await author.post('/api/risk/trader-facts/import', { csv: `${csv}\n${TRADER},arrears,no amount,X-1,,2026-01-01,` });
      refused(broken, 422, 'RISK_FACT_INVALID');
      assert.deepEqual(broken.body.details.problems, [{ line: 4, field: 'amountDirams' }]);

      const mine = await declarant.get('/api/risk/my-facts');
      assert.equal(mine.status, 200, mine.text);
      assert.deepEqual(mine.body.map((f: { kind: string; reference: string }) => [f.kind, f.reference]).sort(), [
        ['arrears', 'TC-2026/17'],
        ['liability', 'AP-55'],
      ]);
      assert.equal((await officer.get('/api/risk/my-facts')).status, 403);
      assert.equal((await declarant.get(`/api/risk/trader-facts?traderCode=${TRADER}`)).status, 403);

      await activeProfile(
        author,
        reviewer,
        profileBody(
          'RP-DEBTORS',
          {
            op: 'all',
            of: [
              { op: 'in', field: 'vehicle', values: ['02 DEBT 001'] },
              { op: 'compare', field: 'trader.debt', cmp: 'ge', value: 10000 },
            ],
          },
          { lane: 'yellow', measures: ['documentary_check'] },
        ),
      );
      const d = await register(filer, '02 DEBT 001');
      assert.equal((await decisionOf(t, officer, d.id)).lane, 'yellow', 'arrears of 15,000 somoni meet trader.debt ≥ 10,000');
    });
  });
}
