import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { type Client, startTestApp, type TestApp } from '../../../../test/app.ts';
import { testAuthority, upload } from '../../../../test/customs-fixtures.ts';
import { testTargets } from '../../../../test/db.ts';
import { rows } from '../../../platform/db.ts';
import { piBody } from '../../customs/infrastructure/preliminary.fixtures.ts';
import { decideLane } from '../domain/lanes.ts';
import { activeProfile, decisionOf, exportOver, type Filer, phonesOn, profileBody, register, TRADER } from './risk-fixtures.ts';

for (const target of testTargets()) {
  describe(`risk management: selectivity, control, feedback [${target}]`, () => {
    let t: TestApp;
    let declarant: Client;
    let officer: Client;
    let analyst: Client;
    let reviewer: Client;
    let filer: Filer;

    before(async () => {
      t = await startTestApp(target, '2026-03-02T05:00:00Z');
      declarant = await t.as('declarant', { tin: TRADER });
      officer = await t.as('customs_officer');
      analyst = await t.as('risk_analyst');
      reviewer = await t.as('risk_analyst');
      const ca = await testAuthority();
      assert.equal((await officer.post('/api/customs/trusted-issuers', { name: 'Test CA', certificatePem: ca.certificatePem })).status, 201);
      const docs = { invoice: await upload(declarant, 'invoice'), contract: await upload(declarant, 'contract'), cmr: await upload(declarant, 'cmr') };
      filer = { client: declarant, signer: await ca.signer(TRADER), docs };
    });
    after(() => t.close());

    const declaration = async (id: string, as = officer) => (await as.get(`/api/customs/declarations/${id}`)).body;
    const control = (id: string, body: Record<string, unknown>) => officer.post(`/api/customs/declarations/${id}/control-events`, body);

    test('issue #6, CUS-RMS-20, CUS-CTL-02, CUS-CTL-03, CUS-INF-04, CUS-RMS-07, CUS-RMS-11, CUS-RMS-16: a profile sends a declaration to red; the examination finds a violation; the profile’s statistics, the lane report and the trader’s history change', async () => {
      const profile = await activeProfile(analyst, reviewer, profileBody('RP-PHONES-RED', phonesOn('01 RED 0001')));
      const d = await register(filer, '01 RED 0001');
      const decision = await decisionOf(t, officer, d.id);
      assert.deepEqual(
        [decision.lane, decision.basis, decision.profileCodes, decision.measures],
        ['red', 'profile', ['RP-PHONES-RED'], ['physical_examination']],
      );
      assert.equal(decision.hits, undefined, 'CUS-RMS-22: the officer sees the profile code, not the hits or the indicator');
      const red = await declaration(d.id);
      assert.deepEqual([red.state, red.riskLane, red.riskMeasures], ['UNDER_CONTROL', 'red', ['physical_examination']]);
      // The officers' queue per lane: the red queue holds it, with its lane; the green one does not.
      const redQueue = (await officer.get('/api/customs/declarations?lane=red')).body as { id: string; riskLane: string }[];
      assert.equal(redQueue.find((r) => r.id === d.id)?.riskLane, 'red');
      assert.ok(redQueue.every((r) => r.riskLane === 'red'));
      assert.equal(
        (await officer.get('/api/customs/declarations?lane=green')).body.find((r: { id: string }) => r.id === d.id),
        undefined,
      );

      const before = await analyst.get(`/api/risk/reports/profiles?from=2026-03-02&to=2026-03-02`);
      const mine = (r: typeof before) => r.body.find((x: { code: string }) => x.code === 'RP-PHONES-RED');
      assert.deepEqual(
        [mine(before).matches, mine(before).selections, mine(before).controlled, mine(before).hits, mine(before).hitRate, mine(before).hasNeverHit],
        [1, 1, 0, 0, null, true],
      );

      const notice = await control(d.id, { kind: 'examination_notified', note: '', place: 'СВХ Душанбе', scheduledAt: '2026-03-03T04:00:00Z' });
      assert.equal(notice.status, 200, notice.text);
      assert.equal((await control(d.id, { kind: 'inspection_decided', note: '' })).status, 200);
      const found = await control(d.id, {
        kind: 'violation_found',
        note: 'Нархи смартфонҳо паст нишон дода шудааст',
        carriesLiability: true,
        additionalDirams: '2500000',
      });
      assert.equal(found.status, 200, found.text);
      // CUS-CTL-03: every control act records the decision as its legal basis.
      const bases = await rows<{ risk_decision_id: string }>(
        t.db.db,
        sql`SELECT risk_decision_id::text FROM customs.control_events WHERE declaration_id = ${d.id}`,
      );
      assert.deepEqual(
        bases.map((b) => b.risk_decision_id),
        [decision.id, decision.id, decision.id],
      );
      await t.c.worker.runOnce();

      const after = await analyst.get(`/api/risk/reports/profiles?from=2026-03-02&to=2026-03-02`);
      assert.deepEqual(
        [mine(after).controlled, mine(after).hits, mine(after).hitRate, mine(after).revenueDirams, mine(after).hasNeverHit, mine(after).versionId],
        [1, 1, 1, '2500000', false, profile.versionId],
      );
      const neverHit = await analyst.get('/api/risk/reports/profiles?neverHit=true');
      assert.ok(!neverHit.body.some((x: { code: string }) => x.code === 'RP-PHONES-RED'), 'a profile that hit is not in the never-hit list');
      const lanes = await analyst.get('/api/risk/reports/lanes?from=2026-03-02&to=2026-03-02');
      const redLane = lanes.body.find((l: { lane: string }) => l.lane === 'red');
      assert.ok(redLane.decisions >= 1 && redLane.found >= 1 && redLane.byProfile >= 1, JSON.stringify(redLane));
      const detail = await analyst.get(`/api/risk/decisions/${decision.id}`);
      assert.deepEqual(
        detail.body.controlResults.map((r: { isViolationFound: boolean; additionalDirams: string }) => [r.isViolationFound, r.additionalDirams]),
        [[true, '2500000']],
      );
      assert.deepEqual(detail.body.hits[0].items, [1], 'the phones, item 1, met the indicator');

      // Step 1 again: the violation joins the trader's history, which the next declaration is assessed with.
      const facts = await analyst.get(`/api/risk/trader-facts?traderCode=${TRADER}`);
      assert.ok(facts.body.some((f: { kind: string; reference: string }) => f.kind === 'violation' && f.reference === d.id));
      const next = await register(filer, '01 RED 0002');
      const nextDecision = await decisionOf(t, officer, next.id);
      const seen = await analyst.get(`/api/risk/decisions/${nextDecision.id}`);
      assert.ok(seen.body.subject.trader.violations >= 1, JSON.stringify(seen.body.subject.trader));
      assert.ok(seen.body.subject.trader.declarationsBefore >= 1);
    });

    test('CUS-CTL-05, CUS-RMS-18, CUS-CTL-01, CUS-CTL-02: a declaration no profile selects is green and released by the system at once, with no officer', async () => {
      const d = await register(filer, '01 GRN 0001', exportOver());
      assert.equal(d.state, 'REGISTERED');
      const decision = await decisionOf(t, officer, d.id);
      assert.deepEqual([decision.lane, decision.basis, decision.measures, decision.profileCodes], ['green', 'none', [], []]);
      const released = await declaration(d.id, declarant);
      assert.deepEqual([released.state, released.riskLane], ['RELEASED', 'green']);
      const trail = await rows<{ actor: string; action: string }>(
        t.db.db,
        sql`SELECT actor, action FROM platform.audit_pending WHERE entity_id = ${d.id} UNION ALL SELECT actor, action FROM platform.audit_log WHERE entity_id = ${d.id}`,
      );
      const release = trail.find((e) => e.action === 'customs.declaration_released');
      assert.equal(release?.actor, 'system', 'released by the system, not an officer');
    });

    test('CUS-CTL-03, CUS-CTL-02: the declaration’s detail names the risk decision that chose its lane (null before it), kept on re-routing and cited by each control act', async () => {
      const d = await register(filer, '01 TRC 0001');
      const waiting = await declaration(d.id);
      assert.deepEqual([waiting.riskLane, waiting.riskDecisionId], [null, null], 'no decision yet');
      const decision = await decisionOf(t, officer, d.id);
      const decided = await declaration(d.id);
      assert.deepEqual([decided.riskLane, decided.riskDecisionId], [decision.lane, decision.id], 'the hand-off carries the decision id with the lane');
      // From the declaration to the decision: the analyst reads the very decision the detail names.
      const traced = await analyst.get(`/api/risk/decisions/${decided.riskDecisionId}`);
      assert.deepEqual([traced.status, traced.body.subjectId, traced.body.lane], [200, d.id, decision.lane], traced.text);
      const up = await officer.post(`/api/risk/decisions/${decision.id}/reroute`, { lane: 'yellow' });
      assert.equal(up.status, 200, up.text);
      const rerouted = await declaration(d.id);
      assert.deepEqual([rerouted.state, rerouted.riskLane, rerouted.riskDecisionId], ['UNDER_CONTROL', 'yellow', decision.id]);
      assert.equal((await control(d.id, { kind: 'documents_requested', note: 'art.404' })).status, 200);
      const bases = await rows<{ risk_decision_id: string }>(
        t.db.db,
        sql`SELECT risk_decision_id::text FROM customs.control_events WHERE declaration_id = ${d.id}`,
      );
      assert.deepEqual(
        bases.map((b) => b.risk_decision_id),
        [rerouted.riskDecisionId],
        'the control act cites the decision the detail shows',
      );
      assert.equal((await declaration(d.id, declarant)).riskDecisionId, decision.id, 'the declarant sees which decision, never why');
    });

    test('CUS-CTL-03, AMB-11: before release no control act without the risk decision, nor a form it did not choose', async () => {
      const d = await register(filer, '01 CTL 0001');
      const early = await control(d.id, { kind: 'documents_requested', note: 'art.404' });
      assert.deepEqual([early.status, early.body.code, early.body.details.reason], [409, 'DECLARATION_STATE_INVALID', 'no_risk_basis']);
      await decisionOf(t, officer, d.id);
      const green = await control(d.id, { kind: 'documents_requested', note: 'art.404' });
      assert.deepEqual([green.status, green.body.details.reason], [409, 'form_not_selected']);
      // A blue-lane profile asking for a documentary check allows exactly that form.
      await activeProfile(analyst, reviewer, profileBody('RP-BLUE-DOCS', phonesOn('01 CTL 0002'), { lane: 'blue', measures: ['documentary_check'] }));
      const blue = await register(filer, '01 CTL 0002');
      assert.equal((await decisionOf(t, officer, blue.id)).lane, 'blue');
      assert.equal((await control(blue.id, { kind: 'documents_requested', note: 'art.404' })).status, 200);
      const exam = await control(blue.id, { kind: 'inspection_decided', note: '' });
      assert.deepEqual([exam.status, exam.body.details.reason], [409, 'form_not_selected']);
    });

    test('issue #6 re-routing: upward at will, downward only with a reason; the lane goes to customs; refusals RISK_REROUTE_SAME_LANE, RISK_REROUTE_REASON_REQUIRED, RISK_REROUTE_TOO_LATE, RISK_DECISION_NOT_FOUND', async () => {
      const d = await register(filer, '01 RRT 0001');
      const decision = await decisionOf(t, officer, d.id);
      assert.equal(decision.lane, 'green');
      const reroute = (body: Record<string, unknown>, as = officer, id = decision.id) => as.post(`/api/risk/decisions/${id}/reroute`, body);
      const up = await reroute({ lane: 'red' });
      assert.equal(up.status, 200, up.text);
      assert.deepEqual([up.body.lane, up.body.decidedLane, up.body.measures], ['red', 'green', ['documentary_check', 'physical_examination']]);
      assert.equal((await declaration(d.id)).state, 'UNDER_CONTROL');
      const same = await reroute({ lane: 'red' });
      assert.deepEqual([same.status, same.body.code], [409, 'RISK_REROUTE_SAME_LANE']);
      const silent = await reroute({ lane: 'green', reason: '  ' });
      assert.deepEqual([silent.status, silent.body.code], [422, 'RISK_REROUTE_REASON_REQUIRED']);
      const down = await reroute({ lane: 'green', reason: 'Шаҳодатномаи AEO пешниҳод шуд' }, analyst);
      assert.equal(down.status, 200, down.text);
      assert.deepEqual(
        down.body.reroutes.map((r: { fromLane: string; toLane: string; isUpward: boolean; reason: string }) => [r.fromLane, r.toLane, r.isUpward, r.reason]),
        [
          ['green', 'red', true, ''],
          ['red', 'green', false, 'Шаҳодатномаи AEO пешниҳод шуд'],
        ],
      );
      const lowered = await declaration(d.id);
      assert.deepEqual(
        [lowered.state, lowered.riskLane, lowered.riskMeasures],
        ['REGISTERED', 'green', []],
        'lowered before any control act: back to the release check',
      );

      // Lowered after a control act: the control goes on until it is completed.
      assert.equal((await reroute({ lane: 'yellow' })).status, 200);
      assert.equal((await control(d.id, { kind: 'documents_requested', note: 'art.404' })).status, 200);
      assert.equal((await reroute({ lane: 'blue', reason: 'documents in order' })).status, 200);
      assert.equal((await declaration(d.id)).state, 'UNDER_CONTROL');

      const released = await register(filer, '01 RRT 0002', exportOver());
      const late = await reroute({ lane: 'red' }, officer, (await decisionOf(t, officer, released.id)).id);
      assert.deepEqual([late.status, late.body.code], [409, 'RISK_REROUTE_TOO_LATE']);
      const pi = await declarant.post('/api/customs/preliminary-information', piBody());
      assert.equal(pi.status, 201, pi.text);
      const piDecision = await decisionOf(t, officer, pi.body.id);
      const notDeclaration = await reroute({ lane: 'red' }, officer, piDecision.id);
      assert.deepEqual([notDeclaration.status, notDeclaration.body.code], [409, 'RISK_REROUTE_TOO_LATE']);
      const unknown = await reroute({ lane: 'red' }, officer, '0193a6a0-7c1e-7a10-8000-000000000001');
      assert.deepEqual([unknown.status, unknown.body.code], [404, 'RISK_DECISION_NOT_FOUND']);
      assert.equal((await reroute({ lane: 'red' }, declarant)).status, 403);
    });

    test('CUS-PI-02, CUS-RMS-17: registered preliminary information is assessed before the goods arrive; its decision changes nothing in customs', async () => {
      await activeProfile(
        analyst,
        reviewer,
        profileBody(
          'RP-PI-PHONES',
          {
            op: 'all',
            of: [
              { op: 'in', field: 'vehicle', values: ['777PIX02'] },
              { op: 'prefix', field: 'item.commodityCode', values: ['8517'] },
            ],
          },
          { subjects: ['preliminary'], lane: 'yellow', measures: ['documentary_check'] },
        ),
      );
      const pi = await declarant.post(
        '/api/customs/preliminary-information',
        piBody({ vehicles: [{ kind: 'truck', registrationNumber: '777PIX02', country: 'KZ' }] }),
      );
      assert.equal(pi.status, 201, pi.text);
      const decision = await decisionOf(t, officer, pi.body.id);
      assert.deepEqual([decision.subjectKind, decision.lane, decision.profileCodes], ['preliminary', 'yellow', ['RP-PI-PHONES']]);
      assert.equal((await officer.get(`/api/customs/preliminary-information/${pi.body.number}`)).body.status, 'REGISTERED');
    });

    test('issue #6 reproduction: a decision re-runs from its stored subject, profile versions, prices, settings and seed, also after the profile is retired', async () => {
      const profile = await activeProfile(
        analyst,
        reviewer,
        profileBody('RP-REPRO', phonesOn('01 REP 0001'), { lane: 'yellow', measures: ['documentary_check'] }),
      );
      const d = await register(filer, '01 REP 0001');
      const decision = await decisionOf(t, officer, d.id);
      assert.equal(decision.lane, 'yellow');
      assert.equal((await analyst.post(`/api/risk/profiles/${profile.id}/versions/1/retire`)).status, 200);
      const again = await analyst.get(`/api/risk/decisions/${decision.id}/reproduce`);
      assert.equal(again.status, 200, again.text);
      assert.equal(again.body.isEqual, true, JSON.stringify(again.body));
      assert.equal(again.body.reproduced.lane, 'yellow');
      assert.ok(again.body.profilesInSnapshot >= 1);
      assert.equal((await officer.get(`/api/risk/decisions/${decision.id}/reproduce`)).status, 403);
      assert.equal((await analyst.get('/api/risk/decisions/0193a6a0-7c1e-7a10-8000-000000000001/reproduce')).body.code, 'RISK_DECISION_NOT_FOUND');
    });

    test('CUS-CTL-02, CUS-RMS-17: the minimum random rate sends unselected declarations to control lanes, drawn from the seed (deterministic), with basis "random"; zero by default; RISK_SETTINGS_INVALID', async () => {
      await t.c.worker.runOnce();
      const defaults = await analyst.get('/api/risk/settings');
      assert.deepEqual([defaults.body.randomRate, defaults.body.expectedRates], [0, { blue: 0, yellow: 0, red: 0 }]);
      const tooMuch = await analyst.put('/api/risk/settings', { randomRate: 0.1, expectedRates: { blue: 0.5, yellow: 0.4, red: 0.2 }, observedWindow: 100 });
      assert.deepEqual([tooMuch.status, tooMuch.body.code], [422, 'RISK_SETTINGS_INVALID']);
      assert.equal(
        (await officer.put('/api/risk/settings', { randomRate: 1, expectedRates: { blue: 0, yellow: 0, red: 0 }, observedWindow: 100 })).status,
        403,
      );
      const set = await analyst.put('/api/risk/settings', { randomRate: 1, expectedRates: { blue: 0, yellow: 0, red: 0 }, observedWindow: 100 });
      assert.equal(set.status, 200, set.text);
      try {
        for (const vehicle of ['01 RND 0001', '01 RND 0002', '01 RND 0003']) {
          const d = await register(filer, vehicle);
          const decision = await decisionOf(t, officer, d.id);
          const expected = decideLane(
            [],
            { randomRate: 1, expectedRates: { blue: 0, yellow: 0, red: 0 } },
            { blue: 0, yellow: 0, red: 0 },
            `declaration:${d.id}`,
          );
          assert.deepEqual([decision.lane, decision.basis, decision.measures], [expected.lane, 'random', expected.measures]);
          assert.notEqual(decision.lane, 'green');
          assert.equal((await analyst.get(`/api/risk/decisions/${decision.id}/reproduce`)).body.isEqual, true);
        }
      } finally {
        await analyst.put('/api/risk/settings', { randomRate: 0, expectedRates: { blue: 0, yellow: 0, red: 0 }, observedWindow: 1000 });
      }
      const after = await register(filer, '01 RND 0004');
      assert.equal((await decisionOf(t, officer, after.id)).basis, 'none');
    });
  });
}
