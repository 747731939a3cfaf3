import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Client, startTestApp, type TestApp } from '../../../../test/app.ts';
import { importDeclaration, type Signer } from '../../../../test/customs-fixtures.ts';
import { testTargets } from '../../../../test/db.ts';
import type { DeclarationData } from '../domain/declaration.ts';
import { type Harness, harness } from './filing.fixtures.ts';

const BROKER = '010000101';

for (const target of testTargets()) {
  describe(`changes after release [${target}]`, () => {
    let t: TestApp;
    let declarant: Client;
    let officer: Client;
    let signer: Signer;
    let docs: Harness['docs'];
    let h: Harness;

    // Monday 2 March 2026, 10:00 in Dushanbe.
    before(async () => {
      t = await startTestApp(target, '2026-03-02T05:00:00Z');
      h = await harness(t, 'after-release');
      ({ declarant, officer, signer, docs } = h);
    });
    after(() => t.close());

    const exportData = (): DeclarationData =>
      importDeclaration(docs, {
        direction: 'export',
        regime: 'export',
        consignor: { name: 'ҶДММ «Брокери намунавӣ»', country: 'TJ', address: 'Душанбе', tin: BROKER },
        consignee: { name: 'Almaty Foods', country: 'KZ', address: 'Almaty' },
        countryOfDispatch: 'TJ',
        countryOfDestination: 'KZ',
        preliminaryExemption: undefined,
      });
    /** An export: nothing to pay, no control, released once risk management has decided (CUS-REL-06). */
    const released = async () => {
      const id = await h.draft(exportData());
      const filed = await h.file(id);
      assert.equal(filed.status, 200, filed.text);
      await t.c.worker.runOnce();
      assert.equal((await officer.get(`/api/customs/declarations/${id}`)).body.state, 'RELEASED');
      return id;
    };
    /** The declarant's signed request under a case; `signedCase` lets a test sign one case and send another. */
    const ask = async (id: string, caseCode: string, data: DeclarationData, signedCase = caseCode) => {
      const payload = await declarant.post(`/api/customs/declarations/${id}/after-release-changes/payload`, {
        caseCode: signedCase,
        reason: 'Хатои чопӣ',
        data,
      });
      assert.equal(payload.status, 200, payload.text);
      return declarant.post(`/api/customs/declarations/${id}/after-release-changes`, {
        signature: await signer.sign(payload.body.payload),
        certificatePem: signer.certificatePem,
        caseCode,
        reason: 'Хатои чопӣ',
        data,
      });
    };

    test('CUS-DEC-50: the authorised body’s list of cases is data: names in three languages, the fields each opens, by decision and/or permission, with history', async () => {
      const list = await declarant.get('/api/customs/after-release-cases');
      assert.equal(list.status, 200, list.text);
      const typo = list.body.find((c: { code: string }) => c.code === 'TYPOGRAPHICAL');
      assert.deepEqual(
        [typo.nameTg, typo.nameRu, typo.nameEn],
        ['Ислоҳи хатоҳои чопӣ ва грамматикӣ', 'Исправление опечаток и грамматических ошибок', 'Correction of typing and grammatical errors'],
      );
      assert.ok(typo.allowedFields.includes('consignee.address'));
      assert.deepEqual(typo.modes, ['decision', 'permission']);

      const bankCase = {
        code: 'BANK_DETAILS',
        validFrom: '2026-03-02',
        nameTg: 'Маълумоти бонк',
        nameRu: 'Банковские реквизиты',
        nameEn: 'Bank details',
        allowedFields: ['consignee.name', 'consignee.address'],
        modes: ['permission'],
        legalBasis: 'Order of the authorised body (test)',
      };
      assert.equal((await declarant.post('/api/customs/after-release-cases', bankCase)).status, 403);
      const badField = await officer.post('/api/customs/after-release-cases', { ...bankCase, allowedFields: ['declarantCode'] });
      assert.deepEqual([badField.status, badField.body.code], [422, 'AFTER_RELEASE_CASE_INVALID'], 'who declares never changes');
      const made = await officer.post('/api/customs/after-release-cases', bankCase);
      assert.equal(made.status, 201, made.text);
      const next = await officer.post('/api/customs/after-release-cases', { ...bankCase, validFrom: '2026-04-01', modes: ['decision', 'permission'] });
      assert.deepEqual(
        next.body.map((v: { validFrom: string; validTo: string | null; modes: string[] }) => [v.validFrom, v.validTo, v.modes]),
        [
          ['2026-03-02', '2026-03-31', ['permission']],
          ['2026-04-01', null, ['decision', 'permission']],
        ],
      );
      const past = await officer.post('/api/customs/after-release-cases', { ...bankCase, validFrom: '2026-03-01' });
      assert.deepEqual([past.status, past.body.code], [422, 'AFTER_RELEASE_CASE_PAST_DATED']);
    });

    test('CUS-DEC-50: after release the declarant’s request names a case and changes only the fields it opens; customs permits it as the next version', async () => {
      const id = await released();
      const data = exportData();
      const moved = { ...data, consignee: { ...data.consignee, address: 'Almaty, Abay 10' } };

      // The general request of art.133 p.1 no longer serves after release: no case is named.
      const payload = await declarant.post(`/api/customs/declarations/${id}/request-payload`, { kind: 'amendment:data', reason: 'x', data: moved });
      const plain = await declarant.post(`/api/customs/declarations/${id}/amendments`, {
        signature: await signer.sign(payload.body.payload),
        certificatePem: signer.certificatePem,
        kind: 'data',
        reason: 'x',
        data: moved,
      });
      assert.deepEqual([plain.status, plain.body.code, plain.body.details.reasons], [409, 'DECLARATION_AMENDMENT_NOT_ALLOWED', ['after_release_case_missing']]);

      const unknown = await ask(id, 'NO_SUCH_CASE', moved);
      assert.deepEqual(unknown.body.details.reasons, ['after_release_case_unknown']);
      const decisionOnly = await ask(id, 'CONTROL_FINDINGS', { ...data, items: data.items.map((i) => ({ ...i, description: `${i.description}.` })) });
      assert.deepEqual(decisionOnly.body.details.reasons, ['after_release_case_by_decision_only']);
      const vehicles = { ...moved, transport: { ...moved.transport, vehicles: ['01 TJ 9999 BB'] } };
      const outside = await ask(id, 'TYPOGRAPHICAL', vehicles);
      assert.deepEqual(
        [outside.status, outside.body.details.reasons, outside.body.details.fields],
        [409, ['after_release_field_not_allowed'], ['transport.vehicles']],
      );
      const unchanged = await ask(id, 'TYPOGRAPHICAL', data);
      assert.deepEqual(unchanged.body.details.reasons, ['after_release_nothing_changed']);
      const otherCase = await ask(id, 'TRANSPORT_DETAILS', moved, 'TYPOGRAPHICAL');
      assert.deepEqual([otherCase.status, otherCase.body.code], [422, 'DECLARATION_SIGNATURE_INVALID'], 'the case is part of what is signed');

      const request = await ask(id, 'TYPOGRAPHICAL', moved);
      assert.equal(request.status, 201, request.text);
      assert.equal((await officer.get(`/api/customs/declarations/${id}`)).body.state, 'RELEASED', 'the goods stay released while customs decides');
      const permitted = await officer.post(`/api/customs/declarations/${id}/requests/${request.body.id}/decision`, { permit: true, reasons: [] });
      assert.equal(permitted.status, 200, permitted.text);
      assert.deepEqual([permitted.body.state, permitted.body.version, permitted.body.data.consignee.address], ['RELEASED', 2, 'Almaty, Abay 10']);
      assert.deepEqual(
        permitted.body.versions.map((v: { version: number; reason: string; signerTin: string | null }) => [v.version, v.reason, v.signerTin]),
        [
          [1, 'registration', BROKER],
          [2, 'amendment:data:TYPOGRAPHICAL', BROKER],
        ],
      );
    });

    test('CUS-DEC-50: customs changes released data by its decision only in a case that allows it, in the fields the case opens', async () => {
      const id = await released();
      const data = exportData();
      const corrected = {
        ...data,
        items: data.items.map((i, n) => (n === 1 ? { ...i, netMassKg: '9950.000', description: 'Шакари лаблабу / сахар свекловичный' } : i)),
      };
      const url = `/api/customs/declarations/${id}/after-release-decisions`;
      assert.equal((await declarant.post(url, { caseCode: 'CONTROL_FINDINGS', reason: 'x', data: corrected })).status, 403);
      const byPermission = await officer.post(url, { caseCode: 'DOCUMENT_DETAILS', reason: 'x', data: corrected });
      assert.deepEqual([byPermission.status, byPermission.body.code], [422, 'AFTER_RELEASE_CHANGE_NOT_ALLOWED']);
      assert.deepEqual(byPermission.body.details.reasons, ['after_release_case_by_permission_only', 'after_release_field_not_allowed']);
      const code = { ...data, items: data.items.map((i, n) => (n === 1 ? { ...i, commodityCode: '1101000000' } : i)) };
      const recoded = await officer.post(url, { caseCode: 'CONTROL_FINDINGS', reason: 'x', data: code });
      assert.deepEqual(recoded.body.details.fields, ['items[].commodityCode']);
      assert.ok(recoded.body.details.reasons.includes('restrictions_affected'));

      const decided = await officer.post(url, { caseCode: 'CONTROL_FINDINGS', reason: 'Акти экспертиза № 7', data: corrected });
      assert.equal(decided.status, 200, decided.text);
      assert.deepEqual([decided.body.state, decided.body.version, decided.body.data.items[1].netMassKg], ['RELEASED', 2, '9950.000']);
      const last = decided.body.versions.at(-1);
      assert.deepEqual([last.reason, last.signerTin], ['after_release_decision:CONTROL_FINDINGS', null]);
      const inbox = await declarant.get('/api/notifications');
      assert.ok(
        (inbox.body.items as { kind: string }[]).some((n) => n.kind === 'customs_after_release_change_decided'),
        'the declarant is told',
      );

      // Before release this path is closed: changes go through art.133 p.1-2.
      const made = await declarant.post('/api/customs/declarations', { form: 'standard', data: exportData() });
      const early = await officer.post(`/api/customs/declarations/${made.body.id}/after-release-decisions`, {
        caseCode: 'CONTROL_FINDINGS',
        reason: 'x',
        data: corrected,
      });
      assert.deepEqual([early.status, early.body.code], [409, 'DECLARATION_STATE_INVALID']);
    });
  });
}
