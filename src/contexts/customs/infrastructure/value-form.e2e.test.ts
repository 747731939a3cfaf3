import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Client, startTestApp, type TestApp } from '../../../../test/app.ts';
import { importDeclaration, type Signer, type TestAuthority, testAuthority, upload } from '../../../../test/customs-fixtures.ts';
import { testTargets } from '../../../../test/db.ts';
import type { DeclarationData } from '../domain/declaration.ts';
import { definitionFaults, type FieldRule, type FormKind } from '../domain/form-definition.ts';
import { FORM_FIELDS } from './form-definition.schemas.ts';

const BROKER = '010000101';
const MONDAY = '2026-03-02T05:00:00Z';
type Reason = { ground?: number; code: string; field: string };
const codes = (reasons: Reason[]) => reasons.map((r) => `${r.code} ${r.field}`).sort();

for (const target of testTargets()) {
  describe(`customs forms, value form and value communications [${target}]`, () => {
    let t: TestApp;
    let declarant: Client;
    let stranger: Client;
    let officer: Client;
    let ca: TestAuthority;
    let signer: Signer;
    let docs: { invoice: string; contract: string; cmr: string };

    // Monday 2 March 2026, 10:00 in Dushanbe.
    before(async () => {
      t = await startTestApp(target, MONDAY);
      declarant = await t.as('declarant', { tin: BROKER });
      stranger = await t.as('declarant', { tin: '030000303' });
      officer = await t.as('customs_officer');
      ca = await testAuthority();
      assert.equal((await officer.post('/api/customs/trusted-issuers', { name: 'Test CA', certificatePem: ca.certificatePem })).status, 201);
      signer = await ca.signer(BROKER);
      docs = { invoice: await upload(declarant, 'invoice'), contract: await upload(declarant, 'contract'), cmr: await upload(declarant, 'cmr') };
    });
    after(() => t.close());

    const draft = async (data: DeclarationData) => {
      const r = await declarant.post('/api/customs/declarations', { form: 'standard', data });
      assert.equal(r.status, 201, r.text);
      return r.body.id as string;
    };
    const file = async (id: string, as = declarant) => {
      const payload = await as.get(`/api/customs/declarations/${id}/signing-payload`);
      assert.equal(payload.status, 200, payload.text);
      return as.post(`/api/customs/declarations/${id}/filing`, { signature: await signer.sign(payload.body.payload), certificatePem: signer.certificatePem });
    };
    const registered = async (data = importDeclaration(docs)) => {
      const id = await draft(data);
      const r = await file(id);
      assert.equal(r.status, 200, r.text);
      return r.body as { id: string; number: string };
    };
    const definition = async (kind: FormKind, date?: string) => {
      const r = await officer.get(`/api/customs/form-definitions/${kind}${date ? `?date=${date}` : ''}`);
      assert.equal(r.status, 200, r.text);
      return r.body as { version: number; validFrom: string; validTo: string | null; rules: FieldRule[] };
    };
    const publish = (kind: FormKind, validFrom: string, rules: FieldRule[], as = officer) =>
      as.post('/api/customs/form-definitions', {
        kind,
        validFrom,
        name: { tg: 'Шакли нав', ru: 'Новая форма', en: 'New form' },
        legalBasis: 'Order of the Customs Service (test)',
        rules,
      });
    /** A full customs value form for the fixture's declaration: method 1 and the same additions. */
    const valueForm = (over: Record<string, unknown> = {}) => ({
      method: 1,
      invoiceNumber: 'INV-77',
      invoiceDate: '2026-02-20',
      transportCost: '800.00',
      insuranceCost: '150.00',
      otherCosts: '50.00',
      isRelated: false,
      hasRestrictions: false,
      hasConditions: false,
      hasRoyalties: false,
      hasResaleProceeds: false,
      documents: [
        { typeCode: 'INVOICE', number: 'INV-77', date: '2026-02-20', sha256: docs.invoice },
        { typeCode: 'CONTRACT', number: 'C-2026/4', date: '2026-01-10', sha256: docs.contract },
      ],
      ...over,
    });

    test('CUS-DEC-07, CUS-REG-10: the forms of the authorised body are versioned data: one of each kind in force, every rule naming a field of its form', async () => {
      const all = await declarant.get('/api/customs/form-definitions');
      assert.equal(all.status, 200, all.text);
      const kinds = (all.body as { kind: FormKind; version: number; validTo: string | null }[]).map((d) => [d.kind, d.version, d.validTo]);
      assert.deepEqual(kinds, [
        ['customs_value_form', 1, null],
        ['goods_declaration', 1, null],
        ['paper_declaration', 1, null],
        ['unregulated_case', 1, null],
      ]);
      for (const d of all.body as { kind: FormKind; rules: FieldRule[] }[]) assert.deepEqual(definitionFaults(d.rules, FORM_FIELDS[d.kind]), [], d.kind);
      const rules = (await definition('goods_declaration')).rules;
      assert.ok(
        rules.some((r) => r.when?.field === 'valuation.contractNumber' && r.field === 'valuation.contractDate'),
        'conditional rules are data',
      );
      const none = await officer.get('/api/customs/form-definitions/goods_declaration?date=2024-12-31');
      assert.deepEqual([none.status, none.body.code], [404, 'FORM_DEFINITION_NOT_FOUND']);
      assert.equal((await t.anon.get('/api/customs/form-definitions')).status, 401);
    });

    test('CUS-DEC-07: any form, including declaring in a case the Code does not regulate (art.124 p.13), is checked against the version in force without filing it', async () => {
      const unregulated = await declarant.post('/api/customs/form-definitions/unregulated_case/check', {
        document: { officeCode: 'DUSHANBE', declarantCode: 'not-a-code', goodsDescription: 'Гуманитарная помощь' },
      });
      assert.equal(unregulated.status, 200, unregulated.text);
      assert.equal(unregulated.body.version, 1);
      assert.deepEqual(codes(unregulated.body.violations), ['form_pattern declarantCode', 'form_required circumstances']);
      const value = await declarant.post('/api/customs/form-definitions/customs_value_form/check', { document: valueForm({ method: 3, isRelated: true }) });
      assert.deepEqual(codes(value.body.violations), ['form_required methodReasons', 'form_required relationInfluence']);
    });

    test('CUS-DEC-07, CUS-DEC-39: a paper declaration is judged by the paper form (art.124 p.10), not the electronic one', async () => {
      const v1 = await definition('paper_declaration');
      const paperRules: FieldRule[] = [...v1.rules, { field: 'consignee.tin', required: true }];
      const published = await publish('paper_declaration', '2026-03-02', paperRules);
      assert.equal(published.status, 201, published.text);
      const outage = await officer.post('/api/customs/outages', {
        startedAt: '2026-03-02T09:00:00+05:00',
        cause: 'communication_outage',
        description: 'Канали интернет қатъ шуд',
        officeCodes: ['DUSHANBE'],
      });
      assert.equal(outage.status, 201, outage.text);
      const data = importDeclaration(docs, { consignee: { name: 'ҶДММ «Брокери намунавӣ»', country: 'TJ', address: 'Душанбе, Рӯдакӣ 1' } });
      const paper = await officer.post('/api/customs/declarations/paper', { form: 'standard', data, filerTin: BROKER });
      assert.equal(paper.status, 201, paper.text);
      assert.equal(paper.body.state, 'NOT_ACCEPTED');
      assert.deepEqual(paper.body.notAcceptedReasons, [{ ground: 4, code: 'form_required', field: 'consignee.tin' }]);
      // The same data filed electronically meet the electronic form in force today.
      const electronic = await file(await draft(data));
      assert.equal(electronic.status, 200, electronic.text);
      // A declaration that was not accepted has no customs value to declare or discuss.
      const form = await declarant.post(`/api/customs/declarations/${paper.body.id}/value-form`, valueForm());
      assert.deepEqual([form.status, form.body.code], [409, 'VALUE_FORM_STATE_INVALID']);
      const request = await officer.post(`/api/customs/declarations/${paper.body.id}/value-communications`, {
        kind: 'documents_request',
        channel: 'electronic',
        subject: 'x',
        body: 'x',
        documents: [],
      });
      assert.deepEqual([request.status, request.body.code], [409, 'VALUE_COMMUNICATION_STATE_INVALID']);
    });

    test('CUS-REG-08, CUS-REG-10: the electronic customs value form, with the declaration or separately, checked against the form in force, its documents electronic copies, every version kept', async () => {
      const id = await draft(importDeclaration(docs, { valuation: { method: 1, transportCost: '800.00', insuranceCost: '150.00', otherCosts: '50.00' } }));
      // Before one is submitted: the form as the declaration's valuation gives it, and what it still lacks.
      const derived = await declarant.get(`/api/customs/declarations/${id}/value-form`);
      assert.equal(derived.status, 200, derived.text);
      assert.deepEqual([derived.body.current.version, derived.body.current.source, derived.body.versions.length], [0, 'declaration', 0]);
      assert.equal(derived.body.current.data.invoiceNumber, 'INV-77');
      assert.deepEqual(
        derived.body.current.data.documents.map((d: { sha256: string }) => d.sha256),
        [docs.invoice, docs.contract],
      );
      assert.deepEqual(codes(derived.body.current.violations), [
        'form_required hasConditions',
        'form_required hasResaleProceeds',
        'form_required hasRestrictions',
        'form_required hasRoyalties',
        'form_required isRelated',
      ]);

      const bad = await declarant.post(
        `/api/customs/declarations/${id}/value-form`,
        valueForm({
          method: 2,
          isRelated: undefined,
          documents: [
            { typeCode: 'PRICE-LIST', number: 'P-1', date: '2026-02-01', sha256: 'f'.repeat(64) },
            { typeCode: 'INVOICE', number: 'INV-77', date: '2026-02-20' },
          ],
        }),
      );
      assert.deepEqual([bad.status, bad.body.code], [422, 'VALUE_FORM_INVALID']);
      assert.deepEqual(codes(bad.body.details.reasons), [
        'differs_from_declaration method',
        'document_not_uploaded documents[0].sha256',
        'document_type_unknown documents[0].typeCode',
        'form_required documents[1].sha256',
        'form_required isRelated',
        'form_required methodReasons',
      ]);
      assert.equal((await officer.post(`/api/customs/declarations/${id}/value-form`, valueForm())).status, 403);
      assert.deepEqual((await stranger.post(`/api/customs/declarations/${id}/value-form`, valueForm())).body.code, 'DECLARATION_NOT_FOUND');

      // With the declaration: submitted on its draft.
      const first = await declarant.post(`/api/customs/declarations/${id}/value-form`, valueForm());
      assert.equal(first.status, 201, first.text);
      assert.deepEqual([first.body.current.version, first.body.current.source, first.body.current.definitionVersion], [1, 'with_declaration', 1]);
      assert.deepEqual(first.body.current.differences, []);

      // Separately, once the declaration is filed (art.361 p.1): a new version; customs is told.
      const filed = await file(id);
      assert.equal(filed.status, 200, filed.text);
      const priceList = await upload(declarant, 'price-list');
      const second = await declarant.post(
        `/api/customs/declarations/${id}/value-form`,
        valueForm({
          isRelated: true,
          relationInfluence: 'Нарх ба бозор мувофиқ аст / цена соответствует рыночной',
          documents: [...valueForm().documents, { typeCode: 'CONTRACT', number: 'C-2026/4-A', date: '2026-02-01', sha256: priceList }],
        }),
      );
      assert.equal(second.status, 201, second.text);
      const seen = await officer.get(`/api/customs/declarations/${id}/value-form`);
      assert.equal(seen.status, 200, seen.text);
      assert.deepEqual(
        seen.body.versions.map((v: { version: number; source: string }) => [v.version, v.source]),
        [
          [1, 'with_declaration'],
          [2, 'separate'],
        ],
      );
      assert.equal(seen.body.current.data.isRelated, true);
      assert.equal(seen.body.customsValueDirams, '17520000', 'the declaration’s valuation is still what was assessed');
      assert.equal(seen.body.declarationNumber, filed.body.number);
      const notices = (await officer.get('/api/notifications')).body.items as { kind: string }[];
      assert.ok(notices.some((n) => n.kind === 'customs_value_form_submitted'));

      // Its documents are the electronic copies, readable by customs and the declarant; nothing else is served.
      const copy = await officer.get(`/api/customs/declarations/${id}/value-form/documents/${priceList}`);
      assert.deepEqual([copy.status, copy.text], [200, '%PDF-1.4 price-list']);
      assert.equal((await declarant.get(`/api/customs/declarations/${id}/value-form/documents/${docs.cmr}`)).status, 404);
      assert.equal((await stranger.get(`/api/customs/declarations/${id}/value-form/documents/${priceList}`)).status, 404);
      // A version once stored stays as it was.
      await assert.rejects(t.db.query('UPDATE customs.value_forms SET source = $1 WHERE declaration_id = $2', ['separate', id]), /append-only/);
    });

    test('CUS-REG-11, CUS-DEC-84: customs value requests, decisions and answers are recorded as electronic or written with the times sent and delivered, listed per declaration; the declarant sees those addressed to it', async () => {
      const draftId = await draft(importDeclaration(docs));
      const early = await officer.post(`/api/customs/declarations/${draftId}/value-communications`, {
        kind: 'documents_request',
        channel: 'electronic',
        subject: 'x',
        body: 'x',
        documents: [],
      });
      assert.deepEqual([early.status, early.body.code], [409, 'VALUE_COMMUNICATION_STATE_INVALID']);

      const { id } = await registered();
      const base = `/api/customs/declarations/${id}/value-communications`;
      // Art.364 p.1 i.3: customs asks electronically; it is in the declarant's cabinet at once.
      const request = await officer.post(base, {
        kind: 'documents_request',
        channel: 'electronic',
        subject: 'Нархнома / прайс-лист',
        body: 'Пешниҳод кунед нархномаи фурӯшанда / представьте прайс-лист продавца',
        documents: [],
        answerDueOn: '2026-03-05',
      });
      assert.equal(request.status, 201, request.text);
      assert.deepEqual(
        [request.body.direction, request.body.channel, request.body.legalBasis, request.body.sentAt, request.body.deliveredAt, request.body.addresseeCode],
        ['to_declarant', 'electronic', 'art.364 p.1 i.3', '2026-03-02T05:00:00.000Z', '2026-03-02T05:00:00.000Z', BROKER],
      );
      const inbox = (await declarant.get('/api/notifications')).body.items as { kind: string; body: { ru: string } }[];
      assert.ok(inbox.some((n) => n.kind === 'customs_value_communication' && /ст\.364 ч\.1 п\.3/.test(n.body.ru)));

      // The declarant answers electronically, with an uploaded copy; an answer names what it answers.
      t.clock.set('2026-03-02T05:10:00Z');
      const priceList = await upload(declarant, 'seller-price-list');
      const unanchored = await declarant.post(base, { kind: 'declarant_answer', channel: 'electronic', subject: 'Ответ', body: '', documents: [priceList] });
      assert.deepEqual([unanchored.status, unanchored.body.code], [422, 'VALUE_COMMUNICATION_INVALID']);
      assert.deepEqual(codes(unanchored.body.details.reasons), ['must_answer_documents_request inReplyTo']);
      const answer = await declarant.post(base, {
        kind: 'declarant_answer',
        channel: 'electronic',
        subject: 'Прайс-лист',
        body: 'Прилагаем',
        documents: [priceList],
        inReplyTo: request.body.id,
      });
      assert.equal(answer.status, 201, answer.text);
      assert.deepEqual([answer.body.direction, answer.body.inReplyTo], ['to_customs', request.body.id]);
      const forged = await declarant.post(base, {
        kind: 'value_decision',
        channel: 'electronic',
        subject: 'x',
        body: 'x',
        decision: 'accepted',
        documents: [],
      });
      assert.deepEqual(codes(forged.body.details.reasons), ['not_yours_to_record kind']);

      // Art.365 p.1 i.2: the decision goes out in writing; delivered when its delivery is recorded.
      t.clock.set('2026-03-02T07:00:00Z');
      const decision = await officer.post(base, {
        kind: 'value_decision',
        channel: 'written',
        subject: 'Решение о корректировке',
        body: 'Таможенная стоимость скорректирована по методу 1 с учётом прайс-листа',
        decision: 'adjusted',
        documents: [],
        sentAt: '2026-03-02T11:30:00+05:00',
      });
      assert.equal(decision.status, 201, decision.text);
      assert.deepEqual([decision.body.channel, decision.body.sentAt, decision.body.deliveredAt], ['written', '2026-03-02T06:30:00.000Z', null]);
      const deliveries = `${base}/${decision.body.id}/delivery`;
      const tooEarly = await officer.post(deliveries, { deliveredAt: '2026-03-02T10:00:00+05:00' });
      assert.deepEqual(codes(tooEarly.body.details.reasons), ['delivered_before_sent deliveredAt']);
      const delivered = await officer.post(deliveries, { deliveredAt: '2026-03-02T11:45:00+05:00' });
      assert.equal(delivered.status, 200, delivered.text);
      assert.equal(delivered.body.deliveredAt, '2026-03-02T06:45:00.000Z');
      assert.equal((await officer.post(deliveries, { deliveredAt: '2026-03-02T11:50:00+05:00' })).body.code, 'VALUE_COMMUNICATION_STATE_INVALID');
      assert.equal((await officer.post(`${base}/${request.body.id}/delivery`, { deliveredAt: '2026-03-02T11:50:00+05:00' })).status, 409);

      // Art.365 p.2: the declarant's written request for an explanation, keyed in at the desk, and the electronic explanation.
      const asked = await officer.post(base, {
        kind: 'explanation_request',
        channel: 'written',
        subject: 'Просим объяснить',
        body: 'Письмо декларанта № 12',
        documents: [],
        sentAt: '2026-03-02T11:00:00+05:00',
        deliveredAt: '2026-03-02T11:55:00+05:00',
      });
      assert.equal(asked.status, 201, asked.text);
      const explained = await officer.post(base, {
        kind: 'explanation',
        channel: 'electronic',
        subject: 'Объяснение',
        body: 'Стоимость определена по цене сделки с добавлением расходов по прайс-листу',
        documents: [],
        inReplyTo: asked.body.id,
      });
      assert.equal(explained.status, 201, explained.text);
      t.clock.set(MONDAY);

      const listed = await declarant.get(base);
      assert.equal(listed.status, 200, listed.text);
      assert.deepEqual(
        (listed.body as { kind: string; channel: string; recordedBy: string | null }[]).map((c) => [c.kind, c.channel, c.recordedBy]),
        [
          ['documents_request', 'electronic', null],
          ['declarant_answer', 'electronic', null],
          ['explanation_request', 'written', null],
          ['value_decision', 'written', null],
          ['explanation', 'electronic', null],
        ],
      );
      const forCustoms = (await officer.get(base)).body as { recordedBy: string }[];
      assert.ok(forCustoms.every((c) => c.recordedBy.length > 0));
      assert.equal((await stranger.get(base)).body.code, 'DECLARATION_NOT_FOUND');

      // The declarant's inbox: customs' communications addressed to it; customs' inbox: the declarants'.
      const mine = (await declarant.get('/api/customs/value-communications')).body as { kind: string; declarationNumber: string }[];
      assert.deepEqual(mine.map((c) => c.kind).sort(), ['documents_request', 'explanation', 'value_decision']);
      assert.deepEqual((await stranger.get('/api/customs/value-communications')).body, []);
      const incoming = (await officer.get('/api/customs/value-communications')).body as { kind: string }[];
      assert.deepEqual(incoming.map((c) => c.kind).sort(), ['declarant_answer', 'explanation_request']);
      // The answer's copy is served with the declaration.
      const copy = await officer.get(`/api/customs/declarations/${id}/value-form/documents/${priceList}`);
      assert.deepEqual([copy.status, copy.text], [200, '%PDF-1.4 seller-price-list']);
    });

    // Last: it moves the clock two days on, past the other sessions.
    test('CUS-DEC-07, CUS-DEC-39: customs publishes a new version from a day, the old one ends the day before, and a declaration is judged by the version in force on its filing day, every broken rule with its field', async () => {
      const v1 = await definition('goods_declaration');
      const stricter: FieldRule[] = [
        ...v1.rules,
        { field: 'consignee.tin', required: true, when: { field: 'consignee.country', equals: 'TJ' } },
        { field: 'deliveryTerms', pattern: '(EXW|FCA|CPT|CIP|DAP|DPU|DDP|FAS|FOB|CFR|CIF) .+' },
        { field: 'transport.borderOfficeCode', required: true },
      ];
      const byDeclarant = await publish('goods_declaration', '2026-03-04', stricter, declarant);
      assert.deepEqual([byDeclarant.status, byDeclarant.body.code], [403, 'FORBIDDEN']);
      const past = await publish('goods_declaration', '2026-03-01', stricter);
      assert.deepEqual([past.status, past.body.code], [422, 'FORM_DEFINITION_PAST_DATED']);
      const malformed = await publish('goods_declaration', '2026-03-04', [
        { field: 'consignee.inn', required: true },
        { field: 'currency', pattern: '[A-Z' },
      ]);
      assert.deepEqual([malformed.status, malformed.body.code], [422, 'FORM_DEFINITION_INVALID']);
      assert.deepEqual(codes(malformed.body.details.faults), ['field_unknown rules[0].field', 'pattern_invalid rules[1].pattern']);

      const v2 = await publish('goods_declaration', '2026-03-04', stricter);
      assert.equal(v2.status, 201, v2.text);
      assert.deepEqual([v2.body.version, v2.body.validFrom, v2.body.validTo], [2, '2026-03-04', null]);
      const overlap = await publish('goods_declaration', '2026-03-04', stricter);
      assert.deepEqual([overlap.status, overlap.body.code], [409, 'FORM_DEFINITION_OVERLAP']);
      const history = (await officer.get('/api/customs/form-definitions?kind=goods_declaration')).body as {
        version: number;
        validFrom: string;
        validTo: string | null;
      }[];
      assert.deepEqual(
        history.map((d) => [d.version, d.validFrom, d.validTo]),
        [
          [1, '2025-01-01', '2026-03-03'],
          [2, '2026-03-04', null],
        ],
      );
      assert.equal((await definition('goods_declaration', '2026-03-03')).version, 1);
      assert.equal((await definition('goods_declaration', '2026-03-04')).version, 2);

      const loose = importDeclaration(docs, {
        consignee: { name: 'ҶДММ «Брокери намунавӣ»', country: 'TJ', address: 'Душанбе, Рӯдакӣ 1' },
        deliveryTerms: 'Kashgar',
      });
      const early = await draft(loose);
      const late = await draft(loose);
      // Filed on Monday, under version 1: registered.
      assert.equal((await file(early)).status, 200);
      try {
        t.clock.set('2026-03-04T05:00:00Z');
        // Two days on, the session of Monday has expired: the declarant logs in again.
        const wednesday = await t.login(BROKER, 'secret-123456');
        const refused = await file(late, wednesday);
        assert.deepEqual([refused.status, refused.body.code], [422, 'DECLARATION_NOT_REGISTERABLE']);
        const reasons = refused.body.details.reasons as Reason[];
        assert.deepEqual(
          reasons.filter((r) => r.code.startsWith('form_')).map((r) => [r.ground, r.code, r.field]),
          [
            [4, 'form_required', 'consignee.tin'],
            [4, 'form_pattern', 'deliveryTerms'],
            [4, 'form_required', 'transport.borderOfficeCode'],
          ],
        );
        assert.deepEqual(
          reasons.filter((r) => !r.code.startsWith('form_')),
          [],
          'nothing else is wrong with it',
        );
        // Filled in as version 2 wants, the same draft registers.
        const fixed = await wednesday.put(`/api/customs/declarations/${late}`, {
          form: 'standard',
          data: importDeclaration(docs, { transport: { mode: 'road', vehicles: ['01 TJ 1234 AA'], nationality: 'TJ', borderOfficeCode: 'PANJI-POYON' } }),
        });
        assert.equal(fixed.status, 200, fixed.text);
        assert.equal((await file(late, wednesday)).status, 200);
      } finally {
        t.clock.set(MONDAY);
      }
    });
  });
}
