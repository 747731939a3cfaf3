import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { type Client, startTestApp, type TestApp } from '../../../../test/app.ts';
import { countRows, inbox, okay, refused, sessionsAt } from '../../../../test/customs-case-fixtures.ts';
import { testTargets } from '../../../../test/db.ts';

const TIN = '040000404';
const OTHER_TIN = '050000505';
const AEO_APPLICANT = '060000606';

for (const target of testTargets()) {
  describe(`customs audits [${target}]`, () => {
    let t: TestApp;
    let officer: Client;
    let head: Client;
    let person: Client;
    let other: Client;
    let released: string;
    let notReleased: string;
    let othersDeclaration: string;

    /** Moves the clock and logs everyone in again (sessions are dated by the clock). */
    const at = async (instant: string) => {
      ({ officer, head, person, other } = await sessionsAt(t, instant, 'aud', {
        officer: { role: 'customs_officer' },
        head: { role: 'customs_head' },
        person: { role: 'declarant', tin: TIN },
        other: { role: 'declarant', tin: OTHER_TIN },
      }));
    };
    const tick = () => t.c.worker.runOnce();
    const count = (query: string, params: unknown[] = []) => countRows(t, query, params);
    const declaration = async (tin: string, isReleased: boolean) => {
      const number = `DUSHANBE/010326/${Math.floor(Math.random() * 1e7)}`;
      await t.db.query(
        `INSERT INTO customs.declarations (id, number, state, form, channel, direction, regime, office_code, declarant_code, filer_tin, data, created_at, updated_at,
           registered_at, accepted_on, released_at)
         VALUES ($1, $2, $3, 'standard', 'electronic', 'import', 'release_for_free_circulation', 'DUSHANBE', $4, $4, '{"items":[]}'::jsonb, now(), now(), now(),
           '2026-01-15', $5)`,
        [randomUUID(), number, isReleased ? 'RELEASED' : 'UNDER_CONTROL', tin, isReleased ? '2026-01-16T05:00:00Z' : null],
      );
      return number;
    };
    const unplanned = (over: Record<string, unknown> = {}) => ({
      place: 'desk',
      focus: 'complex',
      officeCode: 'DUSHANBE',
      person: { code: TIN, name: 'Ширкати «Савдо»' },
      ground: 'D2',
      groundDetails: 'RMS post-release selection, profile P-17',
      ...over,
    });
    const register = async (over: Record<string, unknown> = {}) => okay(await officer.post('/api/customs/audits', unplanned(over)), 201);
    const order = (who: Client, number: string) =>
      who.post(`/api/customs/audits/${number}/order`, { instructions: 'Check customs value of imports 2025', auditors: ['A. Karimov'] });

    // Monday 2 March 2026, 10:00 in Dushanbe.
    before(async () => {
      t = await startTestApp(target, '2026-03-02T05:00:00Z');
      await at('2026-03-02T05:00:00Z');
      released = await declaration(TIN, true);
      notReleased = await declaration(TIN, false);
      othersDeclaration = await declaration(OTHER_TIN, true);
    });
    after(() => t.close());

    test('CUS-AUD-02 CUS-AUD-03 CUS-AUD-10 CUS-AUD-17: a plan with planned audits; a second audit of the same person in the same period is allowed', async () => {
      refused(
        await person.post('/api/customs/audit-plans', { officeCode: 'DUSHANBE', periodFrom: '2026-04-01', periodTo: '2026-06-30', title: 'Q2' }),
        403,
        'FORBIDDEN',
      );
      refused(
        await officer.post('/api/customs/audit-plans', { officeCode: 'DUSHANBE', periodFrom: '2026-06-30', periodTo: '2026-04-01', title: 'Q2' }),
        422,
        'AUDIT_PLAN_PERIOD_INVALID',
      );
      refused(
        await officer.post('/api/customs/audit-plans', { officeCode: 'NOWHERE', periodFrom: '2026-04-01', periodTo: '2026-06-30', title: 'Q2' }),
        422,
        'AUDIT_OFFICE_UNKNOWN',
      );
      const plan = okay(
        await officer.post('/api/customs/audit-plans', { officeCode: 'DUSHANBE', periodFrom: '2026-04-01', periodTo: '2026-06-30', title: 'Q2 2026' }),
        201,
      );
      assert.match(plan.number, /^AP-2026-\d{6}$/);
      const entry = (over: Record<string, unknown> = {}) => ({
        place: 'field',
        focus: 'thematic',
        theme: 'Customs value of textiles',
        person: { code: TIN, name: 'Ширкати «Савдо»' },
        plannedOn: '2026-05-04',
        ...over,
      });
      refused(await officer.post(`/api/customs/audit-plans/AP-2026-999999/entries`, entry()), 404, 'AUDIT_PLAN_NOT_FOUND');
      refused(await officer.post(`/api/customs/audit-plans/${plan.number}/entries`, entry({ plannedOn: '2026-07-01' })), 422, 'AUDIT_PLANNED_OUTSIDE_PERIOD');
      refused(await officer.post(`/api/customs/audit-plans/${plan.number}/entries`, entry({ theme: undefined })), 422, 'AUDIT_THEME_REQUIRED');
      const first = okay(await officer.post(`/api/customs/audit-plans/${plan.number}/entries`, entry()), 201);
      assert.equal(first.state, 'PLANNED');
      assert.equal(first.isPlanned, true);
      assert.equal(first.planNumber, plan.number);
      assert.equal(first.ground, null);
      assert.equal(first.officeCode, 'DUSHANBE');
      // No limit on frequency (art.417(1) p.7, art.417(2) p.6): the same person again, same period, desk and field.
      const second = okay(await officer.post(`/api/customs/audit-plans/${plan.number}/entries`, entry({ plannedOn: '2026-05-05' })), 201);
      const third = okay(
        await officer.post(`/api/customs/audit-plans/${plan.number}/entries`, entry({ place: 'desk', focus: 'complex', theme: undefined })),
        201,
      );
      assert.notEqual(first.number, second.number);
      const read = okay(await head.get(`/api/customs/audit-plans/${plan.number}`));
      assert.deepEqual(
        read.entries.map((e: { number: string }) => e.number),
        // By planned day: the third is planned on the first's day.
        [first.number, third.number, second.number],
      );
      const planned = okay(await officer.get(`/api/customs/audits?isPlanned=true&personCode=${TIN}`));
      assert.ok(planned.length >= 3 && planned.every((a: { isPlanned: boolean }) => a.isPlanned));
      const fieldOnly = okay(await officer.get('/api/customs/audits?place=field&state=PLANNED'));
      assert.ok(fieldOnly.every((a: { place: string; state: string }) => a.place === 'field' && a.state === 'PLANNED'));
      // A PLANNED audit is internal to customs: the person does not see it yet.
      refused(await person.get(`/api/customs/audits/${first.number}`), 404, 'AUDIT_NOT_FOUND');
      assert.equal(okay(await officer.get('/api/customs/audit-plans?officeCode=DUSHANBE')).length >= 1, true);
    });

    test('CUS-AUD-01 CUS-AUD-09 CUS-AUD-16 AMB-12: every refusal of an unplanned audit; one ground of the closed list; declarations optional and released only', async () => {
      refused(await person.post('/api/customs/audits', unplanned()), 403, 'FORBIDDEN');
      refused(await officer.post('/api/customs/audits', unplanned({ ground: 'F13' })), 422, 'AUDIT_GROUND_UNKNOWN');
      refused(await officer.post('/api/customs/audits', unplanned({ place: 'field', ground: 'D8' })), 422, 'AUDIT_GROUND_UNKNOWN');
      refused(await officer.post('/api/customs/audits', unplanned({ ground: 'D9' })), 400, 'VALIDATION_FAILED');
      refused(await officer.post('/api/customs/audits', unplanned({ officeCode: 'NOWHERE' })), 422, 'AUDIT_OFFICE_UNKNOWN');
      refused(await officer.post('/api/customs/audits', unplanned({ focus: 'thematic' })), 422, 'AUDIT_THEME_REQUIRED');
      refused(
        await officer.post('/api/customs/audits', unplanned({ coveredFrom: '2025-12-31', coveredTo: '2025-01-01' })),
        422,
        'AUDIT_COVERED_PERIOD_INVALID',
      );
      refused(await officer.post('/api/customs/audits', unplanned({ declarations: ['DUSHANBE/000000/1'] })), 422, 'AUDIT_DECLARATION_NOT_FOUND');
      refused(await officer.post('/api/customs/audits', unplanned({ declarations: [released, notReleased] })), 422, 'AUDIT_DECLARATION_NOT_RELEASED');
      refused(await officer.post('/api/customs/audits', unplanned({ declarations: [othersDeclaration] })), 422, 'AUDIT_DECLARATION_OTHER_PERSON');
      // A refusal writes nothing.
      const n = await count(`SELECT count(*)::int AS n FROM customs.audits WHERE ground_details = 'RMS post-release selection, profile P-17'`);
      assert.equal(n, 0);
      const withDeclaration = await register({ declarations: [released], coveredFrom: '2025-01-01', coveredTo: '2025-12-31' });
      assert.equal(withDeclaration.state, 'GROUND_REGISTERED');
      assert.equal(withDeclaration.isPlanned, false);
      assert.equal(withDeclaration.ground.code, 'D2');
      assert.equal(withDeclaration.ground.legalBasis, 'Customs Code art.417(1) p.6 i.2');
      assert.deepEqual(withDeclaration.declarations, [released]);
      // AMB-12: an AEO applicant is audited without any declaration (field ground 4).
      const aeo = await register({
        place: 'field',
        ground: 'F4',
        person: { code: AEO_APPLICANT, name: 'AEO applicant' },
        groundDetails: 'AEO application 2026/3',
      });
      assert.deepEqual(aeo.declarations, []);
      assert.equal(aeo.ground.item, 4);
      const grounds = okay(await officer.get('/api/customs/audit-grounds'));
      assert.equal(grounds.length, 23);
      refused(await person.get('/api/customs/audit-grounds'), 403, 'FORBIDDEN');
    });

    test('CUS-CTL-07: each of the eight objects of customs control can be an audit target', async () => {
      const objects = [
        'goods_moved',
        'goods_under_control',
        'goods_in_regime',
        'goods_illegally_present',
        'documents',
        'activities',
        'storage_premises',
        'aeo_premises',
      ];
      const a = await register({ controlObjects: objects.map((type, i) => ({ type, reference: `ref-${i}` })) });
      assert.deepEqual(
        a.controlObjects.map((o: { type: string }) => o.type),
        objects,
      );
      refused(await officer.post('/api/customs/audits', unplanned({ controlObjects: [{ type: 'planets' }] })), 400, 'VALIDATION_FAILED');
      assert.deepEqual((await register()).controlObjects, [{ type: 'activities' }]);
    });

    test('CUS-AUD-05 CUS-AUD-06 CUS-AUD-07 CUS-AUD-08 CUS-AUD-11: desk audit: order, delivery = start with a notice, 30 days, extension by the head, act, fed back to risk management', async () => {
      await at('2026-03-02T05:00:00Z');
      const a = await register({ declarations: [released] });
      refused(await officer.post(`/api/customs/audits/${a.number}/delivery`, { method: 'in_person', deliveredOn: '2026-03-02' }), 409, 'AUDIT_STATE_CONFLICT');
      refused(
        await officer.post(`/api/customs/audits/${a.number}/report`, { isViolationFound: false, findings: 'x', additionalDirams: '0' }),
        409,
        'AUDIT_STATE_CONFLICT',
      );
      // A desk order is issued by an officer (CUS-AUD-05).
      const ordered = okay(await order(officer, a.number));
      assert.equal(ordered.state, 'ORDER_ISSUED');
      assert.equal(ordered.order.signerRole, 'customs_officer');
      refused(await order(officer, a.number), 409, 'AUDIT_STATE_CONFLICT');
      refused(await person.get(`/api/customs/audits/${a.number}`), 404, 'AUDIT_NOT_FOUND');

      // Delivered by hand on Tuesday 3 March: the start (CUS-AUD-07), the last day 30 calendar days later.
      await at('2026-03-04T05:00:00Z');
      refused(
        await officer.post(`/api/customs/audits/${a.number}/delivery`, { method: 'in_person', deliveredOn: '2026-03-01' }),
        422,
        'AUDIT_DELIVERY_DATE_INVALID',
      );
      refused(
        await officer.post(`/api/customs/audits/${a.number}/delivery`, { method: 'in_person', deliveredOn: '2026-03-05' }),
        422,
        'AUDIT_DELIVERY_DATE_INVALID',
      );
      refused(await officer.post(`/api/customs/audits/${a.number}/delivery`, { method: 'post' }), 422, 'AUDIT_DELIVERY_DATE_INVALID');
      const started = okay(await officer.post(`/api/customs/audits/${a.number}/delivery`, { method: 'in_person', deliveredOn: '2026-03-03' }));
      assert.equal(started.state, 'IN_PROGRESS');
      assert.equal(started.startOn, '2026-03-03');
      assert.equal(started.dueOn, '2026-04-02');
      // CUS-AUD-06: the start notice in the person's cabinet, in Tajik, Russian and English.
      const notice = (await inbox(person)).find((n) => n.kind === 'audit_desk_start_notice');
      assert.ok(notice, 'start notice');
      assert.match(notice.title.tg, /камералӣ/);
      assert.match(notice.title.ru, /камеральной/);
      assert.match(notice.body.en, /Start date: 2026-03-03/);
      assert.ok(!(await inbox(other)).some((n) => n.kind === 'audit_desk_start_notice'), 'another TIN does not see it');
      // The person now sees its audit: order, start, period; not the ground.
      const seen = okay(await person.get(`/api/customs/audits/${a.number}`));
      assert.equal(seen.startOn, '2026-03-03');
      assert.equal(seen.dueOn, '2026-04-02');
      assert.equal(seen.order.auditors[0], 'A. Karimov');
      assert.equal(seen.ground, undefined);
      assert.equal(seen.history, undefined);
      refused(await other.get(`/api/customs/audits/${a.number}`), 404, 'AUDIT_NOT_FOUND');
      assert.ok(okay(await person.get('/api/customs/audits')).some((x: { number: string }) => x.number === a.number));
      assert.ok(!okay(await other.get('/api/customs/audits')).some((x: { number: string }) => x.number === a.number));

      // A5: only the head; 1..30 days.
      refused(await officer.post(`/api/customs/audits/${a.number}/extension`, { days: 10, reason: 'more documents' }), 403, 'AUDIT_EXTENSION_NOT_AUTHORISED');
      refused(await head.post(`/api/customs/audits/${a.number}/extension`, { days: 31, reason: 'more documents' }), 400, 'VALIDATION_FAILED');
      // On the 30th day, before it ends (2 April, 23:00 in Dushanbe): extended by 30 → 2 May; total 60.
      await at('2026-04-02T18:00:00Z');
      const extended = okay(await head.post(`/api/customs/audits/${a.number}/extension`, { days: 30, reason: 'documents from a foreign authority' }));
      assert.equal(extended.state, 'EXTENDED');
      assert.equal(extended.dueOn, '2026-05-02');
      assert.equal(extended.originalDueOn, '2026-04-02');
      assert.deepEqual(extended.extension.days, 30);
      refused(await head.post(`/api/customs/audits/${a.number}/extension`, { days: 1, reason: 'again' }), 409, 'AUDIT_EXTENSION_ALREADY_USED');
      assert.ok((await inbox(person)).some((n) => n.kind === 'audit_extended'));

      // A6: the act within the period; amounts only with a violation.
      await at('2026-04-20T05:00:00Z');
      refused(
        await officer.post(`/api/customs/audits/${a.number}/report`, { isViolationFound: false, findings: 'none', additionalDirams: '100' }),
        422,
        'AUDIT_FINDINGS_INCONSISTENT',
      );
      const reported = okay(
        await officer.post(`/api/customs/audits/${a.number}/report`, {
          isViolationFound: true,
          findings: 'Customs value understated on 3 lines',
          additionalDirams: '1250000',
        }),
      );
      assert.equal(reported.state, 'REPORT_ISSUED');
      assert.equal(reported.report.isLate, false);
      assert.equal(reported.report.additionalDirams, '1250000');
      assert.ok((await inbox(person)).some((n) => n.kind === 'audit_report_issued' && /12500\.00/.test(n.body.ru)));

      // A9: the worker feeds the results back to risk management and closes the audit.
      await tick();
      const closed = okay(await officer.get(`/api/customs/audits/${a.number}`));
      assert.equal(closed.state, 'CLOSED');
      const [row] = await t.db.query<{ id: string }>('SELECT id FROM customs.audits WHERE number = $1', [a.number]);
      const [event] = await t.db.query<{ payload: Record<string, unknown> }>(
        `SELECT payload FROM platform.outbox WHERE topic = 'customs.control_result' AND payload->>'subjectId' = $1`,
        [row?.id],
      );
      assert.ok(event, 'control result published');
      assert.deepEqual(
        { ...event.payload, at: undefined },
        {
          subjectKind: 'audit',
          subjectId: row?.id,
          traderCode: TIN,
          isViolationFound: true,
          findings: 'Customs value understated on 3 lines',
          additionalDirams: 1250000,
          source: 'audit',
          at: undefined,
        },
      );
      // The card's history: every step, who and when.
      assert.deepEqual(
        closed.history.map((h: { action: string }) => h.action),
        ['ground_registered', 'order_issued', 'started', 'extended', 'report_issued', 'closed'],
      );
      assert.equal(closed.history[1].actor.startsWith('customs_officer:'), true);
      assert.equal(closed.history[3].actor.startsWith('customs_head:'), true);
      await tick();
      const n = await count(`SELECT count(*)::int AS n FROM platform.outbox WHERE topic = 'customs.control_result' AND payload->>'subjectId' = $1`, [
        event.payload.subjectId,
      ]);
      assert.equal(n, 1, 'fed back once');
      // Risk management received it: the result is kept for the trader's statistics (art.429(2) p.1).
      const kept = await count(
        `SELECT count(*)::int AS n FROM risk.control_results WHERE subject_id = $1 AND source = 'audit' AND additional_dirams = 1250000`,
        [row?.id],
      );
      assert.equal(kept, 1);
    });

    test('CUS-AUD-13 CUS-AUD-14 CUS-AUD-15 CUS-AUD-18: field audit: order signed by the head only, electronic delivery starts it today, extension refused after the 30th day, a late act needs its reason', async () => {
      await at('2026-03-02T05:00:00Z');
      const a = await register({ place: 'field', ground: 'F10', groundDetails: 'Appeal of a competitor, ref 2026/55' });
      refused(await order(officer, a.number), 403, 'AUDIT_ORDER_SIGNER_NOT_AUTHORISED');
      const ordered = okay(await order(head, a.number));
      assert.equal(ordered.order.signerRole, 'customs_head');
      const started = okay(await officer.post(`/api/customs/audits/${a.number}/delivery`, { method: 'electronic' }));
      assert.equal(started.startOn, '2026-03-02');
      assert.equal(started.dueOn, '2026-04-01');
      assert.ok((await inbox(person)).some((n) => n.kind === 'audit_field_started'));
      // After the 30th day ended: no extension; the audit is overdue and the officers are told once.
      await at('2026-04-02T05:00:00Z');
      refused(await head.post(`/api/customs/audits/${a.number}/extension`, { days: 5, reason: 'late' }), 409, 'AUDIT_EXTENSION_TOO_LATE');
      assert.equal(okay(await officer.get(`/api/customs/audits/${a.number}`)).isOverdue, true);
      await tick();
      await tick();
      const overdue = (await inbox(officer)).filter((n) => n.kind === 'audit_overdue' && n.title.en.includes(a.number));
      assert.equal(overdue.length, 1);
      assert.ok((await inbox(head)).some((n) => n.kind === 'audit_overdue' && n.title.en.includes(a.number)));
      const listed = okay(await officer.get('/api/customs/audits?isOverdue=true'));
      assert.ok(listed.some((x: { number: string }) => x.number === a.number));
      const n = await count(`SELECT count(*)::int AS n FROM platform.outbox WHERE topic = 'customs.audit_overdue' AND payload->>'number' = $1`, [a.number]);
      assert.equal(n, 1);
      // The act after the period: refused without a reason, recorded late with one.
      refused(
        await officer.post(`/api/customs/audits/${a.number}/report`, { isViolationFound: false, findings: 'No violation', additionalDirams: '0' }),
        422,
        'AUDIT_REPORT_LATE_REASON_REQUIRED',
      );
      const late = okay(
        await officer.post(`/api/customs/audits/${a.number}/report`, {
          isViolationFound: false,
          findings: 'No violation',
          additionalDirams: '0',
          lateReason: 'The premises were closed by the person until 31 March',
        }),
      );
      assert.equal(late.report.isLate, true);
      assert.equal(okay(await person.get(`/api/customs/audits/${a.number}`)).report.isLate, true);
    });

    test('CUS-AUD-16: A7 a field audit on the desk results (ground 13) and A8 on a complaint (ground 12), linked to the audit they follow', async () => {
      await at('2026-03-02T05:00:00Z');
      const clean = await register();
      okay(await order(officer, clean.number));
      okay(await officer.post(`/api/customs/audits/${clean.number}/delivery`, { method: 'electronic' }));
      refused(await officer.post(`/api/customs/audits/${clean.number}/follow-up`, { reason: 'complaint', details: 'x' }), 409, 'AUDIT_STATE_CONFLICT');
      okay(await officer.post(`/api/customs/audits/${clean.number}/report`, { isViolationFound: false, findings: 'Nothing found', additionalDirams: '0' }));
      refused(
        await officer.post(`/api/customs/audits/${clean.number}/follow-up`, { reason: 'desk_results', details: 'x' }),
        422,
        'AUDIT_FOLLOW_UP_NOT_GROUNDED',
      );
      // A8: the person complained about the results.
      const complaint = okay(
        await officer.post(`/api/customs/audits/${clean.number}/follow-up`, { reason: 'complaint', details: 'Complaint 2026/12 of 10 March' }),
        201,
      );
      assert.equal(complaint.place, 'field');
      assert.equal(complaint.state, 'GROUND_REGISTERED');
      assert.equal(complaint.ground.code, 'F12');
      assert.equal(complaint.originNumber, clean.number);

      const desk = await register({ declarations: [released] });
      okay(await order(officer, desk.number));
      okay(await officer.post(`/api/customs/audits/${desk.number}/delivery`, { method: 'electronic' }));
      okay(
        await officer.post(`/api/customs/audits/${desk.number}/report`, {
          isViolationFound: false,
          isDocumentsNotSubmitted: true,
          findings: 'Contracts not submitted on demand',
          additionalDirams: '0',
        }),
      );
      await tick();
      // A7 from the closed desk audit: documents not submitted in time (art.417(2) p.5 i.13).
      const field = okay(
        await officer.post(`/api/customs/audits/${desk.number}/follow-up`, { reason: 'desk_results', details: 'Contracts not submitted' }),
        201,
      );
      assert.equal(field.ground.code, 'F13');
      assert.deepEqual(field.declarations, [released]);
      assert.equal(field.originNumber, desk.number);
      const origin = okay(await officer.get(`/api/customs/audits/${desk.number}`));
      assert.equal(origin.state, 'CLOSED');
      assert.equal(origin.history.at(-1).action, 'follow_up_registered');
      assert.equal(origin.history.at(-1).details.followUp, field.number);
      // The follow-up field audit still needs the head's signature.
      refused(await order(officer, field.number), 403, 'AUDIT_ORDER_SIGNER_NOT_AUTHORISED');
      refused(await officer.post('/api/customs/audits/AUD-2026-999999/follow-up', { reason: 'complaint', details: 'x' }), 404, 'AUDIT_NOT_FOUND');
    });
  });
}
