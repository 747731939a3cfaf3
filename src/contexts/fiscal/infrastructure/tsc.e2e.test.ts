import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { type Client, startTestApp, type TestApp } from '../../../../test/app.ts';
import { testTargets } from '../../../../test/db.ts';
import { makeInspectorate, makeModel, makeSpecialist } from '../../../../test/fiscal-factories.ts';
import { verifyAuditChain } from '../../../platform/audit.ts';
import { businesses, registers } from './schema.ts';

/** Monday 6 April 2026, 10:00 in Dushanbe: no holiday for the next month. */
const MONDAY = '2026-04-06T05:00:00Z';
const b64 = (text: string) => Buffer.from(text).toString('base64');
const doc = (kind: string) => ({ kind, fileName: `${kind}.pdf`, mediaType: 'application/pdf', contentBase64: b64(`%PDF-1.4 ${kind}`) });
const FULL_SET = ['manufacturer_contract', 'premises_document', 'call_centre_information', 'certified_employees'].map(doc);
const application = (over: Record<string, unknown> = {}) => ({
  name: 'ҶДММ «Хизмати Касса»',
  headName: 'Раҳимов Фарҳод',
  address: 'ш. Душанбе, к. Рӯдакӣ 10',
  phone: '+992 37 221 00 00',
  website: 'https://khizmat.tj',
  callCentrePhone: '+992 37 100 00 00',
  attachments: FULL_SET,
  ...over,
});
type Inbox = { kind: string; body: { tg: string; ru: string; en: string } }[];
const inbox = async (c: Client): Promise<Inbox> => (await c.get('/api/notifications?limit=200')).body.items;
const kinds = async (c: Client) => (await inbox(c)).map((n) => n.kind);
const deadline = (view: { deadlines: { kind: string }[] }, kind: string) => view.deadlines.find((d) => d.kind === kind) as Record<string, unknown> | undefined;

for (const target of testTargets()) {
  describe(`state registry of TSCs over HTTP [${target}]`, () => {
    let t: TestApp;
    let officer: Client;
    let admin: Client;
    let applicant: Client;
    let firstId: string;
    let tscId: string;
    let head: Client;
    const count = async (table: string) => Number((await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]?.n);

    before(async () => {
      t = await startTestApp(target, MONDAY);
      officer = await t.as('tax_officer');
      admin = await t.as('operator_admin');
      applicant = await t.as('business', { tin: '300000001' });
    });
    after(() => t.close());

    test('FIS-TSC-06, FIS-TSC-07, FIS-TSC-08, FIS-TSC-09, FIS-TSC-10, FIS-TSC-04, FIS-TSC-15: a legal entity applies with the four documents of p.100, free of charge; the decision is due 15 working days later', async () => {
      const r = await applicant.post('/api/fiscal/tsc-applications', application());
      assert.equal(r.status, 201, r.text);
      firstId = r.body.id;
      assert.equal(r.body.status, 'received');
      assert.equal(r.body.applicantTin, '300000001');
      assert.equal(r.body.decisionDueAt, '2026-04-27T12:00:00.000Z', 'Monday + 15 working days = Monday 27 April, close of office');
      assert.deepEqual(r.body.missingAttachments, []);
      assert.equal(r.body.attachments.length, 4);
      const contract = r.body.attachments.find((a: { kind: string }) => a.kind === 'manufacturer_contract');
      assert.equal(contract.sha256, createHash('sha256').update('%PDF-1.4 manufacturer_contract').digest('hex'));
      assert.equal(contract.sizeBytes, Buffer.byteLength('%PDF-1.4 manufacturer_contract'));
      const due = deadline(r.body, 'TSC_DECISION');
      assert.equal(due?.dueAt, '2026-04-27T12:00:00.000Z');
      assert.equal(due?.responsibleKind, 'authorised_body');
      assert.equal(due?.legalRef, 'p.104');
      assert.equal(due?.metAt, null);
      assert.equal(await count('fiscal.attachments'), 4);
      const mine = await inbox(applicant);
      assert.ok(mine.some((n) => n.kind === 'tsc_application.received' && n.body.en.includes('free of charge') && n.body.en.includes('2026-04-27')));
      assert.ok((await kinds(officer)).includes('tsc_application.to_decide'));
      const file = await officer.get(`/api/fiscal/tsc-applications/${firstId}/attachments/${contract.id}`);
      assert.equal(file.status, 200, file.text);
      assert.equal(Buffer.from(file.body.contentBase64, 'base64').toString(), '%PDF-1.4 manufacturer_contract');
    });

    test('ATTACHMENT_INVALID: bad base64, an empty file or one over 5 MB is refused and nothing is written', async () => {
      const other = await t.as('business', { tin: '300000009' });
      const before = [await count('fiscal.tsc_applications'), await count('fiscal.attachments'), await count('platform.audit_log')];
      const bad = [
        { ...doc('premises_document'), contentBase64: 'not base64 at all!' },
        { ...doc('premises_document'), contentBase64: '' },
        { ...doc('premises_document'), contentBase64: Buffer.alloc(5 * 1024 * 1024 + 1, 1).toString('base64') },
      ];
      for (const [i, attachment] of bad.entries()) {
        const r = await other.post('/api/fiscal/tsc-applications', application({ attachments: [doc('manufacturer_contract'), attachment] }));
        assert.equal(r.status, 422, `case ${i}: ${r.text.slice(0, 300)}`);
        assert.equal(r.body.code, 'ATTACHMENT_INVALID');
        assert.equal(r.body.field, 'body.attachments[1].contentBase64');
      }
      assert.deepEqual([await count('fiscal.tsc_applications'), await count('fiscal.attachments'), await count('platform.audit_log')], before);
    });

    test('FIS-TSC-11, FIS-TSC-14: inconsistencies open an on-site check due within 1 working day; only confirmed ones are a ground for refusal', async () => {
      const early = await officer.post(`/api/fiscal/tsc-applications/${firstId}/refuse`, {
        letterNumber: 'R-1',
        grounds: [{ code: 'DATA_DISCREPANCY', detail: 'Address differs' }],
      });
      assert.equal(early.status, 409, early.text);
      assert.equal(early.body.code, 'TSC_DISCREPANCY_NOT_CHECKED');
      assert.equal((await officer.get(`/api/fiscal/tsc-applications/${firstId}`)).body.status, 'received');

      const notOfficer = await admin.post(`/api/fiscal/tsc-applications/${firstId}/site-check`, { inconsistencies: 'x' });
      assert.equal(notOfficer.status, 403);
      const check = await officer.post(`/api/fiscal/tsc-applications/${firstId}/site-check`, {
        inconsistencies: 'The premises contract names another address',
      });
      assert.equal(check.status, 200, check.text);
      assert.equal(check.body.status, 'site_check');
      assert.equal(check.body.siteCheckDueAt, '2026-04-07T12:00:00.000Z');
      assert.equal(deadline(check.body, 'TSC_SITE_CHECK')?.dueAt, '2026-04-07T12:00:00.000Z');
      assert.ok((await kinds(applicant)).includes('tsc_application.site_check'));
      const again = await officer.post(`/api/fiscal/tsc-applications/${firstId}/site-check`, { inconsistencies: 'again' });
      assert.equal(again.body.code, 'TSC_SITE_CHECK_OPEN');

      // Sessions last 12 hours: the day's work goes on the same afternoon.
      t.clock.set('2026-04-06T10:00:00Z');
      const refused = await officer.post(`/api/fiscal/tsc-applications/${firstId}/refuse`, {
        letterNumber: 'R-15/2026',
        grounds: [{ code: 'DATA_DISCREPANCY', detail: 'The premises at Rudaki 10 belong to a tax inspectorate (p.91)' }],
      });
      assert.equal(refused.status, 200, refused.text);
      assert.equal(refused.body.status, 'refused');
      assert.equal(refused.body.decisionNumber, 'R-15/2026');
      assert.deepEqual(refused.body.refusalGrounds, [
        { code: 'DATA_DISCREPANCY', ref: 'p.103 (2)', detail: 'The premises at Rudaki 10 belong to a tax inspectorate (p.91)' },
      ]);
      assert.equal(deadline(refused.body, 'TSC_DECISION')?.metAt, '2026-04-06T10:00:00.000Z');
      assert.equal(deadline(refused.body, 'TSC_SITE_CHECK')?.metAt, '2026-04-06T10:00:00.000Z');
      const letter = (await inbox(applicant)).find((n) => n.kind === 'tsc_application.refused');
      assert.ok(letter?.body.en.includes('p.103 (2): The premises at Rudaki 10'), letter?.body.en);
      assert.ok(letter?.body.tg.includes('R-15/2026'));
      const twice = await officer.post(`/api/fiscal/tsc-applications/${firstId}/include`, { decisionNumber: 'Q-1' });
      assert.equal(twice.status, 409);
      assert.equal(twice.body.code, 'TSC_APPLICATION_DECIDED');
    });

    test('FIS-TSC-01, FIS-TSC-03, FIS-TSC-16, FIS-TSC-12, FIS-TSC-15, FIS-TSC-02: after a refusal the entity applies again; on inclusion it gets the decision and is published', async () => {
      const second = await applicant.post('/api/fiscal/tsc-applications', application());
      assert.equal(second.status, 201, second.text);
      assert.equal(second.body.previousApplicationId, firstId);
      const third = await applicant.post('/api/fiscal/tsc-applications', application());
      assert.equal(third.status, 409);
      assert.equal(third.body.code, 'TSC_APPLICATION_PENDING');

      const included = await officer.post(`/api/fiscal/tsc-applications/${second.body.id}/include`, { decisionNumber: 'Q-101/2026' });
      assert.equal(included.status, 200, included.text);
      assert.equal(included.body.status, 'included');
      tscId = included.body.tscId;
      assert.equal(deadline(included.body, 'TSC_DECISION')?.metAt, '2026-04-06T10:00:00.000Z');
      const tsc = await admin.get(`/api/fiscal/tscs/${tscId}`);
      assert.equal(tsc.status, 200);
      assert.equal(tsc.body.status, 'included');
      assert.equal(tsc.body.access, 'active');
      assert.equal(tsc.body.decisionNumber, 'Q-101/2026');
      assert.equal(tsc.body.tin, '300000001');
      const copy = (await inbox(applicant)).find((n) => n.kind === 'tsc_application.included');
      assert.ok(copy?.body.ru.includes('Q-101/2026'));

      const published = await t.anon.get('/api/public/tscs');
      assert.equal(published.status, 200);
      assert.deepEqual(
        published.body.map((p: Record<string, unknown>) => [p.name, p.website, p.callCentrePhone, p.branches]),
        [['ҶДММ «Хизмати Касса»', 'https://khizmat.tj', '+992 37 100 00 00', []]],
      );
      const dup = await applicant.post('/api/fiscal/tsc-applications', application());
      assert.equal(dup.body.code, 'TSC_ALREADY_INCLUDED');
    });

    test('FIS-TSC-13: an application lacking documents cannot be included, only refused on ground 1; staff enter paper applications', async () => {
      const noTin = await officer.post('/api/fiscal/tsc-applications', application());
      assert.equal(noTin.status, 400);
      assert.equal(noTin.body.field, 'body.applicantTin');
      const paper = await officer.post(
        '/api/fiscal/tsc-applications',
        application({ applicantTin: '300000002', name: 'ҶДММ «Техсервис»', attachments: FULL_SET.slice(0, 2) }),
      );
      assert.equal(paper.status, 201, paper.text);
      assert.deepEqual(paper.body.missingAttachments, ['call_centre_information', 'certified_employees']);
      assert.equal(paper.body.createdBy.startsWith('tax_officer:'), true);
      const tscsBefore = await count('fiscal.tscs');
      const include = await officer.post(`/api/fiscal/tsc-applications/${paper.body.id}/include`, { decisionNumber: 'Q-2' });
      assert.equal(include.status, 422, include.text);
      assert.equal(include.body.code, 'TSC_DOCUMENTS_INCOMPLETE');
      assert.deepEqual(include.body.details.missing, ['call_centre_information', 'certified_employees']);
      assert.equal(await count('fiscal.tscs'), tscsBefore);
      assert.equal((await officer.get(`/api/fiscal/tsc-applications/${paper.body.id}`)).body.status, 'received');
      const refused = await officer.post(`/api/fiscal/tsc-applications/${paper.body.id}/refuse`, {
        letterNumber: 'R-16',
        grounds: [{ code: 'DOCUMENTS_INCOMPLETE', detail: 'Not submitted (p.100): call_centre_information, certified_employees' }],
      });
      assert.equal(refused.status, 200, refused.text);
      assert.equal(refused.body.refusalGrounds[0].ref, 'p.103 (1)');
    });

    test('a business sees only its own applications and cannot apply for another TIN; other roles cannot read them', async () => {
      const other = await t.as('business', { tin: '300000003' });
      const peek = await other.get(`/api/fiscal/tsc-applications/${firstId}`);
      assert.equal(peek.status, 404);
      assert.equal(peek.body.code, 'TSC_APPLICATION_NOT_FOUND');
      assert.deepEqual((await other.get('/api/fiscal/tsc-applications')).body, []);
      assert.equal((await applicant.get('/api/fiscal/tsc-applications')).body.length, 2);
      const forged = await other.post('/api/fiscal/tsc-applications', application({ applicantTin: '300000001' }));
      assert.equal(forged.status, 403);
      const all = await officer.get('/api/fiscal/tsc-applications?status=refused');
      assert.equal(all.body.length, 2);
      const specialist = await makeSpecialist(t, tscId);
      assert.equal((await specialist.get('/api/fiscal/tsc-applications')).status, 403);
    });

    test('FIS-ACC-02, FIS-ACC-03, FIS-ACC-06: the operator registers the first specialist, then suspends and restores the TSC’s access by decision of the authorised body', async () => {
      const applied = await admin.post(`/api/fiscal/tscs/${tscId}/specialists`, {
        fullName: 'Каримов Алишер',
        certificateNumber: 'CERT-001',
        certificateIssuer: 'ООО «Касса-Сервис» (изготовитель)',
        login: 'karimov.khizmat',
      });
      assert.equal(applied.status, 201, applied.text);
      const registered = await admin.post(`/api/fiscal/specialists/${applied.body.id}/register`);
      assert.equal(registered.status, 200, registered.text);
      assert.equal(registered.body.credentials.login, 'karimov.khizmat');
      assert.ok(registered.body.credentials.initialPassword.length >= 12);
      assert.equal(registered.body.specialist.status, 'registered');
      head = await t.login('karimov.khizmat', registered.body.credentials.initialPassword);
      assert.equal((await head.get(`/api/fiscal/tscs/${tscId}`)).status, 200);
      const again = await admin.get(`/api/fiscal/specialists/${applied.body.id}`);
      assert.equal(again.body.initialPassword, undefined, 'the password is shown once');

      const byOfficer = await officer.post(`/api/fiscal/tscs/${tscId}/suspend-access`, { decisionReference: 'Q-7' });
      assert.equal(byOfficer.status, 403);
      const suspended = await admin.post(`/api/fiscal/tscs/${tscId}/suspend-access`, {
        decisionReference: 'Decision of the Tax Committee No 7 of 7 April 2026',
      });
      assert.equal(suspended.status, 200, suspended.text);
      assert.equal(suspended.body.access, 'suspended');
      assert.equal(suspended.body.accessDecision, 'Decision of the Tax Committee No 7 of 7 April 2026');
      const shut = await head.get(`/api/fiscal/tscs/${tscId}`);
      assert.equal(shut.status, 401);
      assert.equal(shut.body.code, 'UNAUTHENTICATED');
      assert.ok((await kinds(applicant)).includes('tsc.access_suspended'), 'the TSC reads it in its taxpayer cabinet');
      assert.equal((await t.anon.get('/api/public/tscs')).body.length, 1, 'a suspended TSC stays in the registry');
      const twice = await admin.post(`/api/fiscal/tscs/${tscId}/suspend-access`, { decisionReference: 'again' });
      assert.equal(twice.body.code, 'TSC_ACCESS_UNCHANGED');

      const restored = await admin.post(`/api/fiscal/tscs/${tscId}/restore-access`, { decisionReference: 'Decision No 9' });
      assert.equal(restored.status, 200, restored.text);
      assert.equal(restored.body.access, 'active');
      assert.equal((await head.get(`/api/fiscal/tscs/${tscId}`)).status, 200);
    });

    test('FIS-TSC-17, FIS-TSC-18, FIS-TSC-19, FIS-TSC-20, FIS-TSC-21, FIS-TSC-22, FIS-TSC-23, FIS-TSC-24, FIS-BRN-10, FIS-FMR-04: removal cuts access, deregisters the branches, owes the modules back in 5 days and notifies the TSC and the businesses within 3 days', async () => {
      // A registered branch with its own specialist.
      const branch = await head.post(`/api/fiscal/tscs/${tscId}/branches`, {
        name: 'Филиали Хуҷанд',
        region: 'Суғд',
        address: 'ш. Хуҷанд, к. Ленин 5',
        phone: '+992 34 222 00 00',
        specialist: { fullName: 'Саидов Бахтиёр', certificateNumber: 'CERT-002', certificateIssuer: 'ООО «Касса-Сервис»', login: 'saidov.khujand' },
      });
      assert.equal(branch.status, 201, branch.text);
      const branchId = branch.body.id;
      assert.equal((await admin.post(`/api/fiscal/branches/${branchId}/register`)).status, 200);
      const creds = (await admin.post(`/api/fiscal/specialists/${branch.body.specialists[0].id}/register`)).body.credentials;
      const branchSpecialist = await t.login(creds.login, creds.initialPassword);
      assert.equal((await branchSpecialist.get(`/api/fiscal/branches/${branchId}`)).status, 200);

      // Modules: two held, one owed already under p.98, one installed at a business.
      const supplied = await admin.post(`/api/fiscal/tscs/${tscId}/fiscal-modules`, {
        modules: ['FM-R1', 'FM-R2', 'FM-R3', 'FM-R4'].map((number) => ({ number, manufacturerNumber: `M-${number}` })),
      });
      assert.equal(supplied.status, 201, supplied.text);
      for (const n of ['FM-R2', 'FM-R3', 'FM-R4']) assert.equal((await head.post(`/api/fiscal/fiscal-modules/${n}/register`)).status, 200);
      assert.equal((await head.post('/api/fiscal/fiscal-modules/FM-R3/receive-back', { reason: 'faulty' })).status, 200);

      // Businesses served by the TSC and by its branch (registers entered by the registration use case).
      const inspectorate = await makeInspectorate(t);
      const model = await makeModel(t);
      const served = [
        { tin: '400000001', branchId: null, module: 'FM-R4' },
        { tin: '400000002', branchId, module: 'FM-X9' },
      ];
      for (const s of served) {
        const now = t.clock.now();
        await t.db.db.insert(businesses).values({
          tin: s.tin,
          name: `Мағозаи ${s.tin}`,
          kind: 'legal_entity',
          legalAddress: 'ш. Душанбе',
          inspectorateCode: inspectorate,
          taxRegime: 'general',
          isVatPayer: false,
          createdAt: now,
          updatedAt: now,
        });
        await t.db.db.insert(registers).values({
          id: randomUUID(),
          registryNumber: `R-${s.tin}`,
          kind: 'virtual',
          modelId: model.id,
          manufacturerNumber: `VCR-${s.tin}`,
          softwareVersion: '1.0.0',
          fiscalModuleNumber: s.module,
          businessTin: s.tin,
          businessDataVersion: 1,
          placeOfActivity: 'ш. Душанбе, к. Айнӣ 5',
          inspectorateCode: inspectorate,
          tscId,
          branchId: s.branchId,
          status: 'registered',
          registeredAt: now,
          nextInspectionDueAt: now,
          updatedAt: now,
        });
      }
      await t.db.query(`UPDATE fiscal.fiscal_modules SET status = 'installed' WHERE number = 'FM-R4'`);
      const shopA = await t.as('business', { tin: '400000001' });
      const shopB = await t.as('business', { tin: '400000002' });

      const removed = await officer.post(`/api/fiscal/tscs/${tscId}/remove`, { ground: 'unauthorised_parameter_change', decisionNumber: 'Q-77/2026' });
      assert.equal(removed.status, 200, removed.text);
      assert.equal(removed.body.status, 'removed');
      assert.equal(removed.body.removalGround, 'unauthorised_parameter_change');
      assert.equal(removed.body.removalDecision, 'Q-77/2026');
      const now = '2026-04-06T10:00:00.000Z';
      assert.deepEqual(deadline(removed.body, 'TSC_REMOVAL_NOTICE'), {
        kind: 'TSC_REMOVAL_NOTICE',
        legalRef: 'p.108',
        responsibleKind: 'authorised_body',
        responsibleId: 'tax_committee',
        startsAt: now,
        dueAt: '2026-04-09T18:59:59.999Z',
        metAt: now,
        overdueAt: null,
      });
      assert.equal(deadline(removed.body, 'TSC_REMOVAL_BUSINESS_NOTICE')?.metAt, null);
      assert.equal(deadline(removed.body, 'FISCAL_MODULES_RETURN_AFTER_REMOVAL')?.dueAt, '2026-04-11T18:59:59.999Z');

      // Access is cut for every specialist of the TSC.
      assert.equal((await head.get(`/api/fiscal/tscs/${tscId}`)).status, 401);
      assert.equal((await branchSpecialist.get(`/api/fiscal/branches/${branchId}`)).status, 401);

      // p.117: the branch goes with the TSC, and is told (p.118).
      const b = (await admin.get(`/api/fiscal/branches/${branchId}`)).body;
      assert.equal(b.status, 'deregistered');
      assert.equal(b.deregistrationGround, 'tsc_removed');
      assert.equal(deadline(b, 'BRANCH_DEREGISTRATION_NOTICE')?.metAt, now);
      assert.equal(deadline(b, 'BRANCH_DEREGISTRATION_BUSINESS_NOTICE')?.metAt, null);

      // p.110: what the TSC holds is owed back within 5 days; the earlier limit wins; installed modules stay.
      const modules = (await admin.get(`/api/fiscal/fiscal-modules?tscId=${tscId}`)).body as Record<string, string>[];
      assert.deepEqual(
        modules.map((m) => [m.number, m.status, m.returnReason, m.returnDueAt]),
        [
          ['FM-R1', 'awaiting_return', 'tsc_removed', '2026-04-11T18:59:59.999Z'],
          ['FM-R2', 'awaiting_return', 'tsc_removed', '2026-04-11T18:59:59.999Z'],
          ['FM-R3', 'awaiting_return', 'faulty', '2026-04-11T18:59:59.999Z'],
          ['FM-R4', 'installed', null, null],
        ],
      );

      // p.108: the TSC is told at once (in its taxpayer cabinet: its specialists are locked out).
      const notice = (await inbox(applicant)).find((n) => n.kind === 'tsc.removed');
      assert.ok(notice?.body.en.includes('p.106 (3)') && notice.body.en.includes('Q-77/2026') && notice.body.en.includes('2026-04-11'), notice?.body.en);
      // The businesses served are told by the operator's worker, within the 3 days.
      assert.deepEqual(await kinds(shopA), []);
      t.clock.set('2026-04-06T14:00:00Z');
      const tick = await t.c.worker.runOnce();
      assert.equal(tick.failed, 0);
      const toA = (await inbox(shopA)).find((n) => n.kind === 'tsc.removed_business_notice');
      assert.ok(toA?.body.en.includes('R-400000001'), JSON.stringify(await inbox(shopA)));
      assert.ok((await kinds(shopB)).includes('tsc.removed_business_notice'));
      const afterTick = (await officer.get(`/api/fiscal/tscs/${tscId}`)).body;
      assert.equal(deadline(afterTick, 'TSC_REMOVAL_BUSINESS_NOTICE')?.metAt, '2026-04-06T14:00:00.000Z');
      assert.equal(
        deadline((await admin.get(`/api/fiscal/branches/${branchId}`)).body, 'BRANCH_DEREGISTRATION_BUSINESS_NOTICE')?.metAt,
        '2026-04-06T14:00:00.000Z',
      );
      await t.c.worker.runOnce();
      assert.equal((await inbox(shopA)).filter((n) => n.kind === 'tsc.removed_business_notice').length, 1, 'told once');

      // Off the published registry, and barred for good (p.111).
      assert.deepEqual((await t.anon.get('/api/public/tscs')).body, []);
      const reapply = await applicant.post('/api/fiscal/tsc-applications', application());
      assert.equal(reapply.status, 422);
      assert.equal(reapply.body.code, 'TSC_BARRED');
      const onPaper = await officer.post('/api/fiscal/tsc-applications', application({ applicantTin: '300000001' }));
      assert.equal(onPaper.body.code, 'TSC_BARRED');
      assert.equal(
        (await officer.post(`/api/fiscal/tscs/${tscId}/remove`, { ground: 'legal_requirements_changed', decisionNumber: 'Q-78' })).body.code,
        'TSC_REMOVED',
      );
      assert.equal((await admin.post(`/api/fiscal/tscs/${tscId}/suspend-access`, { decisionReference: 'x' })).body.code, 'TSC_REMOVED');

      // The operator records each module received; the last one meets the 5-day return.
      for (const n of ['FM-R1', 'FM-R2', 'FM-R3']) {
        const r = await admin.post(`/api/fiscal/fiscal-modules/${n}/return`);
        assert.equal(r.status, 200, r.text);
        assert.equal(r.body.status, 'returned');
      }
      assert.equal(deadline((await officer.get(`/api/fiscal/tscs/${tscId}`)).body, 'FISCAL_MODULES_RETURN_AFTER_REMOVAL')?.metAt, '2026-04-06T14:00:00.000Z');
      assert.equal(deadline((await admin.get('/api/fiscal/fiscal-modules/FM-R3')).body, 'FISCAL_MODULE_RETURN')?.metAt, '2026-04-06T14:00:00.000Z');
      assert.equal((await verifyAuditChain(t.db.db)).isIntact, true);
    });
  });
}
