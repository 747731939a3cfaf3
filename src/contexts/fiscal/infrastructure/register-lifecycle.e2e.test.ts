import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type Client, type TestApp } from '../../../../test/app.ts';
import { testTargets } from '../../../../test/db.ts';
import { makeBusiness, makeFiscalModules, makeModel, makeTsc, PDF, registrationBody } from '../../../../test/fiscal-factories.ts';

const deregistration = (
  business: { tin: string },
  registerId: string,
  card: { manufacturerNumber: string; fiscalModuleNumber: string },
  over: Record<string, unknown> = {},
) => ({
  kind: 'deregistration',
  businessTin: business.tin,
  registerId,
  manufacturerNumber: card.manufacturerNumber,
  fiscalModuleNumber: card.fiscalModuleNumber,
  reason: 'Фаъолият қатъ гардид (liquidation)',
  isFiscalModuleHandedOver: true,
  signatory: 'Каримов Алишер',
  signedOn: '2026-03-02',
  phone: '+992 900 00 00 01',
  submittedAs: 'paper',
  attachments: [{ kind: 'deregistration_basis', fileName: 'қарор.pdf', mediaType: 'application/pdf', contentBase64: PDF, sheets: 2 }],
  ...over,
});

for (const target of testTargets()) {
  describe(`register life cycle over HTTP [${target}]`, () => {
    let t: TestApp;
    let officer: Client;
    let tsc: Awaited<ReturnType<typeof makeTsc>>;
    let otherTsc: Awaited<ReturnType<typeof makeTsc>>;
    let modules: string[];
    let model: Awaited<ReturnType<typeof makeModel>>;
    const registered = async () => {
      const business = await makeBusiness(t, officer);
      const r = await tsc.specialist.post('/api/fiscal/applications', registrationBody(business, model.id, modules.shift() as string));
      assert.equal(r.body.status, 'completed', r.text);
      const card = (await officer.get(`/api/fiscal/registers/${r.body.registerId}/card`)).body;
      return { business, registerId: r.body.registerId as string, card, cabinet: await t.login(business.tin, '123456') };
    };
    before(async () => {
      t = await startTestApp(target);
      officer = await t.as('tax_officer');
      tsc = await makeTsc(t);
      otherTsc = await makeTsc(t);
      modules = await makeFiscalModules(t, tsc.id, 10);
      model = await makeModel(t);
    });
    after(() => t.close());

    test('FIS-DRG-01, FIS-DRG-02, FIS-DRG-05, FIS-AX3-01, FIS-AX3-02, FIS-AX3-03, FIS-AX3-04, FIS-AX3-05, FIS-AX3-06, FIS-AX3-07, FIS-AX3-08, FIS-AX3-09, FIS-AX3-10, FIS-AX3-11, FIS-AX3-12, FIS-AX3-13, FIS-AX3-14, FIS-AX3-15, FIS-AX3-16, FIS-AX3-17, FIS-AX3-18: an Annex 3 application deregisters the register within 1 working day', async () => {
      const { business, registerId, card, cabinet } = await registered();
      const r = await tsc.specialist.post(
        '/api/fiscal/applications',
        deregistration(business, registerId, card, {
          attachments: [
            { kind: 'deregistration_basis', fileName: 'қарор.pdf', mediaType: 'application/pdf', contentBase64: PDF, sheets: 2 },
            { kind: 'additional', fileName: 'иловагӣ.pdf', mediaType: 'application/pdf', contentBase64: PDF },
          ],
        }),
      );
      assert.equal(r.status, 201, r.text);
      assert.equal(r.body.status, 'completed');
      assert.equal(new Date(r.body.dueAt).toISOString(), '2026-03-03T12:00:00.000Z');
      const after = (await cabinet.get(`/api/fiscal/registers/${registerId}/card`)).body;
      assert.equal(after.status, 'deregistered');
      assert.deepEqual(
        after.history.map((h: { kind: string }) => h.kind),
        ['registered', 'deregistered'],
      );
      const html = (await tsc.specialist.get(`/api/fiscal/applications/${r.body.id}/form.html`)).text;
      for (const expected of [
        'Замимаи 3',
        `Ба роҳбари МХТ <span class="f">${tsc.name}`,
        'дар бораи аз қайд баровардани МНХ-онлайн ё хазинаи шартан (вертуалӣ)',
        `рақами истеҳсолкунанда (версия) <span class="f">${card.manufacturerNumber}`,
        `рақами модули фискалӣ <span class="f">${card.fiscalModuleNumber}`,
        `РМА <span class="f">${business.tin}`,
        business.name,
        card.placeOfActivity,
        'Сабаби аз қайд баровардани МНХ-онлайн ё хазинаи вертуалӣ бо модули фискалӣ: <span class="f">Фаъолият қатъ гардид',
        'қарор.pdf — 2 ҷарағ',
        '(супорида шуд)',
        'иловагӣ.pdf',
        'Каримов Алишер',
        'имзо дар нусхаи коғазӣ',
        'Сана: <span class="f">2026-03-02',
        '+992 900 00 00 01',
      ]) {
        assert.ok(html.includes(expected), `form.html lacks ${expected}`);
      }
      const again = await tsc.specialist.post('/api/fiscal/applications', deregistration(business, registerId, card));
      assert.equal(again.body.code, 'REGISTER_NOT_ACTIVE');
      const module = (await tsc.specialist.get(`/api/fiscal/deadlines?subjectId=${card.fiscalModuleNumber}`)).body[0];
      assert.equal(module.kind, 'FISCAL_MODULE_RETURN');
    });

    test('FIS-DRG-03: data that differ from the registry go to the tax authority, which clears them and completes', async () => {
      const { business, registerId, card } = await registered();
      const r = await tsc.specialist.post('/api/fiscal/applications', deregistration(business, registerId, { ...card, fiscalModuleNumber: 'FM-WRONG' }));
      assert.equal(r.body.status, 'under_study');
      assert.equal(r.body.findings[0].code, 'REGISTER_MISMATCH');
      const d = (await officer.get(`/api/fiscal/deadlines?subjectId=${r.body.id}`)).body.find((x: { kind: string }) => x.kind === 'DEREGISTRATION_SITE_CHECK');
      assert.equal(d.legalRef, 'p.33');
      const inspectorateInbox = (await officer.get('/api/notifications')).body.items;
      assert.ok(inspectorateInbox.some((n: { subjectId: string; kind: string }) => n.subjectId === r.body.id && n.kind === 'application.under_study'));
      const cleared = await officer.post(`/api/fiscal/applications/${r.body.id}/study`, {
        isDiscrepancyConfirmed: false,
        note: 'Module number misread on paper; checked on site',
      });
      assert.equal(cleared.body.status, 'completed', cleared.text);
      assert.equal((await officer.get(`/api/fiscal/registers/${registerId}/card`)).body.status, 'deregistered');
    });

    test('FIS-DRG-01: without the module handed over the deregistration set is incomplete and refused', async () => {
      const { business, registerId, card } = await registered();
      const r = await tsc.specialist.post('/api/fiscal/applications', deregistration(business, registerId, card, { isFiscalModuleHandedOver: false }));
      assert.equal(r.body.status, 'refused');
      assert.equal((await officer.get(`/api/fiscal/registers/${registerId}/card`)).body.status, 'registered');
    });

    test('FIS-SVC-06: a loss reported after 1 working day is recorded late and goes to the inspectorate and the TSC', async () => {
      const { registerId, cabinet } = await registered();
      const r = await cabinet.post(`/api/fiscal/registers/${registerId}/loss-reports`, {
        occurredAt: '2026-02-26T15:00:00+05:00',
        description: 'Дар роҳ гум шуд',
        channel: 'cabinet',
      });
      assert.equal(r.status, 201, r.text);
      assert.equal(r.body.isLate, true);
      const card = (await cabinet.get(`/api/fiscal/registers/${registerId}/card`)).body;
      assert.equal(card.isLost, true);
      assert.ok(
        (await officer.get('/api/notifications')).body.items.some(
          (n: { kind: string; subjectId: string }) => n.kind === 'register.lost' && n.subjectId === r.body.id,
        ),
      );
      assert.ok((await tsc.specialist.get('/api/notifications')).body.items.some((n: { kind: string }) => n.kind === 'register.lost'));
      const future = await cabinet.post(`/api/fiscal/registers/${registerId}/loss-reports`, {
        occurredAt: '2027-01-01T00:00:00+05:00',
        description: 'x',
        channel: 'cabinet',
      });
      assert.equal(future.body.code, 'DATE_IN_FUTURE');
    });

    test('FIS-USE-04, FIS-USE-05: a breakdown starts the TSC 1-hour clock; overdue shows to the TSC; the notice gives the address', async () => {
      const { registerId, cabinet, card } = await registered();
      const r = await cabinet.post(`/api/fiscal/registers/${registerId}/breakdowns`, {
        occurredAt: '2026-03-02T09:45:00+05:00',
        description: 'Чопгар кор намекунад',
        channel: 'cabinet',
      });
      assert.equal(r.status, 201, r.text);
      assert.equal(new Date(r.body.taxNoticeDueAt).getTime() - new Date(r.body.reportedAt).getTime(), 3_600_000);
      t.clock.advance(2 * 3_600_000);
      const tick = await t.c.worker.runOnce();
      assert.ok(tick.checked >= 1);
      const overdue = (await tsc.specialist.get('/api/fiscal/deadlines?isOverdue=true')).body;
      assert.ok(overdue.some((d: { kind: string; subjectId: string }) => d.kind === 'BREAKDOWN_TAX_NOTICE' && d.subjectId === r.body.id));
      assert.ok(
        (await tsc.specialist.get('/api/notifications')).body.items.some(
          (n: { kind: string; subjectId: string }) => n.kind === 'deadline.overdue' && n.subjectId === r.body.id,
        ),
      );
      const foreign = await otherTsc.specialist.post(`/api/fiscal/incidents/${r.body.id}/notify-tax-authority`);
      assert.equal(foreign.status, 404);
      const sent = await tsc.specialist.post(`/api/fiscal/incidents/${r.body.id}/notify-tax-authority`);
      assert.equal(sent.status, 200, sent.text);
      const notice = (await officer.get('/api/notifications')).body.items.find(
        (n: { kind: string; subjectId: string }) => n.kind === 'register.breakdown_notice' && n.subjectId === r.body.id,
      );
      assert.ok(notice.body.tg.includes(card.placeOfActivity));
      assert.equal((await tsc.specialist.post(`/api/fiscal/incidents/${r.body.id}/notify-tax-authority`)).body.code, 'TAX_AUTHORITY_ALREADY_NOTIFIED');
      assert.equal(
        (await tsc.specialist.get('/api/fiscal/deadlines?isOverdue=true')).body.filter((d: { subjectId: string }) => d.subjectId === r.body.id).length,
        0,
      );
      t.clock.set('2026-03-02T05:00:00Z');
    });

    test('FIS-TSO-03: the yearly inspection is recorded within 3 days; a later record is flagged and the next one is due in 12 months', async () => {
      const { registerId } = await registered();
      const onTime = await tsc.specialist.post(`/api/fiscal/registers/${registerId}/inspections`, {
        inspectedOn: '2026-02-28',
        result: 'passed',
        notes: 'Пломба бутун',
      });
      assert.equal(onTime.status, 201, onTime.text);
      assert.equal(onTime.body.isLate, false);
      assert.equal(new Date(onTime.body.recordDueAt).toISOString(), '2026-03-03T18:59:59.999Z');
      const late = await tsc.specialist.post(`/api/fiscal/registers/${registerId}/inspections`, {
        inspectedOn: '2026-02-20',
        result: 'passed',
        notes: 'Қайди дер',
      });
      assert.equal(late.body.isLate, true);
      const card = (await officer.get(`/api/fiscal/registers/${registerId}/card`)).body;
      assert.ok(card.history.some((h: { kind: string }) => h.kind === 'inspected'));
      const foreign = await otherTsc.specialist.post(`/api/fiscal/registers/${registerId}/inspections`, {
        inspectedOn: '2026-02-28',
        result: 'passed',
        notes: 'x',
      });
      assert.equal(foreign.status, 404);
    });

    test('FIS-REG-01: a business sees only its own registers and applications, a TSC only its clients', async () => {
      const a = await registered();
      const b = await registered();
      const foreignCard = await a.cabinet.get(`/api/fiscal/registers/${b.registerId}/card`);
      assert.equal(foreignCard.status, 404);
      assert.equal(foreignCard.body.code, 'REGISTER_NOT_FOUND');
      const list = await a.cabinet.get('/api/fiscal/registers');
      assert.deepEqual(
        list.body.items.map((r: { businessTin: string }) => r.businessTin),
        [a.business.tin],
      );
      assert.equal((await otherTsc.specialist.get('/api/fiscal/registers')).body.total, 0);
      assert.equal((await otherTsc.specialist.get(`/api/fiscal/registers/${a.registerId}/card`)).status, 404);
      const apps = await a.cabinet.get('/api/fiscal/applications');
      assert.ok(apps.body.items.every((x: { businessTin: string }) => x.businessTin === a.business.tin));
      const searched = await officer.get(`/api/fiscal/registers?q=${encodeURIComponent(a.card.registryNumber)}`);
      assert.deepEqual(
        searched.body.items.map((r: { id: string }) => r.id),
        [a.registerId],
      );
      const loss = await b.cabinet.post(`/api/fiscal/registers/${a.registerId}/loss-reports`, {
        occurredAt: '2026-03-01T10:00:00+05:00',
        description: 'x',
        channel: 'cabinet',
      });
      assert.equal(loss.status, 404);
    });

    test('FIS-GEN-13, FIS-GEN-16: a p.4 exemption is recorded on the business so the product knows it need not register', async () => {
      const business = await makeBusiness(t, officer, { kind: 'individual_entrepreneur', taxRegime: 'patent' });
      assert.equal((await officer.get(`/api/fiscal/businesses/${business.tin}`)).body.mustUseRegister, true);
      const set = await officer.put(`/api/fiscal/businesses/${business.tin}/exemption`, { exemption: 'patent', basis: 'Патент № 123 аз 10.01.2026' });
      assert.equal(set.status, 200, set.text);
      const got = (await officer.get(`/api/fiscal/businesses/${business.tin}`)).body;
      assert.equal(got.exemption, 'patent');
      assert.equal(got.mustUseRegister, false);
      assert.equal((await tsc.specialist.put(`/api/fiscal/businesses/${business.tin}/exemption`, { exemption: null, basis: 'x' })).status, 403);
    });
  });
}
