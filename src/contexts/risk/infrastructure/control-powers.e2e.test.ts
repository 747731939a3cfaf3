import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Client, startTestApp, type TestApp } from '../../../../test/app.ts';
import { testAuthority, upload } from '../../../../test/customs-fixtures.ts';
import { testTargets } from '../../../../test/db.ts';
import { activeProfile, decisionOf, type Filer, phonesOn, profileBody, register, TRADER } from './risk-fixtures.ts';

for (const target of testTargets()) {
  describe(`customs control within each officer's powers [${target}]`, () => {
    let t: TestApp;
    let head: Client;
    let inspector: Client;
    let other: Client;
    let declarant: Client;
    let filer: Filer;
    let inspectorId: string;

    before(async () => {
      t = await startTestApp(target, '2026-03-02T05:00:00Z');
      head = await t.as('customs_head');
      inspector = await t.as('customs_officer', { login: 'inspector-docs' });
      other = await t.as('customs_officer', { login: 'inspector-all' });
      declarant = await t.as('declarant', { tin: TRADER });
      const analyst = await t.as('risk_analyst');
      const reviewer = await t.as('risk_analyst');
      const ca = await testAuthority();
      assert.equal((await other.post('/api/customs/trusted-issuers', { name: 'Test CA', certificatePem: ca.certificatePem })).status, 201);
      const docs = { invoice: await upload(declarant, 'invoice'), contract: await upload(declarant, 'contract'), cmr: await upload(declarant, 'cmr') };
      filer = { client: declarant, signer: await ca.signer(TRADER), docs };
      inspectorId = (await inspector.get('/api/auth/me')).body.accountId;
      await activeProfile(analyst, reviewer, profileBody('RP-PWR-RED', phonesOn('01 PWR 0001')));
    });
    after(() => t.close());

    const control = (as: Client, id: string, body: Record<string, unknown>) => as.post(`/api/customs/declarations/${id}/control-events`, body);

    test('CUS-CTL-04: the head sets the forms of control each officer may apply; an act outside them is refused with CONTROL_POWER_MISSING and nothing is recorded', async () => {
      // Until the head sets them, an officer holds every form the role gives.
      const list = (await head.get('/api/customs/control-powers')).body as { login: string; forms: string[]; isRoleDefault: boolean }[];
      const before = list.find((o) => o.login === 'inspector-docs');
      assert.deepEqual(
        [before?.isRoleDefault, before?.forms],
        [true, ['documentary_check', 'physical_examination', 'expert_examination', 'release_suspension']],
      );

      const set = await head.put(`/api/customs/control-powers/${inspectorId}`, { forms: ['documentary_check'], basis: 'Фармони № 12 аз 01.03.2026' });
      assert.equal(set.status, 200, set.text);
      assert.deepEqual([set.body.forms, set.body.isRoleDefault, set.body.basis], [['documentary_check'], false, 'Фармони № 12 аз 01.03.2026']);
      assert.match(set.body.setBy, /^customs_head:/);

      const d = await register(filer, '01 PWR 0001');
      assert.equal((await decisionOf(t, other, d.id)).lane, 'red');
      const docs = await control(inspector, d.id, { kind: 'documents_requested', note: 'art.404' });
      assert.equal(docs.status, 200, docs.text);
      const inspection = await control(inspector, d.id, { kind: 'inspection_decided', note: '' });
      assert.deepEqual(
        [inspection.status, inspection.body.code, inspection.body.field, inspection.body.details.required],
        [403, 'CONTROL_POWER_MISSING', 'body.kind', ['physical_examination']],
      );
      // The officer holding the role's powers may; the refused act left no trace.
      assert.equal((await control(other, d.id, { kind: 'inspection_decided', note: '' })).status, 200);
      const events = (await other.get(`/api/customs/declarations/${d.id}`)).body.controlEvents as { kind: string }[];
      assert.deepEqual(
        events.map((e) => e.kind),
        ['documents_requested', 'inspection_decided'],
      );
      // A result of control needs some inspecting form: the documentary check is one.
      assert.equal((await control(inspector, d.id, { kind: 'no_violation_found', note: 'documents in order' })).status, 200);

      // Withdrawn altogether: no act at all, not even a result.
      assert.equal((await head.put(`/api/customs/control-powers/${inspectorId}`, { forms: [], basis: 'Фармони № 15' })).status, 200);
      const none = await control(inspector, d.id, { kind: 'control_completed', note: '' });
      assert.deepEqual(
        [none.status, none.body.code, none.body.details.required],
        [403, 'CONTROL_POWER_MISSING', ['documentary_check', 'physical_examination', 'expert_examination']],
      );
      const suspend = await control(inspector, d.id, { kind: 'release_suspended', note: 'art.441' });
      assert.deepEqual([suspend.status, suspend.body.details.required], [403, ['release_suspension']]);

      // Each change is in the audit log with the forms before and after.
      const audit = await t.db.query<{ before: { forms: string[] }; after: { forms: string[] } }>(
        `SELECT before, after FROM platform.audit_log WHERE action = 'customs.control_powers_set' AND entity_id = $1 ORDER BY seq`,
        [inspectorId],
      );
      assert.deepEqual(
        audit.map((a) => [a.before.forms, a.after.forms]),
        [
          [['documentary_check', 'physical_examination', 'expert_examination', 'release_suspension'], ['documentary_check']],
          [['documentary_check'], []],
        ],
      );
    });

    test('CUS-CTL-04: only the head sets powers; an officer reads only their own; CONTROL_OFFICER_NOT_FOUND, VALIDATION_FAILED', async () => {
      const own = await inspector.get(`/api/customs/control-powers/${inspectorId}`);
      assert.equal(own.status, 200, own.text);
      const otherId = (await other.get('/api/auth/me')).body.accountId;
      assert.deepEqual([(await inspector.get(`/api/customs/control-powers/${otherId}`)).body.code], ['CONTROL_OFFICER_NOT_FOUND']);
      const self = await inspector.put(`/api/customs/control-powers/${inspectorId}`, { forms: ['physical_examination'], basis: 'self' });
      assert.deepEqual([self.status, self.body.code], [403, 'FORBIDDEN']);
      const declarantId = (await declarant.get('/api/auth/me')).body.accountId;
      const notOfficer = await head.put(`/api/customs/control-powers/${declarantId}`, { forms: ['documentary_check'], basis: 'Фармони № 16' });
      assert.deepEqual([notOfficer.status, notOfficer.body.code], [404, 'CONTROL_OFFICER_NOT_FOUND']);
      const unknownForm = await head.put(`/api/customs/control-powers/${otherId}`, { forms: ['x-ray'], basis: 'Фармони № 17' });
      assert.deepEqual([unknownForm.status, unknownForm.body.code], [400, 'VALIDATION_FAILED']);
      const blank = await head.put(`/api/customs/control-powers/${otherId}`, { forms: ['documentary_check'], basis: '   ' });
      assert.deepEqual([blank.status, blank.body.code], [400, 'VALIDATION_FAILED']);
      assert.equal((await head.get(`/api/customs/control-powers/${otherId}`)).body.isRoleDefault, true, 'refused changes wrote nothing');
    });
  });
}
