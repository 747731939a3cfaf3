import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Client, startTestApp, type TestApp } from '../../../../test/app.ts';
import { importDeclaration, type Signer, type TestAuthority, testAuthority, upload } from '../../../../test/customs-fixtures.ts';
import { testTargets } from '../../../../test/db.ts';
import type { DeclarationData } from '../domain/declaration.ts';

const BROKER = '010000101';

for (const target of testTargets()) {
  describe(`goods declaration [${target}]`, () => {
    let t: TestApp;
    let declarant: Client;
    let officer: Client;
    let ca: TestAuthority;
    let signer: Signer;
    let docs: { invoice: string; contract: string; cmr: string };

    // Monday 2 March 2026, 10:00 in Dushanbe.
    before(async () => {
      t = await startTestApp(target, '2026-03-02T05:00:00Z');
      declarant = await t.as('declarant', { tin: BROKER });
      officer = await t.as('customs_officer');
      ca = await testAuthority();
      assert.equal((await officer.post('/api/customs/trusted-issuers', { name: 'Test CA', certificatePem: ca.certificatePem })).status, 201);
      signer = await ca.signer(BROKER);
      docs = { invoice: await upload(declarant, 'invoice'), contract: await upload(declarant, 'contract'), cmr: await upload(declarant, 'cmr') };
    });
    after(() => t.close());

    const draft = async (data: DeclarationData, form = 'standard', as = declarant) => {
      const r = await as.post('/api/customs/declarations', { form, data });
      assert.equal(r.status, 201, r.text);
      return r.body.id as string;
    };
    const file = async (id: string, by: Signer = signer, extra: Record<string, unknown> = {}, as = declarant) => {
      const payload = await as.get(`/api/customs/declarations/${id}/signing-payload`);
      assert.equal(payload.status, 200, payload.text);
      return as.post(`/api/customs/declarations/${id}/filing`, { signature: await by.sign(payload.body.payload), certificatePem: by.certificatePem, ...extra });
    };
    const registered = async (data: DeclarationData = importDeclaration(docs), form = 'standard') => {
      const id = await draft(data, form);
      const r = await file(id);
      assert.equal(r.status, 200, r.text);
      return r.body;
    };
    /** The risk engine decides (no profile: green), then an officer re-routes the declaration up to `lane` (docs/risk.md). */
    const routed = async (id: string, lane: 'yellow' | 'red') => {
      await t.c.worker.runOnce();
      const [decision] = (await officer.get(`/api/risk/decisions?subjectId=${id}`)).body;
      const r = await officer.post(`/api/risk/decisions/${decision.id}/reroute`, { lane });
      assert.equal(r.status, 200, r.text);
      return (await officer.get(`/api/customs/declarations/${id}`)).body;
    };
    const signed = async (id: string, kind: string, reason: string, data?: DeclarationData) => {
      const payload = await declarant.post(`/api/customs/declarations/${id}/request-payload`, { kind, reason, ...(data ? { data } : {}) });
      assert.equal(payload.status, 200, payload.text);
      return { signature: await signer.sign(payload.body.payload), certificatePem: signer.certificatePem };
    };

    test('CUS-DEC-02, CUS-DEC-03, CUS-DEC-08, CUS-DEC-36, CUS-DEC-37, CUS-DEC-42, CUS-DEC-72: a signed electronic declaration is registered at once: number, day of acceptance, duties, excise and VAT at the rates of that day, the first immutable version', async () => {
      const body = await registered();
      assert.equal(body.state, 'REGISTERED');
      assert.match(body.number, /^DUSHANBE\/020326\/\d{7}$/);
      assert.equal(body.registeredAt, '2026-03-02T05:00:00.000Z');
      assert.equal(body.acceptedOn, '2026-03-02');
      // USD 10.9500 on 2 March; costs 1,000.00 shared by price: 666.66 and 333.34.
      // Item 1: (10,000.00 + 666.66) × 10.95 = 116,799.927 → 116,799.93 TJS; duty 5 % = 5,839.9965 → 5,840.00; VAT 14 % of 122,639.93 = 17,169.5902 → 17,169.59.
      // Item 2: (5,000.00 + 333.34) × 10.95 = 58,400.073 → 58,400.07 TJS; duty 10 % = 5,840.007 → 5,840.01; VAT 14 % of 64,240.08 = 8,993.6112 → 8,993.61.
      assert.deepEqual(body.assessment, {
        customsValueDirams: '17520000',
        dutyDirams: '1168001',
        exciseDirams: '0',
        vatDirams: '2616320',
        payableDirams: '3784321',
        toSecureDirams: '0',
      });
      // Art.152 (AMB-18): three working days of Dushanbe customs: Thursday 5 March, at closing.
      assert.equal(body.releaseDueAt.slice(0, 10), '2026-03-05');
      assert.deepEqual(
        body.versions.map((v: { version: number; reason: string; signerTin: string }) => [v.version, v.reason, v.signerTin]),
        [[1, 'registration', BROKER]],
      );
      // The registered declaration is no longer a draft: it changes only through art.133.
      const replaced = await declarant.put(`/api/customs/declarations/${body.id}`, { form: 'standard', data: importDeclaration(docs) });
      assert.deepEqual([replaced.status, replaced.body.code], [409, 'DECLARATION_STATE_INVALID']);
      const again = await file(body.id);
      assert.deepEqual([again.status, again.body.code], [409, 'DECLARATION_STATE_INVALID']);
    });

    test('CUS-DEC-39, CUS-DEC-40, AMB-05, IMP-04: a declaration failing on every ground of art.132 p.4 gets all the reasons at once and is not registered', async () => {
      const data = importDeclaration(docs, {
        officeCode: 'PANJI-POYON', // 1: a border post that accepts no goods declarations for free circulation
        declarantCode: BROKER,
        invoiceTotal: '14000.00', // 4: not the sum of the items
        preliminaryExemption: undefined, // 6: no preliminary information and no exemption
        documents: [{ typeCode: 'INVOICE', number: 'INV-77', date: '2026-02-20', issuer: 'Shenzhen Trade Co', sha256: docs.invoice }], // 5: no contract, no CMR
      });
      const id = await draft(data);
      const stranger = await (await testAuthority('Unknown CA')).signer(BROKER); // 2: an issuer customs does not trust
      const r = await file(id, stranger);
      assert.equal(r.status, 422, r.text);
      assert.equal(r.body.code, 'DECLARATION_NOT_REGISTERABLE');
      const reasons = r.body.details.reasons as { ground: number; code: string; field: string }[];
      const byGround = (g: number) => reasons.filter((x) => x.ground === g).map((x) => x.code);
      assert.deepEqual(byGround(1), ['office_not_competent']);
      assert.deepEqual(byGround(2), ['signature_issuer_not_trusted']);
      assert.deepEqual(byGround(4), ['invoice_total_mismatch']);
      assert.deepEqual(byGround(5).sort(), ['document_missing', 'document_missing']);
      assert.deepEqual(byGround(6), ['preliminary_information_missing']);
      const after = await declarant.get(`/api/customs/declarations/${id}`);
      assert.deepEqual([after.body.state, after.body.number, after.body.versions.length], ['DRAFT', null, 0]);
    });

    test('CUS-DEC-08: a signature over other data, or by someone who is not the filer, does not register the declaration', async () => {
      const id = await draft(importDeclaration(docs));
      const payload = await declarant.get(`/api/customs/declarations/${id}/signing-payload`);
      const tampered = await declarant.post(`/api/customs/declarations/${id}/filing`, {
        signature: await signer.sign(payload.body.payload.replace('15000.00', '1500.00')),
        certificatePem: signer.certificatePem,
      });
      assert.deepEqual(
        (tampered.body.details.reasons as { code: string }[]).map((x) => x.code),
        ['signature_signature_mismatch'],
      );
      const other = await file(id, await ca.signer('020000202'));
      assert.deepEqual(
        (other.body.details.reasons as { code: string }[]).map((x) => x.code),
        ['signature_not_filer'],
      );
      const expired = await file(id, await ca.signer(BROKER, { notAfter: new Date('2026-01-01T00:00:00Z') }));
      assert.deepEqual(
        (expired.body.details.reasons as { code: string }[]).map((x) => x.code),
        ['signature_expired'],
      );
    });

    test('CUS-DEC-03: a broker files for a named declarant; nobody else may touch the draft', async () => {
      const data = importDeclaration(docs, { declarantCode: 'KZ-990140000123', brokerTin: BROKER });
      const wrongBroker = await (await t.as('declarant', { tin: '030000303' })).post('/api/customs/declarations', { form: 'standard', data });
      assert.deepEqual([wrongBroker.status, wrongBroker.body.code], [403, 'DECLARATION_NOT_YOURS']);
      const id = await draft(data);
      const stranger = await t.as('declarant', { tin: '040000404' });
      assert.equal((await stranger.get(`/api/customs/declarations/${id}`)).status, 404);
      // A foreign person may declare release for free circulation only on a ground of art.126 p.2: the demo carrier's is transit.
      const r = await file(id);
      assert.deepEqual(
        (r.body.details.reasons as { code: string }[]).map((x) => x.code),
        ['declarant_not_eligible'],
      );
    });

    test('CUS-DEC-16: a foreign carrier declares transit on its ground of art.126 p.2 i.4', async () => {
      const data = importDeclaration(docs, { declarantCode: 'KZ-990140000123', brokerTin: BROKER, regime: 'transit' });
      const id = await draft(data);
      const r = await file(id);
      const codes = r.status === 200 ? [] : (r.body.details.reasons as { code: string }[]).map((x) => x.code);
      assert.ok(!codes.includes('declarant_not_eligible'), JSON.stringify(codes));
    });

    test('CUS-DEC-24, CUS-DEC-25, CUS-DEC-26: several goods under one code only when it has the highest duty, excise and VAT and the same first four digits', async () => {
      const base = importDeclaration(docs);
      const [phones, sugar] = base.items as [DeclarationData['items'][0], DeclarationData['items'][0]];
      // Sugar (10 %) listed under wheat's code (0 %): not the highest duty, and another heading.
      const wrong = { ...sugar, commodityCode: '1001990000', goodsList: [{ name: 'Шакар', quantity: '10000', unit: 'kg', commodityCode: '1701999000' }] };
      const id = await draft({ ...base, items: [phones, wrong] });
      const r = await file(id);
      const codes = (r.body.details.reasons as { code: string; field: string }[]).filter((x) => x.field === 'items[1].goodsList').map((x) => x.code);
      assert.deepEqual(codes.sort(), ['one_code_highest_duty', 'one_code_same_heading']);
      // Flour (5 %) listed under sugar's... no: a list whose codes all give lower or equal duty and share the heading passes.
      const right = { ...sugar, goodsList: [{ name: 'Шакари зард', quantity: '10000', unit: 'kg', commodityCode: '1701999000' }] };
      const ok = await file(await draft({ ...base, items: [phones, right] }));
      assert.equal(ok.status, 200, ok.text);
    });

    test('CUS-DOC-04, CUS-DOC-17, CUS-DOC-03, CUS-DEC-35: wheat needs the phytosanitary permit of the Government list; customs obtains it by its details', async () => {
      const base = importDeclaration(docs);
      const wheat = { ...(base.items[1] as DeclarationData['items'][0]), commodityCode: '1001990000', description: 'Гандум' };
      const id = await draft({ ...base, items: [base.items[0] as DeclarationData['items'][0], wheat] });
      const missing = await file(id);
      assert.deepEqual(
        (missing.body.details.reasons as { ground: number; code: string; field: string }[]).map((x) => [x.ground, x.code, x.field]),
        [[5, 'permit_missing', 'documents.PHYTO']],
      );
      const withDetails = {
        ...base,
        items: [base.items[0] as DeclarationData['items'][0], wheat],
        documents: [...base.documents, { typeCode: 'PHYTO', number: 'PH-12', date: '2026-02-27', issuer: 'Agency for food safety', items: [2] }],
      };
      assert.equal((await declarant.put(`/api/customs/declarations/${id}`, { form: 'standard', data: withDetails })).status, 200);
      const ok = await file(id);
      assert.equal(ok.status, 200, ok.text);
    });

    test('CUS-REL-01, CUS-DEC-70, CUS-REL-09: after the risk decision the declaration waits for payment; release needs every condition and says which is unmet', async () => {
      const body = await registered();
      const early = await officer.post(`/api/customs/declarations/${body.id}/release`, { conditional: false });
      assert.deepEqual([early.status, early.body.code], [409, 'DECLARATION_RELEASE_CONDITIONS_UNMET']);
      assert.deepEqual(early.body.details.unmet, ['risk_decision_pending', 'payment_not_confirmed']);
      await t.c.worker.runOnce();
      const waiting = await declarant.get(`/api/customs/declarations/${body.id}`);
      assert.equal(waiting.body.state, 'REGISTERED');
      assert.deepEqual([waiting.body.riskLane, waiting.body.riskMeasures], ['green', []], 'CUS-RMS-22: the declarant sees the lane and the measures');
      assert.notEqual((await officer.get(`/api/customs/declarations/${body.id}`)).body.riskDecidedAt, null);
      const still = await officer.post(`/api/customs/declarations/${body.id}/release`, { conditional: false });
      assert.deepEqual(still.body.details.unmet, ['payment_not_confirmed']);
      // CUS-REL-09: conditional release (art.151) lets payment wait.
      const conditional = await officer.post(`/api/customs/declarations/${body.id}/release`, { conditional: true, basis: 'art.151 p.1' });
      assert.equal(conditional.status, 200, conditional.text);
      assert.equal(conditional.body.state, 'CONDITIONALLY_RELEASED');
    });

    test('CUS-CTL D8, CUS-REL-05, CUS-DEC-19, CUS-REL-10, CUS-REL-11: the RMS selects control; suspension and its cancellation; the declarant is told where the examination is; refusal names its grounds and is too late after the release period', async () => {
      const body = await registered();
      const red = await routed(body.id, 'red');
      assert.equal(red.state, 'UNDER_CONTROL');
      const notice = await officer.post(`/api/customs/declarations/${body.id}/control-events`, {
        kind: 'examination_notified',
        note: '',
        place: 'СВХ Душанбе, платформа 3',
        scheduledAt: '2026-03-03T04:00:00Z',
      });
      assert.equal(notice.status, 200, notice.text);
      const inbox = await declarant.get('/api/notifications');
      assert.ok(
        (inbox.body.items as { kind: string; body: { ru: string } }[]).some(
          (n) => n.kind === 'customs_examination_notice' && n.body.ru.includes('платформа 3'),
        ),
        'CUS-DEC-19: the declarant is told the place and time',
      );
      const suspended = await officer.post(`/api/customs/declarations/${body.id}/control-events`, { kind: 'release_suspended', note: 'art.441' });
      assert.equal(suspended.body.state, 'RELEASE_SUSPENDED');
      const resumed = await officer.post(`/api/customs/declarations/${body.id}/control-events`, { kind: 'suspension_cancelled', note: '' });
      assert.equal(resumed.body.state, 'UNDER_CONTROL');
      const noGround = await officer.post(`/api/customs/declarations/${body.id}/release-refusal`, { grounds: [8], explanation: '' });
      assert.deepEqual([noGround.status, noGround.body.code], [422, 'DECLARATION_REFUSAL_GROUND_INVALID']);
      t.clock.set('2026-03-05T14:00:00Z'); // after closing on Thursday: the release period is over
      try {
        const late = await (await t.as('customs_officer')).post(`/api/customs/declarations/${body.id}/release-refusal`, { grounds: [7], explanation: 'late' });
        assert.deepEqual([late.status, late.body.code], [409, 'DECLARATION_REFUSAL_TOO_LATE']);
      } finally {
        t.clock.set('2026-03-02T05:00:00Z');
      }
      const refused = await officer.post(`/api/customs/declarations/${body.id}/release-refusal`, {
        grounds: [7, 1],
        explanation: 'Маркировка не соответствует',
      });
      assert.equal(refused.status, 200, refused.text);
      assert.deepEqual([refused.body.state, refused.body.refusalGrounds], ['RELEASE_REFUSED', [1, 7]]);
    });

    test('CUS-DEC-43, CUS-CTL-13, CUS-DEC-44, CUS-DEC-45, CUS-DEC-46, CUS-DEC-47, AMB-06: a change before release is permitted only without the four acts of customs, without touching payments or restrictions, and without new goods; it becomes the next signed version', async () => {
      const body = await registered();
      const data = importDeclaration(docs);
      const moved = { ...data, consignee: { ...data.consignee, address: 'Душанбе, Рӯдакӣ 3' } };
      const request = await declarant.post(`/api/customs/declarations/${body.id}/amendments`, {
        ...(await signed(body.id, 'amendment:data', 'Нишонӣ хато', moved)),
        kind: 'data',
        reason: 'Нишонӣ хато',
        data: moved,
      });
      assert.equal(request.status, 201, request.text);
      assert.equal((await declarant.get(`/api/customs/declarations/${body.id}`)).body.state, 'AMENDMENT_REQUESTED');
      const permitted = await officer.post(`/api/customs/declarations/${body.id}/requests/${request.body.id}/decision`, { permit: true, reasons: [] });
      assert.equal(permitted.body.state, 'REGISTERED');
      assert.equal(permitted.body.version, 2);
      assert.equal(permitted.body.data.consignee.address, 'Душанбе, Рӯдакӣ 3');

      // More money, another code, another item: each is a reason.
      const items = data.items as DeclarationData['items'];
      const bigger = { ...moved, invoiceTotal: '16000.00', items: [{ ...items[0], invoiceAmount: '11000.00' }, items[1]] } as DeclarationData;
      const added = { ...moved, invoiceTotal: '15001.00', items: [...items, { ...items[1], number: 3, invoiceAmount: '1.00' }] } as DeclarationData;
      for (const [next, reason] of [
        [bigger, 'payments_affected'],
        [added, 'goods_added'],
      ] as const) {
        const r = await declarant.post(`/api/customs/declarations/${body.id}/amendments`, {
          ...(await signed(body.id, 'amendment:data', 'x', next)),
          kind: 'data',
          reason: 'x',
          data: next,
        });
        assert.equal(r.body.code, 'DECLARATION_AMENDMENT_NOT_ALLOWED');
        assert.ok(r.body.details.reasons.includes(reason), JSON.stringify(r.body.details));
      }
      // An unsigned (wrongly signed) request is refused (CUS-DEC-46).
      const unsigned = await declarant.post(`/api/customs/declarations/${body.id}/amendments`, {
        ...(await signed(body.id, 'amendment:data', 'other text', moved)),
        kind: 'data',
        reason: 'Нишонӣ хато',
        data: moved,
      });
      assert.equal(unsigned.body.code, 'DECLARATION_SIGNATURE_INVALID');
      // After customs asked for documents (art.404), a data change is barred, but a typo fix is not (art.133 p.2, CUS-DEC-44).
      await routed(body.id, 'yellow');
      await officer.post(`/api/customs/declarations/${body.id}/control-events`, { kind: 'documents_requested', note: 'art.404' });
      const fixed = { ...moved, consignor: { ...moved.consignor, name: 'Shenzhen Trade Co.' } };
      const barred = await declarant.post(`/api/customs/declarations/${body.id}/amendments`, {
        ...(await signed(body.id, 'amendment:data', 'y', fixed)),
        kind: 'data',
        reason: 'y',
        data: fixed,
      });
      assert.deepEqual(barred.body.details.reasons, ['documents_requested']);
      const typo = await declarant.post(`/api/customs/declarations/${body.id}/amendments`, {
        ...(await signed(body.id, 'amendment:location_or_typo', 'y', fixed)),
        kind: 'location_or_typo',
        reason: 'y',
        data: fixed,
      });
      assert.equal(typo.status, 201, typo.text);
      const refused = await officer.post(`/api/customs/declarations/${body.id}/requests/${typo.body.id}/decision`, { permit: false, reasons: ['not a typo'] });
      assert.deepEqual([refused.body.state, refused.body.version], ['UNDER_CONTROL', 2]);
    });

    test('CUS-DEC-49, CUS-DEC-49 D11-D12: customs demands a change within the release period; the demanded change is made and control goes on', async () => {
      const body = await registered();
      await routed(body.id, 'red');
      const demanded = await officer.post(`/api/customs/declarations/${body.id}/amendment-demand`, { what: 'Укажите страну происхождения товара 2: CN' });
      assert.equal(demanded.body.state, 'AMENDMENT_DEMANDED');
      assert.equal(demanded.body.requests[0].dueAt, demanded.body.releaseDueAt);
      const data = importDeclaration(docs);
      const items = data.items as DeclarationData['items'];
      const next = { ...data, items: [items[0], { ...items[1], originCountry: 'CN' }] } as DeclarationData;
      const r = await declarant.post(`/api/customs/declarations/${body.id}/amendments`, {
        ...(await signed(body.id, 'amendment:data', 'demand', next)),
        kind: 'data',
        reason: 'demand',
        data: next,
      });
      assert.equal(r.status, 201, r.text);
      const permitted = await officer.post(`/api/customs/declarations/${body.id}/requests/${r.body.id}/decision`, { permit: true, reasons: [] });
      assert.equal(permitted.body.state, 'UNDER_CONTROL');
      assert.deepEqual(permitted.body.requests.map((q: { kind: string; status: string }) => [q.kind, q.status]).sort(), [
        ['amendment', 'permitted'],
        ['amendment_demand', 'done'],
      ]);
    });

    test('CUS-DEC-51, CUS-DEC-52, CUS-DEC-55, CUS-DEC-56, CUS-CTL-13, CUS-DEC-57, CUS-DEC-59: withdrawal before release with permission; barred while an examination is under way and by a finding with liability, allowed once it found nothing', async () => {
      const a = await registered();
      const request = await declarant.post(`/api/customs/declarations/${a.id}/withdrawals`, {
        ...(await signed(a.id, 'withdrawal', 'Шартнома бекор шуд')),
        reason: 'Шартнома бекор шуд',
      });
      assert.equal(request.status, 201, request.text);
      const withdrawn = await officer.post(`/api/customs/declarations/${a.id}/requests/${request.body.id}/decision`, { permit: true, reasons: [] });
      assert.equal(withdrawn.body.state, 'WITHDRAWN');

      const b = await registered();
      await routed(b.id, 'red');
      await officer.post(`/api/customs/declarations/${b.id}/control-events`, { kind: 'inspection_decided', note: '' });
      const during = await declarant.post(`/api/customs/declarations/${b.id}/withdrawals`, { ...(await signed(b.id, 'withdrawal', 'r')), reason: 'r' });
      assert.deepEqual([during.body.code, during.body.details.reasons], ['DECLARATION_WITHDRAWAL_NOT_ALLOWED', ['control_under_way']]);
      await officer.post(`/api/customs/declarations/${b.id}/control-events`, { kind: 'no_violation_found', note: '' });
      const afterResult = await declarant.post(`/api/customs/declarations/${b.id}/withdrawals`, { ...(await signed(b.id, 'withdrawal', 'r')), reason: 'r' });
      assert.equal(afterResult.status, 201, afterResult.text);
      const refused = await officer.post(`/api/customs/declarations/${b.id}/requests/${afterResult.body.id}/decision`, { permit: false, reasons: [] });
      assert.deepEqual([refused.status, refused.body.code], [422, 'DECLARATION_DATA_INVALID'], 'a refusal states its reasons');
      const kept = await officer.post(`/api/customs/declarations/${b.id}/requests/${afterResult.body.id}/decision`, {
        permit: false,
        reasons: ['товар под арестом'],
      });
      assert.equal(kept.body.state, 'UNDER_CONTROL');
      await officer.post(`/api/customs/declarations/${b.id}/control-events`, { kind: 'violation_found', note: '', carriesLiability: true });
      const liable = await declarant.post(`/api/customs/declarations/${b.id}/withdrawals`, { ...(await signed(b.id, 'withdrawal', 'r')), reason: 'r' });
      assert.deepEqual(liable.body.details.reasons, ['violation_with_liability']);
    });

    test('CUS-DEC-53, CUS-REL-06, CUS-REL-07: an export is withdrawn after release until the goods leave, and its release is annulled', async () => {
      const exportData = importDeclaration(docs, {
        direction: 'export',
        regime: 'export',
        consignor: { name: 'ҶДММ «Брокери намунавӣ»', country: 'TJ', address: 'Душанбе', tin: BROKER },
        consignee: { name: 'Almaty Foods', country: 'KZ', address: 'Almaty' },
        countryOfDispatch: 'TJ',
        countryOfDestination: 'KZ',
        preliminaryExemption: undefined,
      });
      const body = await registered(exportData);
      assert.equal(body.assessment.payableDirams, '0');
      await t.c.worker.runOnce();
      const released = await officer.get(`/api/customs/declarations/${body.id}`);
      assert.equal(released.body.state, 'RELEASED', 'CUS-REL-06: nothing to pay, no control: released with the permission to export');
      const request = await declarant.post(`/api/customs/declarations/${body.id}/withdrawals`, { ...(await signed(body.id, 'withdrawal', 'r')), reason: 'r' });
      assert.equal(request.status, 201, request.text);
      const annulled = await officer.post(`/api/customs/declarations/${body.id}/requests/${request.body.id}/decision`, { permit: true, reasons: [] });
      assert.equal(annulled.body.state, 'RELEASE_ANNULLED');

      const gone = await registered(exportData);
      await t.c.worker.runOnce();
      assert.equal((await officer.post(`/api/customs/declarations/${gone.id}/exit`)).status, 200);
      const late = await declarant.post(`/api/customs/declarations/${gone.id}/withdrawals`, { ...(await signed(gone.id, 'withdrawal', 'r')), reason: 'r' });
      assert.deepEqual(late.body.details.reasons, ['goods_left_territory']);
    });

    test('CUS-DEC-30, CUS-DEC-31, CUS-DEC-32, CUS-DEC-33: a preliminary declaration waits for the goods; presented, it runs as registered; not presented in 15 days, it is due to be withdrawn on a simple request', async () => {
      const pre = await registered(importDeclaration(docs), 'preliminary');
      assert.equal(pre.state, 'PRELIMINARY_REGISTERED');
      assert.equal(pre.preliminaryDueAt.slice(0, 10), '2026-03-17');
      assert.equal(pre.releaseDueAt, null);
      const presented = await officer.post(`/api/customs/declarations/${pre.id}/presentation`);
      assert.equal(presented.body.state, 'REGISTERED');
      assert.notEqual(presented.body.releaseDueAt, null);

      const forgotten = await registered(importDeclaration(docs), 'preliminary');
      t.clock.set('2026-03-17T19:00:01Z'); // the end of 17 March in Dushanbe
      try {
        await t.c.worker.runOnce();
        const due = await (await t.as('customs_officer')).get(`/api/customs/declarations/${forgotten.id}`);
        assert.equal(due.body.state, 'WITHDRAWAL_DUE');
      } finally {
        t.clock.set('2026-03-02T05:00:00Z');
      }
      const request = await declarant.post(`/api/customs/declarations/${forgotten.id}/withdrawals`, {
        ...(await signed(forgotten.id, 'withdrawal', 'r')),
        reason: 'r',
      });
      assert.equal(request.status, 201, request.text);
      const withdrawn = await officer.post(`/api/customs/declarations/${forgotten.id}/requests/${request.body.id}/decision`, { permit: true, reasons: [] });
      assert.equal(withdrawn.body.state, 'WITHDRAWN');
    });

    test('CUS-DEC-60, CUS-DEC-61, CUS-DEC-62: an incomplete declaration needs customs permission, is assessed like a complete one, and must be completed in 45 days', async () => {
      const id = await draft(importDeclaration(docs), 'incomplete');
      const unpermitted = await file(id);
      assert.deepEqual(
        (unpermitted.body.details.reasons as { code: string }[]).map((x) => x.code),
        ['incomplete_not_permitted'],
      );
      assert.equal((await officer.post(`/api/customs/declarations/${id}/incomplete-permission`)).status, 200);
      const r = await file(id);
      assert.equal(r.status, 200, r.text);
      assert.equal(r.body.incompleteDueAt.slice(0, 10), '2026-04-16');
      assert.equal(r.body.assessment.payableDirams, '3784321');
      const data = importDeclaration(docs);
      const completed = { ...data, valuation: { ...data.valuation, contractNumber: 'C-2026/4', contractDate: '2026-01-10' } };
      const q = await declarant.post(`/api/customs/declarations/${id}/amendments`, {
        ...(await signed(id, 'amendment:completion', 'contract', completed)),
        kind: 'completion',
        reason: 'contract',
        data: completed,
      });
      assert.equal(q.status, 201, q.text);
      const done = await officer.post(`/api/customs/declarations/${id}/requests/${q.body.id}/decision`, { permit: true, reasons: [] });
      assert.notEqual(done.body.incompleteCompletedAt, null);
    });

    test('CUS-DOC-13, CUS-DOC-14, A-24: originals are asked only on a risk basis and only of three kinds; the official records seeing them', async () => {
      const body = await registered();
      const noBasis = await officer.post(`/api/customs/declarations/${body.id}/original-requests`, {
        documentType: 'INVOICE',
        kind: 'customs_value',
        riskBasis: 'P-3',
      });
      assert.equal(noBasis.body.code, 'DECLARATION_STATE_INVALID');
      await routed(body.id, 'yellow');
      const other = await officer.post(`/api/customs/declarations/${body.id}/original-requests`, {
        documentType: 'INVOICE',
        kind: 'anything',
        riskBasis: 'P-3',
      });
      assert.equal(other.status, 400);
      const asked = await officer.post(`/api/customs/declarations/${body.id}/original-requests`, {
        documentType: 'INVOICE',
        kind: 'customs_value',
        riskBasis: 'P-3',
      });
      assert.equal(asked.status, 200, asked.text);
      const seen = await officer.post(`/api/customs/declarations/${body.id}/original-requests/${asked.body.originalsRequested[0].id}/seen`);
      assert.notEqual(seen.body.originalsRequested[0].seenAt, null);
    });

    test('CUS-DEC-04, CUS-DEC-06, CUS-DEC-38, CUS-DEC-39, CUS-DEC-40, CUS-DEC-41, CUS-DOC-09, D3p: a paper declaration is accepted only during a recorded failure of the system; refused, the filer is told every reason at once and customs keeps a copy; accepted, it is registered that day with a confirmation', async () => {
      const paper = (data: DeclarationData) => officer.post('/api/customs/declarations/paper', { form: 'standard', data, filerTin: BROKER });
      const noOutage = await paper(importDeclaration(docs));
      assert.deepEqual([noOutage.status, noOutage.body.code], [422, 'DECLARATION_PAPER_WITHOUT_OUTAGE']);
      const outage = await officer.post('/api/customs/outages', {
        startedAt: '2026-03-02T09:00:00+05:00',
        cause: 'communication_outage',
        description: 'Канали интернет қатъ шуд',
        officeCodes: ['DUSHANBE'],
      });
      assert.equal(outage.status, 201, outage.text);
      const refused = await paper(importDeclaration(docs, { invoiceTotal: '1.00', preliminaryExemption: undefined }));
      assert.equal(refused.status, 201, refused.text);
      assert.equal(refused.body.state, 'NOT_ACCEPTED');
      assert.equal(refused.body.channel, 'paper');
      assert.deepEqual(
        refused.body.notAcceptedReasons.map((r: { ground: number; code: string }) => [r.ground, r.code]),
        [
          [4, 'invoice_total_mismatch'],
          [6, 'preliminary_information_missing'],
        ],
      );
      const inbox = (await declarant.get('/api/notifications')).body.items as { kind: string; body: { ru: string } }[];
      const notice = inbox.find((n) => n.kind === 'customs_paper_declaration_not_accepted');
      assert.ok(notice, 'the filer is notified');
      assert.match(
        notice.body.ru,
        /4\) отсутствуют обязательные сведения: invoice_total_mismatch; 6\) .*preliminary_information_missing.*один экземпляр остаётся в таможне/,
      );
      const accepted = await paper(importDeclaration(docs));
      assert.equal(accepted.status, 201, accepted.text);
      assert.deepEqual([accepted.body.state, accepted.body.channel, accepted.body.acceptedOn], ['REGISTERED', 'paper', '2026-03-02']);
      assert.match(accepted.body.number, /^DUSHANBE\/020326\//);
      assert.ok(
        ((await declarant.get('/api/notifications')).body.items as { kind: string }[]).some((n) => n.kind === 'customs_paper_declaration_accepted'),
        'CUS-DEC-38: the confirmation of acceptance',
      );
    });

    test('CUS-DOC-10, CUS-DEC-21: an electronic copy is kept by its hash and given back to the declarant and to customs', async () => {
      const body = await registered();
      const got = await officer.get(`/api/customs/declarations/${body.id}/documents/${docs.invoice}`);
      assert.equal(got.status, 200);
      assert.equal(got.text, '%PDF-1.4 invoice');
      const empty = await declarant.post('/api/customs/documents', { fileName: 'x.exe', mediaType: 'application/x-msdownload', contentBase64: 'AAAA' });
      assert.deepEqual([empty.status, empty.body.code], [422, 'DECLARATION_DOCUMENT_INVALID']);
    });
  });
}
