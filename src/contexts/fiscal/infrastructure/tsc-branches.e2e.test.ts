import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { type Client, startTestApp, type TestApp } from '../../../../test/app.ts';
import { testTargets } from '../../../../test/db.ts';
import { makeInspectorate, makeModel, makeTsc } from '../../../../test/fiscal-factories.ts';
import { businesses, registers } from './schema.ts';

/** Monday 6 April 2026, 10:00 in Dushanbe. */
const MONDAY = '2026-04-06T05:00:00Z';
const branchBody = (login: string, over: Record<string, unknown> = {}) => ({
  name: 'Филиали Хуҷанд',
  region: 'Суғд',
  address: 'ш. Хуҷанд, к. Ленин 5',
  phone: '+992 34 222 00 00',
  specialist: { fullName: 'Саидов Бахтиёр', certificateNumber: 'CERT-002', certificateIssuer: 'ООО «Касса-Сервис»', login },
  attachments: [
    { kind: 'specialist_certificate', fileName: 'cert.pdf', mediaType: 'application/pdf', contentBase64: Buffer.from('%PDF cert').toString('base64') },
  ],
  ...over,
});
type Inbox = { kind: string; body: { tg: string; ru: string; en: string } }[];
const inbox = async (c: Client): Promise<Inbox> => (await c.get('/api/notifications?limit=200')).body.items;
const kinds = async (c: Client) => (await inbox(c)).map((n) => n.kind);
const deadline = (view: { deadlines: { kind: string }[] }, kind: string) => view.deadlines.find((d) => d.kind === kind) as Record<string, unknown> | undefined;

for (const target of testTargets()) {
  describe(`TSC branches and specialists over HTTP [${target}]`, () => {
    let t: TestApp;
    let admin: Client;
    let officer: Client;
    let tscA: Awaited<ReturnType<typeof makeTsc>>;
    let tscB: Awaited<ReturnType<typeof makeTsc>>;
    let branchId: string;
    let branchSpecialist: Client;
    const count = async (table: string) => Number((await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]?.n);

    before(async () => {
      t = await startTestApp(target, MONDAY);
      admin = await t.as('operator_admin');
      officer = await t.as('tax_officer');
      tscA = await makeTsc(t, 'МХТ «Хизмат»');
      tscB = await makeTsc(t, 'МХТ «Дигар»');
    });
    after(() => t.close());

    test('FIS-BRN-01, FIS-BRN-02, FIS-BRN-03, FIS-BRN-04, FIS-BRN-07: the TSC asks to register a branch with its qualified specialist; the operator owes a reply within 7 working days', async () => {
      const r = await tscA.specialist.post(`/api/fiscal/tscs/${tscA.id}/branches`, branchBody('saidov.khujand'));
      assert.equal(r.status, 201, r.text);
      branchId = r.body.id;
      assert.equal(r.body.status, 'applied');
      assert.equal(r.body.replyDueAt, '2026-04-15T12:00:00.000Z', 'Monday + 7 working days = Wednesday of the next week');
      assert.deepEqual(
        r.body.specialists.map((s: Record<string, string>) => [s.fullName, s.certificateNumber, s.status]),
        [['Саидов Бахтиёр', 'CERT-002', 'applied']],
      );
      assert.equal(r.body.attachments[0].kind, 'specialist_certificate');
      const reply = deadline(r.body, 'BRANCH_REPLY');
      assert.equal(reply?.legalRef, 'p.115');
      assert.equal(reply?.responsibleKind, 'operator');
      assert.equal(reply?.dueAt, '2026-04-15T12:00:00.000Z');
      assert.ok((await kinds(admin)).includes('branch.to_decide'));
      assert.ok((await kinds(officer)).includes('branch.applied'), 'p.112: the authorised body receives the request too');
      assert.ok((await kinds(tscA.specialist)).includes('branch.applied'));
      const pending = await admin.get(`/api/fiscal/specialists?branchId=${branchId}&status=applied`);
      assert.equal(pending.body.length, 1);
    });

    test('FIS-ACC-02, FIS-ACC-04: a branch specialist registered before the branch works only once the branch is registered', async () => {
      const [specialist] = (await admin.get(`/api/fiscal/specialists?branchId=${branchId}`)).body;
      const reg = await admin.post(`/api/fiscal/specialists/${specialist.id}/register`);
      assert.equal(reg.status, 200, reg.text);
      assert.equal(reg.body.specialist.branchId, branchId);
      branchSpecialist = await t.login(reg.body.credentials.login, reg.body.credentials.initialPassword);
      assert.equal((await branchSpecialist.get('/api/auth/me')).status, 401, 'p.113: no access before the branch is in the registry');

      const byOfficer = await officer.post(`/api/fiscal/branches/${branchId}/register`);
      assert.equal(byOfficer.status, 403);
      const registered = await admin.post(`/api/fiscal/branches/${branchId}/register`);
      assert.equal(registered.status, 200, registered.text);
      assert.equal(registered.body.status, 'registered');
      assert.equal(deadline(registered.body, 'BRANCH_REPLY')?.metAt, '2026-04-06T05:00:00.000Z');
      const me = await branchSpecialist.get('/api/auth/me');
      assert.equal(me.status, 200);
      assert.equal(me.body.unitId, branchId);
      assert.ok((await kinds(branchSpecialist)).includes('branch.registered'), 'the branch reads its own inbox');
      assert.ok((await kinds(tscA.specialist)).includes('specialist.registered'));
      const published = (await t.anon.get('/api/public/tscs')).body as { name: string; branches: { name: string; address: string; phone: string }[] }[];
      assert.deepEqual(
        published.find((p) => p.name === 'МХТ «Хизмат»')?.branches.map((b) => [b.name, b.address, b.phone]),
        [['Филиали Хуҷанд', 'ш. Хуҷанд, к. Ленин 5', '+992 34 222 00 00']],
      );
      assert.equal((await admin.post(`/api/fiscal/branches/${branchId}/register`)).body.code, 'BRANCH_NOT_PENDING');
    });

    test('FIS-BRN-05, FIS-BRN-06, FIS-BRN-08: a refusal states each ground of p.114; the TSC applies again naming the refused request', async () => {
      const second = await tscA.specialist.post(
        `/api/fiscal/tscs/${tscA.id}/branches`,
        branchBody('nazarov.kulob', { name: 'Филиали Кӯлоб', region: 'Хатлон', address: 'ш. Кӯлоб' }),
      );
      assert.equal(second.status, 201, second.text);
      const refused = await admin.post(`/api/fiscal/branches/${second.body.id}/refuse`, {
        grounds: [
          { code: 'DOCUMENTS_INCOMPLETE', detail: 'No certificate of the qualified specialist' },
          { code: 'DATA_DISCREPANCY', detail: 'The address is not in Kulob' },
        ],
      });
      assert.equal(refused.status, 200, refused.text);
      assert.equal(refused.body.status, 'refused');
      assert.deepEqual(
        refused.body.refusalGrounds.map((g: { ref: string }) => g.ref),
        ['p.114 (1)', 'p.114 (2)'],
      );
      assert.equal(refused.body.specialists[0].status, 'refused', 'the specialist named with it is refused with it');
      assert.ok(deadline(refused.body, 'BRANCH_REPLY')?.metAt);
      const letter = (await inbox(tscA.specialist)).find((n) => n.kind === 'branch.refused');
      assert.ok(letter?.body.en.includes('p.114 (2): The address is not in Kulob'));
      assert.equal(
        (await admin.post(`/api/fiscal/branches/${second.body.id}/refuse`, { grounds: [{ code: 'DATA_DISCREPANCY', detail: 'x' }] })).body.code,
        'BRANCH_NOT_PENDING',
      );

      const wrongPrevious = await tscA.specialist.post(`/api/fiscal/tscs/${tscA.id}/branches`, branchBody('nazarov.kulob', { previousBranchId: branchId }));
      assert.equal(wrongPrevious.status, 409);
      assert.equal(wrongPrevious.body.code, 'PREVIOUS_APPLICATION_NOT_REFUSED');
      const again = await tscA.specialist.post(
        `/api/fiscal/tscs/${tscA.id}/branches`,
        branchBody('nazarov.kulob', { name: 'Филиали Кӯлоб', previousBranchId: second.body.id }),
      );
      assert.equal(again.status, 201, again.text);
      assert.equal(again.body.previousBranchId, second.body.id);
    });

    test('FIS-BRN-09, FIS-BRN-11, FIS-BRN-12, FIS-ACC-05: deregistration at the TSC’s request ends access and tells the TSC, the branch and its businesses within 3 days', async () => {
      const inspectorate = await makeInspectorate(t);
      const model = await makeModel(t);
      const now = t.clock.now();
      await t.db.db.insert(businesses).values({
        tin: '500000001',
        name: 'Мағозаи Хуҷанд',
        kind: 'legal_entity',
        legalAddress: 'ш. Хуҷанд',
        inspectorateCode: inspectorate,
        taxRegime: 'general',
        isVatPayer: false,
        createdAt: now,
        updatedAt: now,
      });
      await t.db.db.insert(registers).values({
        id: randomUUID(),
        registryNumber: 'R-KH-1',
        kind: 'virtual',
        modelId: model.id,
        manufacturerNumber: 'VCR-KH-1',
        softwareVersion: '1.0.0',
        fiscalModuleNumber: 'FM-KH-1',
        businessTin: '500000001',
        businessDataVersion: 1,
        placeOfActivity: 'ш. Хуҷанд, бозори Панҷшанбе',
        inspectorateCode: inspectorate,
        tscId: tscA.id,
        branchId,
        status: 'registered',
        registeredAt: now,
        nextInspectionDueAt: now,
        updatedAt: now,
      });
      const shop = await t.as('business', { tin: '500000001' });

      const byBranch = await branchSpecialist.post(`/api/fiscal/branches/${branchId}/deregister`);
      assert.equal(byBranch.status, 403, 'the TSC itself asks, not its branch');
      t.clock.set('2026-04-06T07:00:00Z');
      const r = await tscA.specialist.post(`/api/fiscal/branches/${branchId}/deregister`);
      assert.equal(r.status, 200, r.text);
      assert.equal(r.body.status, 'deregistered');
      assert.equal(r.body.deregistrationGround, 'tsc_request');
      assert.deepEqual(
        [deadline(r.body, 'BRANCH_DEREGISTRATION_NOTICE')?.dueAt, deadline(r.body, 'BRANCH_DEREGISTRATION_NOTICE')?.metAt],
        ['2026-04-09T18:59:59.999Z', '2026-04-06T07:00:00.000Z'],
      );
      assert.equal(deadline(r.body, 'BRANCH_DEREGISTRATION_BUSINESS_NOTICE')?.metAt, null);
      assert.equal((await branchSpecialist.get('/api/auth/me')).status, 401, 'p.119: access ends');
      assert.ok((await kinds(tscA.specialist)).includes('branch.deregistered'));
      const unitInbox = await t.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM platform.notifications WHERE recipient_kind = 'unit' AND recipient_id = $1 AND kind = 'branch.deregistered'`,
        [branchId],
      );
      assert.equal(Number(unitInbox[0]?.n), 1, 'p.118: the branch is told too');

      assert.deepEqual(await kinds(shop), []);
      t.clock.set('2026-04-06T09:00:00Z');
      assert.equal((await t.c.worker.runOnce()).failed, 0);
      const notice = (await inbox(shop)).find((n) => n.kind === 'branch.deregistered_business_notice');
      assert.ok(notice?.body.tg.includes('R-KH-1'), JSON.stringify(await inbox(shop)));
      const afterTick = (await admin.get(`/api/fiscal/branches/${branchId}`)).body;
      assert.equal(deadline(afterTick, 'BRANCH_DEREGISTRATION_BUSINESS_NOTICE')?.metAt, '2026-04-06T09:00:00.000Z');
      assert.equal((await tscA.specialist.post(`/api/fiscal/branches/${branchId}/deregister`)).body.code, 'BRANCH_NOT_REGISTERED');
      const published = (await t.anon.get('/api/public/tscs')).body as { name: string; branches: unknown[] }[];
      assert.deepEqual(published.find((p) => p.name === 'МХТ «Хизмат»')?.branches, []);
    });

    test('each TSC sees only its own branches and specialists; another TSC’s are not found', async () => {
      const other = tscB.specialist;
      const [specialist] = (await admin.get(`/api/fiscal/specialists?tscId=${tscA.id}`)).body;
      for (const [path, code] of [
        [`/api/fiscal/tscs/${tscA.id}`, 'TSC_NOT_FOUND'],
        [`/api/fiscal/branches/${branchId}`, 'BRANCH_NOT_FOUND'],
        [`/api/fiscal/specialists/${specialist.id}`, 'SPECIALIST_NOT_FOUND'],
      ]) {
        const r = await other.get(path as string);
        assert.equal(r.status, 404, path);
        assert.equal(r.body.code, code);
      }
      assert.deepEqual(
        (await other.get('/api/fiscal/tscs')).body.map((x: { id: string }) => x.id),
        [tscB.id],
      );
      assert.deepEqual((await other.get('/api/fiscal/branches')).body, []);
      assert.deepEqual((await other.get(`/api/fiscal/branches?tscId=${tscA.id}`)).body, []);
      assert.deepEqual((await other.get(`/api/fiscal/specialists?tscId=${tscA.id}`)).body, []);
      assert.equal((await tscA.specialist.get('/api/fiscal/branches')).body.length, 3);
      assert.equal((await officer.get('/api/fiscal/branches?status=refused')).body.length, 1);
      const foreign = await other.post(`/api/fiscal/tscs/${tscA.id}/branches`, branchBody('someone.else'));
      assert.equal(foreign.status, 404);
      assert.equal(foreign.body.code, 'TSC_NOT_FOUND');
      const foreignSpecialist = await other.post(`/api/fiscal/tscs/${tscA.id}/specialists`, {
        fullName: 'X Y',
        certificateNumber: 'C',
        certificateIssuer: 'M',
        login: 'x.y.z',
      });
      assert.equal(foreignSpecialist.body.code, 'TSC_NOT_FOUND');
      const business = await t.as('business', { tin: '500000009' });
      assert.equal((await business.get('/api/fiscal/tscs')).status, 403);
    });

    test('FIS-ACC-02: a login already used is refused and nothing is written; the operator refuses a specialist with a reason', async () => {
      const taken = (await tscA.specialist.get('/api/auth/me')).body.login;
      const before = [await count('fiscal.specialists'), await count('platform.audit_log')];
      const dup = await tscA.specialist.post(`/api/fiscal/tscs/${tscA.id}/specialists`, {
        fullName: 'Раҷабов Ҷамшед',
        certificateNumber: 'CERT-9',
        certificateIssuer: 'ООО «Касса»',
        login: taken,
      });
      assert.equal(dup.status, 409);
      assert.equal(dup.body.code, 'LOGIN_TAKEN');
      assert.equal(dup.body.field, 'body.login');
      assert.deepEqual([await count('fiscal.specialists'), await count('platform.audit_log')], before);

      const applied = await tscA.specialist.post(`/api/fiscal/tscs/${tscA.id}/specialists`, {
        fullName: 'Раҷабов Ҷамшед',
        certificateNumber: 'CERT-9',
        certificateIssuer: 'ООО «Касса»',
        login: 'rajabov.j',
      });
      assert.equal(applied.status, 201, applied.text);
      assert.equal(applied.body.branchId, null);
      const reserved = await tscB.specialist.post(`/api/fiscal/tscs/${tscB.id}/specialists`, {
        fullName: 'Другой',
        certificateNumber: 'C-1',
        certificateIssuer: 'M',
        login: 'rajabov.j',
      });
      assert.equal(reserved.body.code, 'LOGIN_TAKEN', 'a pending application reserves its login');
      const refused = await admin.post(`/api/fiscal/specialists/${applied.body.id}/refuse`, { reason: 'The certificate has expired' });
      assert.equal(refused.status, 200, refused.text);
      assert.equal(refused.body.status, 'refused');
      assert.equal(refused.body.refusalReason, 'The certificate has expired');
      assert.ok((await inbox(tscA.specialist)).some((n) => n.kind === 'specialist.refused' && n.body.en.includes('The certificate has expired')));
      assert.equal((await admin.post(`/api/fiscal/specialists/${applied.body.id}/register`)).body.code, 'SPECIALIST_NOT_PENDING');

      const deadBranch = await tscA.specialist.post(`/api/fiscal/tscs/${tscA.id}/specialists`, {
        fullName: 'Ҳ',
        certificateNumber: 'C',
        certificateIssuer: 'M',
        login: 'h.one',
        branchId,
      });
      assert.equal(deadBranch.body.code, 'BRANCH_NOT_REGISTERED');
      const foreignBranch = await tscB.specialist.post(`/api/fiscal/tscs/${tscB.id}/specialists`, {
        fullName: 'Ҳ',
        certificateNumber: 'C',
        certificateIssuer: 'M',
        login: 'h.two',
        branchId,
      });
      assert.equal(foreignBranch.body.code, 'BRANCH_NOT_FOUND');
      const badLogin = await tscA.specialist.post(`/api/fiscal/tscs/${tscA.id}/specialists`, {
        fullName: 'Ҳ',
        certificateNumber: 'C',
        certificateIssuer: 'M',
        login: 'Bad Login',
        extra: 1,
      });
      assert.equal(badLogin.status, 400);
      assert.ok(badLogin.body.errors.some((e: { field: string }) => e.field === 'body.extra'));
      assert.ok(badLogin.body.errors.some((e: { field: string }) => e.field === 'body.login'));
    });
  });
}
