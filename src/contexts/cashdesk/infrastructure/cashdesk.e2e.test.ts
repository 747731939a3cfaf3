/**
 * Issue #4's proof, over HTTP: the operator listens on 127.0.0.1 and the hosted virtual cash
 * register sends it every document over the network, as a register elsewhere would. Cutting the
 * network points the register's link at a closed port.
 */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type Client, type TestApp } from '../../../../test/app.ts';
import { closedPort, PASSWORD, readyRegister, resume, type Vcr } from '../../../../test/cashdesk-fixture.ts';
import { testTargets } from '../../../../test/db.ts';

const HOUR = 3_600_000;

/** A sale as the POS sends it: bread scanned by EAN-13, milk by article code, sugar by weight. */
const saleBody = (i: number) => {
  const lines = [
    { code: '4600000000008', quantity: 1000 * (1 + (i % 3)) },
    { code: 'SHIR' },
    { code: 'QAND', quantity: 1500 },
    ...(i % 4 === 0 ? [{ code: 'XIZ' }] : []),
  ];
  // 3.50 × n + 12.00 + 13.50 (+ 5.00): pay in cash with change, by card, or both.
  const total = 350 * (1 + (i % 3)) + 1200 + 1350 + (i % 4 === 0 ? 500 : 0);
  const payment =
    i % 3 === 0
      ? { cashGiven: Math.ceil(total / 1000) * 1000, card: 0 }
      : i % 3 === 1
        ? { cashGiven: 0, card: total }
        : { cashGiven: 1000, card: total - 1000 };
  return { body: { lines, payment }, total };
};

for (const target of testTargets()) {
  describe(`the virtual cash register against the operator over HTTP [${target}]`, () => {
    let t: TestApp;
    let officer: Client;
    let cut: string;

    before(async () => {
      t = await startTestApp(target, '2026-03-02T03:00:00Z');
      officer = await t.as('tax_officer');
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      assert.ok((t.app.server.address() as AddressInfo).port > 0);
      cut = `http://127.0.0.1:${await closedPort()}`;
    });
    after(() => t.close());

    const operatorDocuments = (fm: string) =>
      t.db.query<{ n: number; distinct_numbers: number; receipts: number; max: number }>(
        `SELECT count(*)::int AS n, count(DISTINCT number)::int AS distinct_numbers, count(*) FILTER (WHERE doc_type = 'receipt')::int AS receipts, max(number)::int AS max
           FROM fiscal.documents WHERE fiscal_module_number = $1`,
        [fm],
      );
    /** Every alert of intake (p.36, p.77, FIS-IMP-20), the shift signature's own (CHAIN_HASH_MISMATCH, SHIFT_SIGNATURE_INVALID) included. */
    const intakeAlerts = (found: { alerts: { kind: string }[] }) => found.alerts;
    const integrity = async (v: Vcr) => {
      await t.c.fiscal.intake.drain();
      return (await officer.get(`/api/fiscal/registers/${v.fiscalRegisterId}/integrity`)).body;
    };

    test('FIS-VCS-01, FIS-VCS-02, FIS-VCS-03, FIS-VCS-04, FIS-VCS-05, FIS-VCS-06, FIS-VCS-07, FIS-VCS-08, FIS-VCS-09, FIS-VTR-10, FIS-OCR-17, FIS-OCR-03, FIS-USE-02: a registered virtual register sells 100 receipts online and 20 offline; all 120 reach the operator exactly once, the Z-report matches, the QR checks, refunds never exceed the sale', async () => {
      const v = await readyRegister(t, officer);
      const status0 = (await v.shop.get(v.path('/status'))).body;
      assert.equal(status0.canIssueReceipts, true, JSON.stringify(status0.reasons));
      assert.deepEqual([status0.module.state, status0.isUnlocked, status0.link.isOnline], ['initialised', true, true]);

      const opened = await v.shop.post(v.path('/shifts'), { openingCash: 10_000 });
      assert.equal(opened.status, 201, opened.text);
      assert.deepEqual([opened.body.document.type, opened.body.document.shiftNumber, opened.body.delivery.status], ['shift_open', 1, 'accepted']);

      // 100 receipts online: each acknowledged by the operator and checked by the module before the answer.
      const issued: { number: number; total: number; qr: string; eReceiptUrl: string; change: number }[] = [];
      for (let i = 0; i < 100; i++) {
        t.clock.advance(30_000);
        const { total, body } = saleBody(i);
        const r = await v.shop.post(v.path('/sales'), body);
        assert.equal(r.status, 201, r.text);
        assert.equal(r.body.delivery.status, 'accepted', r.text);
        assert.deepEqual([r.body.document.total, r.body.document.isOffline, r.body.offline], [total, false, null]);
        if (i % 3 === 0) assert.equal(r.body.change, body.payment.cashGiven - total);
        issued.push({ number: r.body.document.number, total, qr: r.body.qr, eReceiptUrl: r.body.eReceiptUrl, change: r.body.change });
      }
      assert.equal((await operatorDocuments(v.fm))[0]?.receipts, 100);

      // The network is cut: receipts keep being issued, kept in the module's memory on disk, and the
      // register says how much of p.36's 24 hours is left.
      t.c.cashdesk.useOperatorUrl(cut);
      const offline: typeof issued = [];
      for (let i = 100; i < 120; i++) {
        t.clock.advance(30_000);
        const { total, body } = saleBody(i);
        const r = await v.shop.post(v.path('/sales'), body);
        assert.equal(r.status, 201, r.text);
        assert.equal(r.body.delivery.status, 'queued');
        assert.equal(r.body.document.isOffline, true);
        assert.ok(r.body.offline.msLeft > 22 * HOUR && r.body.offline.msLeft <= 23 * HOUR, JSON.stringify(r.body.offline));
        offline.push({ number: r.body.document.number, total, qr: r.body.qr, eReceiptUrl: r.body.eReceiptUrl, change: r.body.change });
      }
      const away = (await v.shop.get(v.path('/status'))).body;
      assert.deepEqual([away.queue.length, away.link.isOnline, away.canIssueReceipts], [20, false, true]);
      assert.equal(away.offline.since, offline[0] && (await v.shop.get(v.path(`/receipts/${offline[0].number}`))).body.document.issuedAt);
      assert.equal((await operatorDocuments(v.fm))[0]?.receipts, 100, 'nothing reached the operator while the network was cut');

      // The network returns: the worker's checker sends the backlog as a batch and hands the acknowledgements to the module.
      t.c.cashdesk.useOperatorUrl(undefined);
      await t.c.worker.runOnce();
      const back = (await v.shop.get(v.path('/status'))).body;
      assert.deepEqual([back.queue.length, back.offline, back.link.isOnline], [0, null, true]);
      const late = (await v.shop.get(v.path(`/receipts/${offline[5]?.number}`))).body;
      assert.deepEqual([late.delivery.status, late.delivery.violations], ['accepted', []]);
      // A second sync finds nothing to send: exactly once.
      const again = await v.shop.post(v.path('/sync'));
      assert.deepEqual([again.status, again.body.sent, again.body.queueLength], [200, 0, 0]);
      const [atOperator] = await operatorDocuments(v.fm);
      assert.deepEqual(atOperator, { n: 121, distinct_numbers: 121, receipts: 120, max: 121 });

      // The X-report in the middle, then the Z-report: the operator recomputes the shift and finds no difference.
      const x = (await v.shop.get(v.path('/shifts/current/x-report'))).body;
      assert.deepEqual([x.totals.receiptCount, x.totals.offlineCount], [120, 20]);
      const salesCash = x.totals.byPayment.find((p: { operation: string }) => p.operation === 'sale').cash;
      assert.equal(x.expectedCash, 10_000 + salesCash);
      t.clock.advance(60_000);
      const closed = await v.shop.post(v.path('/shifts/current/close'));
      assert.equal(closed.status, 200, closed.text);
      assert.deepEqual([closed.body.document.type, closed.body.delivery.status, closed.body.matchesRegister], ['z_report', 'accepted', true]);
      assert.equal(
        closed.body.signature,
        'verified',
        'the shift signature (p.77, p.79) went to the operator after the Z-report and verified over 122 documents',
      );
      assert.deepEqual(closed.body.document.totals, x.totals);
      const found = await integrity(v);
      assert.deepEqual([found.shifts[0].shiftNumber, found.shifts[0].reconciliation], [1, 'match']);
      assert.deepEqual(found.gaps, []);
      assert.deepEqual(intakeAlerts(found), [], 'no Z_MISMATCH, no gap, no chain break, no shift-signature alert');

      // A buyer checks one receipt (one that was issued offline) by its QR code at the public check.
      const sample = offline[7] as (typeof offline)[number];
      const check = await t.anon.get(`/api/public/receipts/check?qr=${encodeURIComponent(sample.qr)}`);
      assert.deepEqual([check.status, check.body.status, check.body.receipt.total], [200, 'valid', (sample.total / 100).toFixed(2)]);
      const page = await t.anon.get(new URL(sample.eReceiptUrl).pathname);
      assert.equal(page.status, 200);
      assert.match(String(page.headers['content-type']), /^text\/html/);
      assert.ok(page.text.includes('<svg') && page.text.includes('РЕҶАИ ОФЛАЙН'), 'the e-receipt has its QR code and says it was issued offline');

      // Printing: 32 columns of text, ESC/POS bytes, a PDF.
      const text = await v.shop.get(v.path(`/receipts/${sample.number}/print/text`));
      assert.match(String(text.headers['content-type']), /^text\/plain/);
      assert.ok(text.text.split('\n').every((l) => [...l].length <= 32));
      const escpos = await v.shop.get(v.path(`/receipts/${sample.number}/print/escpos`));
      assert.deepEqual([escpos.status, escpos.headers['content-type'], escpos.text.charCodeAt(0)], [200, 'application/octet-stream', 0x1b]);
      const pdf = await v.shop.get(v.path(`/receipts/${sample.number}/print/pdf`));
      assert.deepEqual([pdf.status, pdf.headers['content-type'], pdf.text.slice(0, 5)], [200, 'application/pdf', '%PDF-']);

      // Refunds (section 6) in the next shift: two lines of a sale are refunded; more than was sold is refused.
      assert.equal((await v.shop.post(v.path('/shifts'), {})).status, 201);
      const original = issued[4] as (typeof issued)[number];
      const refund = await v.shop.post(v.path('/refunds'), {
        originalNumber: original.number,
        lines: [{ originalLine: 0, quantity: 1000 }, { originalLine: 2 }],
        buyerName: 'Каримов Алишер Валиевич',
      });
      assert.equal(refund.status, 201, refund.text);
      assert.deepEqual(
        [refund.body.document.operation, refund.body.document.refundOf.number, refund.body.delivery.status],
        ['refund', original.number, 'accepted'],
      );
      assert.deepEqual(
        refund.body.document.lines.map((l: { originalLine: number; amount: number }) => [l.originalLine, l.amount]),
        [
          [0, 350],
          [2, 1350],
        ],
      );
      assert.equal(refund.body.cashOut, 1700);
      const over = await v.shop.post(v.path('/refunds'), {
        originalNumber: original.number,
        lines: [{ originalLine: 0, quantity: 2000 }],
        buyerName: 'Каримов Алишер',
      });
      assert.equal(over.status, 422, over.text);
      assert.equal(over.body.code, 'REFUND_INVALID');
      assert.deepEqual(
        over.body.details.problems.map((p: { code: string }) => p.code),
        ['REFUND_EXCEEDS_SALE'],
      );
      const kept = (await v.shop.get(v.path(`/receipts/${original.number}`))).body;
      assert.deepEqual(kept.refunded, [
        { originalLine: 0, quantity: 1000, amount: 350 },
        { originalLine: 2, quantity: 1500, amount: 1350 },
      ]);

      // Reports by day, product and payment form (p.5); the refund counts on its own day (p.42).
      const reports = (await v.shop.get(v.path('/reports?from=2026-03-02&to=2026-03-02'))).body;
      const day = reports.byDay[0];
      const sold = [...issued, ...offline].reduce((s, r) => s + r.total, 0);
      assert.deepEqual([day.saleCount, day.refundCount, day.sales, day.refunds, day.net], [120, 1, sold, 1700, sold - 1700]);
      const bread = reports.byProduct.find((p: { gtin?: string }) => p.gtin === '4600000000008');
      assert.equal(bread.refundedQuantity, 1000);
      assert.equal(reports.byPaymentForm.net.total, sold - 1700);
      const final = await integrity(v);
      assert.deepEqual(intakeAlerts(final), []);
    });

    test('FIS-USE-02, FIS-USE-03, FIS-VCS-07: a register offline for nearly 24 hours stops issuing before the limit (p.36), may still close its shift, and works again once its queue reaches the operator; the shift signature follows the Z-report', async () => {
      const v = await readyRegister(t, officer);
      assert.equal((await v.shop.post(v.path('/shifts'), {})).status, 201);
      t.c.cashdesk.useOperatorUrl(cut);
      try {
        const first = await v.shop.post(v.path('/sales'), saleBody(0).body);
        assert.deepEqual([first.status, first.body.delivery.status], [201, 'queued']);
        t.clock.advance(20.5 * HOUR);
        await resume(t, v);
        const near = await v.shop.post(v.path('/sales'), saleBody(1).body);
        assert.equal(near.status, 201, near.text);
        assert.deepEqual(
          near.body.warnings.map((w: { code: string }) => w.code),
          ['OFFLINE_LIMIT_NEAR'],
        );
        t.clock.advance(2.6 * HOUR);
        await resume(t, v);
        const stopped = await v.shop.post(v.path('/sales'), saleBody(2).body);
        assert.deepEqual([stopped.status, stopped.body.code], [409, 'OFFLINE_LIMIT_REACHED'], stopped.text);
        const status = (await v.shop.get(v.path('/status'))).body;
        assert.deepEqual([status.canIssueReceipts, status.canCloseShift, status.offline.isStopped, status.queue.length], [false, true, true, 2]);
        // p.2: the shift may still be closed with its Z-report, which joins the queue.
        const closed = await v.shop.post(v.path('/shifts/current/close'));
        assert.deepEqual([closed.status, closed.body.delivery.status], [200, 'queued'], closed.text);
      } finally {
        t.c.cashdesk.useOperatorUrl(undefined);
      }
      assert.equal((await v.shop.get(v.path('/shifts'))).body[0].signature, 'pending');
      await t.c.worker.runOnce();
      const back = (await v.shop.get(v.path('/status'))).body;
      assert.deepEqual([back.queue.length, back.canIssueReceipts], [0, true], JSON.stringify(back.reasons));
      assert.equal((await v.shop.get(v.path('/shifts'))).body[0].signature, 'verified', 'the worker sent the shift signature after the queued Z-report');
      assert.equal((await v.shop.post(v.path('/shifts'), {})).status, 201);
      officer = await t.as('tax_officer');
      const found = await integrity(v);
      assert.equal(found.shifts.find((s: { shiftNumber: number }) => s.shiftNumber === 1).reconciliation, 'match');
      assert.deepEqual(found.alerts, [], 'the shift signature verified too (p.77, p.79)');
    });

    test('FIS-VTR-07, FIS-OCR-11: the register is unlocked with its program password: wrong ones are refused and paused after five', async () => {
      const v = await readyRegister(t, officer, { isUnlocked: false });
      const locked = await v.shop.post(v.path('/sales'), saleBody(0).body);
      assert.deepEqual([locked.status, locked.body.code], [403, 'REGISTER_LOCKED']);
      for (let i = 0; i < 5; i++) {
        const wrong = await v.shop.post(v.path('/unlock'), { password: 'нодуруст' });
        assert.deepEqual([wrong.status, wrong.body.code], [403, 'PROGRAM_PASSWORD_WRONG']);
      }
      const paused = await v.shop.post(v.path('/unlock'), { password: PASSWORD });
      assert.deepEqual([paused.status, paused.body.code], [429, 'PROGRAM_PASSWORD_LOCKED']);
      t.clock.advance(5 * 60_000 + 1000);
      const right = await v.shop.post(v.path('/unlock'), { password: PASSWORD });
      assert.equal(right.status, 200, right.text);
      assert.equal(right.body.status.isUnlocked, true);
      assert.equal((await v.shop.post(v.path('/lock'))).status, 204);
      assert.equal((await v.shop.post(v.path('/shifts'), {})).body.code, 'REGISTER_LOCKED');
      const short = await v.shop.post('/api/cashdesk/registers', { fiscalRegisterId: v.fiscalRegisterId, password: '12345' });
      assert.deepEqual([short.status, short.body.code], [422, 'PASSWORD_TOO_SHORT']);
    });
  });
}
