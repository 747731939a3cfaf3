import assert from 'node:assert/strict';
import { generateKeyPairSync, sign } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { canonicalJson } from '../../../platform/canonical-json.ts';
import { startTestApp, type Client, type TestApp } from '../../../../test/app.ts';
import { testTargets } from '../../../../test/db.ts';
import { makeBusiness, makeFiscalModules, makeModel, makeTsc, PDF, registrationAttachments, registrationBody } from '../../../../test/fiscal-factories.ts';
import { signedContent } from '../domain/application-input.ts';
import { createHash } from 'node:crypto';

for (const target of testTargets()) {
  describe(`registration of registers over HTTP [${target}]`, () => {
    let t: TestApp;
    let officer: Client;
    let tsc: Awaited<ReturnType<typeof makeTsc>>;
    let modules: string[];
    let model: Awaited<ReturnType<typeof makeModel>>;
    before(async () => {
      t = await startTestApp(target); // Monday 2 March 2026, 10:00 in Dushanbe
      officer = await t.as('tax_officer');
      tsc = await makeTsc(t);
      modules = await makeFiscalModules(t, tsc.id, 12);
      model = await makeModel(t);
    });
    after(() => t.close());

    test('FIS-REG-02, FIS-REG-08, FIS-REG-10: a TSC registers a VCR within 4 working hours and the card reaches the cabinet', async () => {
      const business = await makeBusiness(t, officer);
      const r = await tsc.specialist.post(
        '/api/fiscal/applications',
        registrationBody(business, model.id, modules[0]!, { receivedAt: '2026-03-02T09:30:00+05:00' }),
      );
      assert.equal(r.status, 201, r.text);
      assert.equal(r.body.status, 'completed');
      assert.equal(r.body.isLate, false);
      // 09:30 + 4 working hours with a lunch break 12:00-13:00 ends at 14:30 Dushanbe time.
      assert.equal(new Date(r.body.dueAt).toISOString(), '2026-03-02T09:30:00.000Z');
      const deadlines = await officer.get(`/api/fiscal/deadlines?subjectId=${r.body.id}`);
      const entry = deadlines.body.find((d: { kind: string }) => d.kind === 'REGISTRATION_ENTRY');
      assert.equal(entry.legalRef, 'p.22');
      assert.ok(entry.metAt && !entry.isMetLate);

      const cabinet = await t.login(business.tin, '123456');
      const mine = await cabinet.get('/api/fiscal/registers');
      assert.equal(mine.body.total, 1);
      const card = await cabinet.get(`/api/fiscal/registers/${r.body.registerId}/card`);
      assert.equal(card.status, 200, card.text);
      assert.match(card.body.registryNumber, new RegExp(`^${business.inspectorateCode}-2026-\\d{6}$`));
      assert.equal(card.body.registeredOn, '2026-03-02');
      assert.equal(card.body.modelName, model.name);
      assert.equal(card.body.history[0].kind, 'registered');
      const inbox = await cabinet.get('/api/notifications');
      assert.ok(
        inbox.body.items.some(
          (n: { kind: string; body: { tg: string } }) => n.kind === 'application.registration.completed' && n.body.tg.includes(card.body.registryNumber),
        ),
      );
    });

    test('FIS-AX2-01, FIS-AX2-02, FIS-AX2-03, FIS-AX2-04, FIS-AX2-05, FIS-AX2-06, FIS-AX2-07, FIS-AX2-08, FIS-AX2-09, FIS-AX2-10, FIS-AX2-11: the printable card has every field of Annex 2', async () => {
      const business = await makeBusiness(t, officer);
      const r = await tsc.specialist.post('/api/fiscal/applications', registrationBody(business, model.id, modules[1]!));
      const cabinet = await t.login(business.tin, '123456');
      const card = (await cabinet.get(`/api/fiscal/registers/${r.body.registerId}/card`)).body;
      const html = (await cabinet.get(`/api/fiscal/registers/${r.body.registerId}/card.html`)).text;
      for (const expected of [
        'Маълумот',
        'дар бораи бақайдгирии МНХ-онлайн ё хазинаи шартан (вертуалӣ) дар мақомоти андоз',
        'Корти бақайдгирии мазкур',
        `Рақами феҳристӣ <span class="f">${card.registryNumber}</span>`,
        '«02» марти соли 2026',
        'Навъи МНХ-онлайн ё версияи барномаи компютерии хазинаи шартан (вертуалӣ)',
        card.manufacturerNumber,
        'Рақами версияи барномавӣ',
        card.placeOfActivity,
        'ба қайд гирифта шуд, 2026-03-02',
        'Сардори нозироти андоз <span class="f">Раҳимзода Фарҳод Султонович',
        'Нозири масъули бақайдгирии МНХ-онлайн ё хазинаҳои шартан (вертуалӣ) <span class="f">Назарова Мавҷуда Алиевна',
      ]) {
        assert.ok(html.includes(expected), `card.html lacks ${expected}`);
      }
    });

    test('FIS-REG-12: registration is free: no payment is asked and the card says so', async () => {
      const business = await makeBusiness(t, officer);
      const r = await tsc.specialist.post('/api/fiscal/applications', registrationBody(business, model.id, modules[2]!));
      assert.equal(r.body.status, 'completed');
      const card = await officer.get(`/api/fiscal/registers/${r.body.registerId}/card`);
      assert.equal(card.body.isFreeOfCharge, true);
      // The names of the fields, not their values: a random UUID may well hold the hex letters "fee".
      const keys = (value: unknown): string[] => (value && typeof value === 'object' ? Object.entries(value).flatMap(([k, v]) => [k, ...keys(v)]) : []);
      assert.deepEqual(
        keys(r.body).filter((k) => /fee|payment|charge/i.test(k)),
        [],
      );
      assert.deepEqual(
        keys(card.body).filter((k) => /fee|payment/i.test(k)),
        [],
      );
    });

    test('FIS-REG-13, FIS-REG-16: an incomplete set is refused with the exact grounds, notified to the TSC and the business at once', async () => {
      const business = await makeBusiness(t, officer);
      const body = registrationBody(business, model.id, modules[3]!, { attachments: registrationAttachments().slice(0, 1) });
      const r = await tsc.specialist.post('/api/fiscal/applications', body);
      assert.equal(r.status, 201, r.text);
      assert.equal(r.body.status, 'refused');
      assert.deepEqual(
        r.body.refusalGrounds.map((g: { code: string; ref: string }) => `${g.code} ${g.ref}`),
        ['DOCUMENTS_INCOMPLETE p.26 (1)', 'DOCUMENTS_INCOMPLETE p.26 (1)'],
      );
      const cabinet = await t.login(business.tin, '123456');
      const notice = (await cabinet.get('/api/notifications')).body.items.find((n: { kind: string }) => n.kind === 'application.refused');
      assert.ok(notice.body.tg.includes('шартнома бо МХТ оид ба хизматрасонии техникӣ'));
      assert.ok(notice.body.en.includes('service contract with the TSC'));
      assert.ok(notice.body.ru.includes('п.26'));
      const tscInbox = await tsc.specialist.get('/api/notifications');
      assert.ok(tscInbox.body.items.some((n: { subjectId: string }) => n.subjectId === r.body.id));
      const deadline = (await officer.get(`/api/fiscal/deadlines?subjectId=${r.body.id}`)).body.find((d: { kind: string }) => d.kind === 'REFUSAL_NOTICE');
      assert.equal(deadline.legalRef, 'p.27');
      assert.ok(deadline.metAt);
      const registers = await cabinet.get('/api/fiscal/registers');
      assert.equal(registers.body.total, 0);
    });

    test('FIS-REG-15: a program excluded from the state registry is refused on p.26 (3)', async () => {
      const excluded = await makeModel(t, { status: 'excluded', excludedOn: '2026-01-01' });
      const business = await makeBusiness(t, officer);
      const r = await tsc.specialist.post('/api/fiscal/applications', registrationBody(business, excluded.id, modules[4]!));
      assert.equal(r.body.status, 'refused');
      assert.ok(r.body.refusalGrounds.some((g: { code: string }) => g.code === 'MODEL_NOT_IN_STATE_REGISTRY'));
    });

    test('FIS-REG-14, FIS-REG-11, FIS-REG-17: a discrepancy is studied within 1 working day, refused, and the corrected application succeeds', async () => {
      const business = await makeBusiness(t, officer);
      const r = await tsc.specialist.post('/api/fiscal/applications', registrationBody(business, model.id, modules[5]!, { businessName: 'ҶДММ «Офтоб»' }));
      assert.equal(r.body.status, 'under_study');
      assert.equal(r.body.findings[0].code, 'NAME_MISMATCH');
      // Monday 10:00 + 1 working day = end of Tuesday's working hours, 17:00 Dushanbe.
      assert.equal(new Date(r.body.studyDueAt).toISOString(), '2026-03-03T12:00:00.000Z');
      const queue = await officer.get('/api/fiscal/applications?status=under_study');
      assert.ok(queue.body.items.some((a: { id: string }) => a.id === r.body.id));
      const refused = await officer.post(`/api/fiscal/applications/${r.body.id}/study`, {
        isDiscrepancyConfirmed: true,
        note: 'Name differs from the state registration',
      });
      assert.equal(refused.status, 200, refused.text);
      assert.equal(refused.body.status, 'refused');
      assert.ok(refused.body.refusalGrounds.every((g: { code: string }) => g.code === 'DATA_DISCREPANCY'));
      const again = await officer.post(`/api/fiscal/applications/${r.body.id}/study`, { isDiscrepancyConfirmed: false, note: 'x' });
      assert.equal(again.body.code, 'APPLICATION_NOT_UNDER_STUDY');
      const fixed = await tsc.specialist.post(
        '/api/fiscal/applications',
        registrationBody(business, model.id, modules[5]!, { previousApplicationId: r.body.id }),
      );
      assert.equal(fixed.body.status, 'completed', fixed.text);
      assert.equal(fixed.body.previousApplicationId, r.body.id);
      const notRefused = await tsc.specialist.post(
        '/api/fiscal/applications',
        registrationBody(business, model.id, modules[6]!, { previousApplicationId: fixed.body.id }),
      );
      assert.equal(notRefused.body.code, 'PREVIOUS_APPLICATION_NOT_REFUSED');
    });

    test('FIS-REG-09: without a passed technical check nothing is written', async () => {
      const business = await makeBusiness(t, officer);
      const before = (await officer.get(`/api/fiscal/applications?tin=${business.tin}`)).body.total;
      const r = await tsc.specialist.post(
        '/api/fiscal/applications',
        registrationBody(business, model.id, modules[6]!, { technicalCheck: { isInWorkingOrder: true, isCorrectProgramInstalled: false } }),
      );
      assert.equal(r.status, 422);
      assert.equal(r.body.code, 'TECHNICAL_CHECK_FAILED');
      assert.equal((await officer.get(`/api/fiscal/applications?tin=${business.tin}`)).body.total, before);
    });

    test('FIS-ACC-01, FIS-AX1-15: an electronic application carries the business EDS, verified against its registered key', async () => {
      const business = await makeBusiness(t, officer);
      const cabinet = await t.login(business.tin, '123456');
      const { publicKey, privateKey } = generateKeyPairSync('ed25519');
      const registered = await cabinet.put('/api/auth/public-key', { publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }) });
      assert.equal(registered.status, 200, registered.text);
      const body = registrationBody(business, model.id, modules[7]!, { submittedAs: 'electronic' }) as Record<string, unknown> & {
        attachments: { contentBase64: string }[];
      };
      const hashes = body.attachments.map((a) => createHash('sha256').update(Buffer.from(a.contentBase64, 'base64')).digest('hex'));
      const signature = sign(null, Buffer.from(canonicalJson(signedContent(body as never, hashes))), privateKey).toString('base64');
      const forged = await tsc.specialist.post('/api/fiscal/applications', { ...body, placeOfActivity: 'elsewhere', signature });
      assert.equal(forged.status, 422);
      assert.equal(forged.body.code, 'SIGNATURE_INVALID');
      const r = await tsc.specialist.post('/api/fiscal/applications', { ...body, signature });
      assert.equal(r.status, 201, r.text);
      assert.equal(r.body.signature.kind, 'electronic');
      assert.equal(r.body.signature.algorithm, 'Ed25519');
    });

    test('FIS-AX1-01, FIS-AX1-02, FIS-AX1-03, FIS-AX1-04, FIS-AX1-05, FIS-AX1-06, FIS-AX1-07, FIS-AX1-08, FIS-AX1-09, FIS-AX1-10, FIS-AX1-11, FIS-AX1-12, FIS-AX1-13, FIS-AX1-14, FIS-AX1-16, FIS-AX1-17: the application captures and prints every Annex 1 field', async () => {
      const business = await makeBusiness(t, officer);
      const r = await tsc.specialist.post('/api/fiscal/applications', registrationBody(business, model.id, modules[8]!));
      const f = r.body.form;
      assert.equal(f.addressee.tscName, tsc.name);
      assert.equal(f.addressee.tscHeadName, tsc.headName);
      assert.equal(f.tin, business.tin);
      assert.equal(f.businessName, business.name);
      assert.equal(f.address, business.legalAddress);
      const html = (await tsc.specialist.get(`/api/fiscal/applications/${r.body.id}/form.html`)).text;
      for (const expected of [
        `Ба роҳбари МХТ <span class="f">${tsc.name}, ${tsc.headName}`,
        '<u>ба қайд гирифтани</u>',
        `навъи <span class="f">${model.name} 1.0.0`,
        f.manufacturerNumber,
        `рақами модули фискалӣ <span class="f">${f.fiscalModuleNumber}`,
        `дар нозироти андоз <span class="f">${f.inspectorateName}`,
        `РМА <span class="f">${business.tin}`,
        `суроға <span class="f">${business.legalAddress}`,
        business.name,
        'ш. Душанбе, к. Айнӣ 5, дӯкони 3',
        'Нусхаи ҳуҷҷатҳое, ки мавҷудияти маҳалли фаъолиятро тасдиқ мекунад',
        'Нусхаи шартнома бо МХТ',
        'Суроға ва маҳалли фаъолияти андозсупоранда',
        'Нусхаи сертификати мутобиқат',
        'Каримов Алишер',
        'Сана: <span class="f">2026-03-02',
        'Рақами телефон: <span class="f">+992 900 00 00 01',
      ]) {
        assert.ok(html.includes(expected), `form.html lacks ${expected}`);
      }
    });

    test('FIS-REG-19, FIS-REG-20: an address change filed late is entered, flagged late, and shown on the card', async () => {
      const business = await makeBusiness(t, officer);
      const reg = await tsc.specialist.post('/api/fiscal/applications', registrationBody(business, model.id, modules[9]!));
      const move = await tsc.specialist.post('/api/fiscal/applications', {
        kind: 'address_change',
        businessTin: business.tin,
        registerId: reg.body.registerId,
        placeOfActivity: 'ш. Душанбе, хиёбони Исмоили Сомонӣ 12',
        movedOn: '2026-02-16',
        signatory: 'Каримов Алишер',
        signedOn: '2026-03-02',
        phone: '+992 900 00 00 01',
        submittedAs: 'paper',
        attachments: [{ kind: 'new_address_document', fileName: 'иҷора-нав.pdf', mediaType: 'application/pdf', contentBase64: PDF }],
      });
      assert.equal(move.status, 201, move.text);
      assert.equal(move.body.status, 'completed');
      const deadlines = (await officer.get(`/api/fiscal/deadlines?subjectId=${move.body.id}`)).body;
      const filing = deadlines.find((d: { kind: string }) => d.kind === 'ADDRESS_CHANGE_APPLICATION');
      assert.equal(filing.isMetLate, true);
      assert.equal(deadlines.find((d: { kind: string }) => d.kind === 'ADDRESS_CHANGE_ENTRY').limit.unit, 'working_hours');
      const card = (await officer.get(`/api/fiscal/registers/${reg.body.registerId}/card`)).body;
      assert.equal(card.placeOfActivity, 'ш. Душанбе, хиёбони Исмоили Сомонӣ 12');
      assert.deepEqual(
        card.history.map((h: { kind: string }) => h.kind),
        ['registered', 'address_changed'],
      );
    });

    test('FIS-REG-21, FIS-FMR-03: re-registration after a full module installs the new one and sends the old back within 1 month', async () => {
      const business = await makeBusiness(t, officer);
      const reg = await tsc.specialist.post('/api/fiscal/applications', registrationBody(business, model.id, modules[10]!));
      const rr = await tsc.specialist.post('/api/fiscal/applications', {
        ...registrationBody(business, model.id, modules[11]!),
        kind: 're_registration',
        registerId: reg.body.registerId,
        modelId: undefined,
        manufacturerNumber: undefined,
        reRegistrationReason: 'fiscal_module_memory_full',
      });
      assert.equal(rr.status, 201, rr.text);
      assert.equal(rr.body.status, 'completed', JSON.stringify(rr.body.findings));
      const card = (await officer.get(`/api/fiscal/registers/${reg.body.registerId}/card`)).body;
      assert.equal(card.fiscalModuleNumber, modules[11]);
      assert.equal(card.registryNumber, (await officer.get(`/api/fiscal/registers/${reg.body.registerId}/card`)).body.registryNumber);
      const ret = (await tsc.specialist.get(`/api/fiscal/deadlines?subjectId=${modules[10]}`)).body[0];
      assert.equal(ret.kind, 'FISCAL_MODULE_RETURN');
      assert.equal(new Date(ret.dueAt).toISOString(), '2026-04-02T18:59:59.999Z');
    });
  });
}
