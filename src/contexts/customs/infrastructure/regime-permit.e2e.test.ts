import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { type Client, type Reply, startTestApp, type TestApp } from '../../../../test/app.ts';
import { testTargets } from '../../../../test/db.ts';

const TIN = '040000404';
const OTHER = '050000505';
const NOWHERE = '0193a6a0-7c1e-7a10-8000-000000000001';
const line = (commodityCode: string, description: string, quantity: string) => ({ commodityCode, description, quantity, unit: 'kg' });
const application = (over: Record<string, unknown> = {}) => ({
  kind: 'processing_inside',
  officeCode: 'DUSHANBE',
  operations: 'Weaving cotton yarn into fabric; products identified by the yarn lot numbers',
  goods: [line('5205110000', 'Cotton yarn', '990')],
  products: [line('5208110000', 'Cotton fabric', '950')],
  requestedUntil: '2026-12-31',
  ...over,
});

for (const target of testTargets()) {
  describe(`customs processing permits [${target}]`, () => {
    let t: TestApp;
    let officer: Client;
    let declarant: Client;
    let other: Client;

    const refused = (r: Reply, status: number, code: string, field?: string) => {
      assert.equal(r.status, status, r.text);
      assert.equal(r.body.code, code, r.text);
      if (field) assert.equal(r.body.field, field, r.text);
    };
    /** Moves the clock and logs in again (sessions expire over days). */
    const at = async (instant: string) => {
      t.clock.set(instant);
      officer = await t.as('customs_officer', { login: `officer-${randomUUID().slice(0, 8)}` });
      declarant = await t.as('declarant', { tin: TIN, login: `declarant-${randomUUID().slice(0, 8)}` });
    };
    const apply = async (over: Record<string, unknown> = {}) => {
      const r = await declarant.post('/api/customs/processing-permits', application(over));
      assert.equal(r.status, 201, r.text);
      return r.body;
    };
    const notices = async (id: string) =>
      (
        await t.db.query<{ kind: string; recipient_id: string }>(
          'SELECT kind, recipient_id FROM platform.notifications WHERE subject_id = $1 ORDER BY created_at, kind, recipient_id',
          [id],
        )
      ).map((n) => `${n.kind}>${n.recipient_id}`);

    before(async () => {
      t = await startTestApp(target, '2026-03-02T05:00:00Z');
      other = await t.as('declarant', { tin: OTHER });
      await at('2026-03-02T05:00:00Z');
    });
    after(() => t.close());

    test('CUS-REG-04 CUS-REG-05 CUS-DEC-84 IMP-13: an electronic application gets a 10-working-day clock of the office’s calendar; the permit is issued under the law on the permit system with number, terms and validity', async () => {
      const owner = await t.as('warehouse_owner', { tin: '060000606' });
      refused(await owner.post('/api/customs/processing-permits', application()), 403, 'FORBIDDEN');
      refused(await declarant.post('/api/customs/processing-permits', application({ officeCode: 'NOWHERE' })), 422, 'REGIME_OFFICE_UNKNOWN', 'body.officeCode');
      refused(
        await declarant.post('/api/customs/processing-permits', application({ requestedUntil: '2026-03-02' })),
        422,
        'REGIME_VALUE_INVALID',
        'body.requestedUntil',
      );
      refused(await declarant.post('/api/customs/processing-permits', application({ kind: 'processing_somewhere' })), 400, 'VALIDATION_FAILED');

      const p = await apply();
      assert.match(p.applicationNumber, /^PPA-2026-\d{6}$/);
      assert.equal(p.status, 'submitted');
      assert.equal(p.applicationForm, 'electronic');
      assert.equal(p.calendarOffice, 'default');
      // Monday 2 March 10:00 + 10 working days; Monday 9 March is the day off carried from Mother's Day: Monday 16 March, close of day.
      assert.equal(p.decisionDueAt, '2026-03-16T12:00:00.000Z');
      assert.equal(p.warnAt, '2026-03-13T12:00:00.000Z');
      // A round-the-clock border post counts every day.
      const border = await apply({ officeCode: 'FOTEHOBOD', kind: 'processing_outside' });
      assert.equal(border.calendarOffice, 'round-the-clock');
      assert.equal(border.decisionDueAt, '2026-03-12T18:59:59.999Z');

      refused(await other.get(`/api/customs/processing-permits/${p.id}`), 404, 'REGIME_PERMIT_NOT_FOUND');
      assert.equal((await other.get('/api/customs/processing-permits')).body.length, 0);
      assert.deepEqual(
        (await officer.get('/api/customs/processing-permits?status=submitted')).body.map((x: { id: string }) => x.id),
        [border.id, p.id],
        'the officers’ queue is ordered by decision deadline',
      );

      refused(
        await declarant.post(`/api/customs/processing-permits/${p.id}/decision`, { decision: 'refuse', form: 'electronic', reason: 'x' }),
        403,
        'FORBIDDEN',
      );
      refused(
        await officer.post(`/api/customs/processing-permits/${NOWHERE}/decision`, { decision: 'refuse', form: 'electronic', reason: 'x' }),
        404,
        'REGIME_PERMIT_NOT_FOUND',
      );
      const issue = {
        decision: 'issue',
        form: 'electronic',
        validTo: '2026-12-31',
        terms: 'Yield 95 %; products exported or placed under another regime by 31 December',
      };
      refused(
        await officer.post(`/api/customs/processing-permits/${p.id}/decision`, { ...issue, validTo: '2026-03-01' }),
        422,
        'REGIME_PERMIT_VALIDITY_INVALID',
        'body.validTo',
      );
      const issued = await officer.post(`/api/customs/processing-permits/${p.id}/decision`, issue);
      assert.equal(issued.status, 200, issued.text);
      assert.equal(issued.body.status, 'issued');
      assert.match(issued.body.permitNumber, /^PP-2026-\d{6}$/);
      assert.equal(issued.body.permitValidFrom, '2026-03-02');
      assert.equal(issued.body.permitValidTo, '2026-12-31');
      assert.equal(issued.body.permitTerms, issue.terms);
      assert.equal(issued.body.decisionForm, 'electronic');
      assert.equal(issued.body.isDecidedLate, false);
      assert.match(issued.body.legalBasis, /art\.179 p\.2, art\.181 p\.1; legislation of the Republic of Tajikistan on the permit system/);
      refused(await officer.post(`/api/customs/processing-permits/${p.id}/decision`, issue), 409, 'REGIME_PERMIT_ALREADY_DECIDED');
      const events = await t.db.query<{ n: string }>(
        `SELECT count(*)::text AS n FROM platform.outbox WHERE topic = 'customs.processing_permit_issued' AND payload->>'permitId' = $1`,
        [p.id],
      );
      assert.equal(events[0]?.n, '1');
      assert.ok((await notices(p.id)).includes(`processing_permit_issued>${TIN}`));

      // A written decision, refusing with reasons.
      const refusal = await officer.post(`/api/customs/processing-permits/${border.id}/decision`, {
        decision: 'refuse',
        form: 'written',
        reason: 'Identification not possible',
      });
      assert.equal(refusal.body.status, 'refused');
      assert.equal(refusal.body.decisionForm, 'written');
      assert.equal(refusal.body.permitNumber, null);
      assert.equal((await declarant.get(`/api/customs/processing-permits/${border.id}`)).body.refusalReason, 'Identification not possible');
    });

    test('CUS-REG-05: the checker warns customs at working day 8 and flags the application overdue after day 10; a later decision is recorded as late', async () => {
      await at('2026-03-02T05:00:00Z');
      const p = await apply({ kind: 'processing_for_domestic_consumption' });
      await at('2026-03-13T11:59:00Z');
      await t.c.worker.runOnce();
      assert.equal((await officer.get(`/api/customs/processing-permits/${p.id}`)).body.warnedAt, null);
      await at('2026-03-13T12:00:00Z');
      await t.c.worker.runOnce();
      const warned = (await officer.get(`/api/customs/processing-permits/${p.id}`)).body;
      assert.equal(warned.warnedAt, '2026-03-13T12:00:00.000Z');
      assert.equal(warned.overdueAt, null);
      await at('2026-03-16T11:59:00Z');
      await t.c.worker.runOnce();
      assert.equal((await officer.get(`/api/customs/processing-permits/${p.id}`)).body.overdueAt, null);
      await at('2026-03-16T12:00:00Z');
      await t.c.worker.runOnce();
      await t.c.worker.runOnce();
      const overdue = (await officer.get(`/api/customs/processing-permits/${p.id}`)).body;
      assert.equal(overdue.overdueAt, '2026-03-16T12:00:00.000Z');
      assert.deepEqual(await notices(p.id), [
        'processing_permit_application>customs_officer',
        'processing_permit_decision_due>customs_officer',
        `processing_permit_decision_overdue>${TIN}`,
        'processing_permit_decision_overdue>customs_officer',
      ]);
      const events = await t.db.query<{ n: string }>(
        `SELECT count(*)::text AS n FROM platform.outbox WHERE topic = 'customs.processing_permit_overdue' AND payload->>'permitId' = $1`,
        [p.id],
      );
      assert.equal(events[0]?.n, '1', 'flagged once');
      const late = await officer.post(`/api/customs/processing-permits/${p.id}/decision`, {
        decision: 'issue',
        form: 'written',
        validTo: '2026-09-30',
        terms: 'Yield 90 %',
      });
      assert.equal(late.status, 200, late.text);
      assert.equal(late.body.isDecidedLate, true);
      assert.match(late.body.legalBasis, /art\.192 p\.1/);
    });

    test('CUS-REG-06 AMB-18: the period is not extended unless the law on the permit system allows it (a dated parameter, none by default); then once, within the allowance', async () => {
      await at('2026-03-02T05:00:00Z');
      const p = await apply();
      const extend = (workingDays: number) =>
        officer.post(`/api/customs/processing-permits/${p.id}/extension`, { workingDays, reason: 'Expert examination of samples' });
      const none = await extend(5);
      refused(none, 409, 'REGIME_PERMIT_EXTENSION_NOT_ALLOWED', 'body.workingDays');
      assert.equal(none.body.details.allowedWorkingDays, 0);
      refused(
        await declarant.post('/api/customs/processing-permits/parameters', { validFrom: '2026-01-01', extensionWorkingDays: 5, basis: 'x' }),
        403,
        'FORBIDDEN',
      );
      const param = await officer.post('/api/customs/processing-permits/parameters', {
        validFrom: '2026-01-01',
        extensionWorkingDays: 5,
        basis: 'Law “On the permit system” (figure to be confirmed)',
      });
      assert.equal(param.status, 201, param.text);
      assert.equal((await declarant.get('/api/customs/processing-permits/parameters')).body[0].extensionWorkingDays, 5);
      refused(await extend(6), 409, 'REGIME_PERMIT_EXTENSION_NOT_ALLOWED');
      refused(await declarant.post(`/api/customs/processing-permits/${p.id}/extension`, { workingDays: 1, reason: 'x' }), 403, 'FORBIDDEN');
      refused(await officer.post(`/api/customs/processing-permits/${NOWHERE}/extension`, { workingDays: 1, reason: 'x' }), 404, 'REGIME_PERMIT_NOT_FOUND');
      const extended = await extend(5);
      assert.equal(extended.status, 200, extended.text);
      // 15 working days from Monday 2 March: Idi Ramazon (20 March), Navruz (21-24) with its carried days (25-26) and a transferred day (27): Tuesday 31 March.
      assert.equal(extended.body.decisionDueAt, '2026-03-31T12:00:00.000Z');
      assert.equal(extended.body.extensionWorkingDays, 5);
      refused(await extend(1), 409, 'REGIME_PERMIT_ALREADY_EXTENDED');
    });
  });
}
