import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { type Client, startTestApp, type TestApp } from '../../../../test/app.ts';
import { testTargets } from '../../../../test/db.ts';
import { transact } from '../../../platform/db.ts';
import { type FinanceSimulator, startFinanceSimulator } from '../../../simulators/finance/server.ts';
import { DEMO_PAYMENT_REFERENCE, guaranteeCover, issuePaymentOrder, paidTotal, seedCustomsFinanceDemo } from '../index.ts';
import { BUDGET_CODES } from '../domain/payments.ts';

const SECRET = randomBytes(32).toString('hex');
const PAYER = '010000201';
const hmac = (secret: string, text: string) => `sha256=${createHmac('sha256', secret).update(text).digest('hex')}`;

for (const target of testTargets()) {
  describe(`customs payments confirmed by the finance authority over HTTP [${target}]`, () => {
    let t: TestApp;
    let sim: FinanceSimulator;
    let customsUrl: string;
    let officer: Client;
    let payer: Client;
    let stranger: Client;
    let orderNo = 0;

    before(async () => {
      t = await startTestApp(target, '2026-03-02T05:00:00Z');
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      customsUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
      sim = await startFinanceSimulator({ customsUrl, secret: SECRET, retry: { attempts: 3, baseDelayMs: 20 } });
      t.c.customs.connectFinance({ url: sim.url, secret: SECRET });
      officer = await t.as('customs_officer');
      payer = await t.as('declarant', { tin: PAYER });
      stranger = await t.as('declarant', { tin: '010000999' });
    });
    after(async () => {
      await sim.close();
      await t.close();
    });

    const refused = (r: { status: number; body: { code?: string } }, status: number, code: string) => {
      assert.equal(r.status, status, JSON.stringify(r.body));
      assert.equal(r.body.code, code);
    };
    /** The payer pays at a bank: the money reaches the treasury (the simulator). */
    const pay = async (reference: string, kind: keyof typeof BUDGET_CODES, amountDirams: string, payerTin = PAYER) => {
      orderNo += 1;
      const r = await fetch(`${sim.url}/payments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          payerTin,
          reference,
          budgetCode: BUDGET_CODES[kind],
          amountDirams,
          paymentOrderNumber: `PP-${orderNo}`,
          paymentOrderDate: '2026-03-02',
        }),
      });
      assert.equal(r.status, 201);
      return (await r.json()) as Record<string, string>;
    };
    const issue = (reference: string, payerTin = PAYER) =>
      officer.post('/api/customs/payment-orders', {
        reference,
        payerTin,
        lines: [
          { kind: 'duty', amountDirams: '10000' },
          { kind: 'vat', amountDirams: '14000' },
        ],
      });
    const events = (reference: string) =>
      t.db.query<{ amount: string; number: string }>(
        `SELECT payload->>'amountDirams' AS amount, payload->>'paymentOrderNumber' AS number FROM platform.outbox WHERE topic = 'customs.payment_confirmed' AND payload->>'reference' = $1 ORDER BY created_at, id`,
        [reference],
      );
    /** A confirmation pushed straight to customs, signed with `secret`. */
    const push = (body: string, signature: string | undefined) =>
      fetch(`${customsUrl}/api/customs/finance/payment-confirmations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(signature ? { 'x-finance-signature': signature } : {}) },
        body,
      });
    const confirmation = (over: Record<string, string> = {}) =>
      JSON.stringify({
        receiptId: 'r-1',
        paymentOrderNumber: 'PP-X1',
        paymentOrderDate: '2026-03-02',
        payerTin: PAYER,
        reference: 'REF-REPLAY',
        budgetCode: BUDGET_CODES.duty,
        amountDirams: '10000',
        receivedAt: '2026-03-02T05:00:00Z',
        ...over,
      });

    test('CUS-DEC-85 CUS-REL-04 CUS-REL-02 IMP-10: a payment made at the finance authority is pushed over HTTP, matched and shows as paid', async () => {
      const issued = await issue('REF-0001');
      assert.equal(issued.status, 201, issued.text);
      assert.deepEqual(
        issued.body.lines.map((l: { kind: string; budgetCode: string }) => [l.kind, l.budgetCode]),
        [
          ['duty', BUDGET_CODES.duty],
          ['vat', BUDGET_CODES.vat],
        ],
      );
      assert.equal(issued.body.totalDirams, '24000');
      await pay('REF-0001', 'duty', '10000');
      await sim.settled();
      const half = await payer.get('/api/customs/payment-orders/REF-0001');
      assert.equal(half.status, 200, half.text);
      assert.equal(half.body.isPaid, false);
      assert.equal(half.body.outstandingDirams, '14000');
      await pay('REF-0001', 'vat', '14000');
      await sim.settled();
      assert.ok(sim.receipts().every((r) => r.push.state === 'delivered'));
      const paid = await payer.get('/api/customs/payment-orders/REF-0001');
      assert.equal(paid.body.isPaid, true);
      assert.equal(paid.body.paidDirams, '24000');
      assert.deepEqual(
        paid.body.receipts.map((r: { status: string; source: string; amountDirams: string }) => [r.status, r.source, r.amountDirams]),
        [
          ['matched', 'push', '10000'],
          ['matched', 'push', '14000'],
        ],
      );
      assert.equal(await paidTotal(t.db.db, 'REF-0001'), 24_000n);
      assert.deepEqual(
        (await events('REF-0001')).map((e) => e.amount),
        ['10000', '14000'],
      );
      // Only the payer and customs see the order.
      refused(await stranger.get('/api/customs/payment-orders/REF-0001'), 404, 'PAYMENT_ORDER_NOT_FOUND');
      refused(
        await payer.post('/api/customs/payment-orders', { reference: 'REF-0002', payerTin: PAYER, lines: [{ kind: 'duty', amountDirams: '1' }] }),
        403,
        'FORBIDDEN',
      );
    });

    test('CUS-REL-04: a forged or missing signature is refused with FINANCE_SIGNATURE_INVALID and nothing is recorded', async () => {
      const body = confirmation({ paymentOrderNumber: 'PP-FORGED' });
      for (const signature of [undefined, hmac('another secret', body), hmac(SECRET, `${body} `), 'sha256=00']) {
        const r = await push(body, signature);
        assert.equal(r.status, 401);
        assert.equal(((await r.json()) as { code: string }).code, 'FINANCE_SIGNATURE_INVALID');
      }
      // The body was tampered with after signing.
      const r = await push(confirmation({ paymentOrderNumber: 'PP-FORGED', amountDirams: '99999' }), hmac(SECRET, body));
      assert.equal(r.status, 401);
      const stored = await t.db.query(`SELECT 1 FROM customs.payment_confirmations WHERE payment_order_number = 'PP-FORGED'`);
      assert.equal(stored.length, 0);
      // A treasury that signs with the wrong key: its push is refused, not retried.
      const wrong = await startFinanceSimulator({ customsUrl, secret: 'wrong', retry: { attempts: 3, baseDelayMs: 20 } });
      try {
        await fetch(`${wrong.url}/payments`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            payerTin: PAYER,
            reference: 'REF-0001',
            budgetCode: BUDGET_CODES.duty,
            amountDirams: '5',
            paymentOrderNumber: 'PP-W',
            paymentOrderDate: '2026-03-02',
          }),
        });
        await wrong.settled();
        assert.deepEqual(wrong.receipts()[0]?.push, { state: 'refused', attempts: 1, lastStatus: 401 });
      } finally {
        await wrong.close();
      }
    });

    test('CUS-REL-04: a replayed confirmation is recorded once and published once; the same payment order with other data is refused', async () => {
      assert.equal((await issue('REF-REPLAY')).status, 201);
      const body = confirmation();
      const first = await push(body, hmac(SECRET, body));
      assert.equal(first.status, 201);
      assert.deepEqual(await first.json(), { outcome: 'recorded', isMatched: true, reference: 'REF-REPLAY', paymentOrderNumber: 'PP-X1' });
      const again = await push(body, hmac(SECRET, body));
      assert.equal(again.status, 200);
      assert.equal(((await again.json()) as { outcome: string }).outcome, 'duplicate');
      assert.equal((await events('REF-REPLAY')).length, 1);
      assert.equal(await paidTotal(t.db.db, 'REF-REPLAY'), 10_000n);
      const other = confirmation({ amountDirams: '10001' });
      const conflict = await push(other, hmac(SECRET, other));
      assert.equal(conflict.status, 409);
      assert.equal(((await conflict.json()) as { code: string }).code, 'PAYMENT_CONFIRMATION_CONFLICT');
      const zero = confirmation({ paymentOrderNumber: 'PP-ZERO', amountDirams: '0' });
      const invalid = await push(zero, hmac(SECRET, zero));
      assert.equal(invalid.status, 422);
      assert.equal(((await invalid.json()) as { code: string }).code, 'FINANCE_CONFIRMATION_INVALID');
    });

    test('CUS-REL-03 CUS-REL-04: reconciliation asks the finance authority and records a payment whose push was missed', async () => {
      assert.equal((await issue('REF-MISSED')).status, 201);
      sim.setPushing(false);
      try {
        await pay('REF-MISSED', 'duty', '10000');
        await pay('REF-MISSED', 'vat', '14000');
      } finally {
        sim.setPushing(true);
      }
      assert.equal((await payer.get('/api/customs/payment-orders/REF-MISSED')).body.isPaid, false);
      // Art.149 p.2: the payer may ask the finance authority itself, naming its TIN.
      const own = await fetch(`${sim.url}/receipts?reference=REF-MISSED&payerTin=${PAYER}`);
      assert.equal(((await own.json()) as { receipts: unknown[] }).receipts.length, 2);
      assert.equal((await fetch(`${sim.url}/receipts?reference=REF-MISSED`)).status, 401);
      refused(await stranger.post('/api/customs/payment-orders/REF-MISSED/reconcile'), 404, 'PAYMENT_ORDER_NOT_FOUND');
      const r = await payer.post('/api/customs/payment-orders/REF-MISSED/reconcile');
      assert.equal(r.status, 200, r.text);
      assert.deepEqual(r.body, { reference: 'REF-MISSED', found: 2, recorded: 2, conflicts: 0 });
      const statement = await officer.get('/api/customs/payment-orders/REF-MISSED');
      assert.equal(statement.body.isPaid, true);
      assert.deepEqual(
        statement.body.receipts.map((x: { source: string }) => x.source),
        ['reconciliation', 'reconciliation'],
      );
      assert.equal((await events('REF-MISSED')).length, 2);
      assert.deepEqual((await officer.post('/api/customs/payment-orders/REF-MISSED/reconcile')).body, {
        reference: 'REF-MISSED',
        found: 2,
        recorded: 0,
        conflicts: 0,
      });
    });

    test('CUS-REL-03: an unreachable finance authority is a 503 with a code and an unconfigured link a 409, never a 500', async () => {
      t.c.customs.connectFinance({ url: 'http://127.0.0.1:9', secret: SECRET, timeoutMs: 2000 });
      try {
        refused(await officer.post('/api/customs/payment-orders/REF-0001/reconcile'), 503, 'FINANCE_AUTHORITY_UNAVAILABLE');
        t.c.customs.connectFinance({});
        refused(await officer.post('/api/customs/payment-orders/REF-0001/reconcile'), 409, 'FINANCE_LINK_NOT_CONFIGURED');
        const body = confirmation({ paymentOrderNumber: 'PP-NOCONF' });
        const r = await push(body, hmac(SECRET, body));
        assert.equal(r.status, 409);
        assert.equal(((await r.json()) as { code: string }).code, 'FINANCE_LINK_NOT_CONFIGURED');
      } finally {
        t.c.customs.connectFinance({ url: sim.url, secret: SECRET });
      }
    });

    test('CUS-DEC-70 IMP-10: a payment before the payment order waits unmatched and is matched when the order is issued; another payer’s stays unmatched', async () => {
      await pay('REF-EARLY', 'duty', '10000');
      await pay('REF-EARLY', 'vat', '14000', '010000888');
      await sim.settled();
      const unmatched = await officer.get('/api/customs/payment-confirmations/unmatched');
      assert.deepEqual(
        unmatched.body.filter((u: { reference: string }) => u.reference === 'REF-EARLY').map((u: { unmatchedReason: string }) => u.unmatchedReason),
        ['NO_PAYMENT_ORDER', 'NO_PAYMENT_ORDER'],
      );
      refused(await payer.get('/api/customs/payment-confirmations/unmatched'), 403, 'FORBIDDEN');
      assert.equal(await paidTotal(t.db.db, 'REF-EARLY'), 0n);
      assert.equal((await issue('REF-EARLY')).status, 201);
      assert.equal(await paidTotal(t.db.db, 'REF-EARLY'), 10_000n);
      assert.equal((await events('REF-EARLY')).length, 1);
      const s = await officer.get('/api/customs/payment-orders/REF-EARLY');
      assert.deepEqual(
        s.body.receipts.map((x: { status: string; unmatchedReason: string | null }) => [x.status, x.unmatchedReason]),
        [
          ['matched', null],
          ['unmatched', 'PAYER_MISMATCH'],
        ],
      );
      // The payer sees its own receipts only.
      assert.equal((await payer.get('/api/customs/payment-orders/REF-EARLY')).body.receipts.length, 1);
      // Issuing the same order again changes nothing; new amounts supersede it.
      assert.equal((await issue('REF-EARLY')).body.isNew, false);
      const amended = await officer.post('/api/customs/payment-orders', {
        reference: 'REF-EARLY',
        payerTin: PAYER,
        lines: [{ kind: 'duty', amountDirams: '10000' }],
      });
      assert.equal(amended.body.version, 2);
      assert.equal((await officer.get('/api/customs/payment-orders/REF-EARLY')).body.isPaid, true);
    });

    test('CUS-DEC-85: refusals of a payment order: bad lines, bad payer, bad reference, unknown reference', async () => {
      refused(
        await officer.post('/api/customs/payment-orders', {
          reference: 'REF-BAD',
          payerTin: PAYER,
          lines: [
            { kind: 'duty', amountDirams: '1' },
            { kind: 'duty', amountDirams: '2' },
          ],
        }),
        422,
        'PAYMENT_LINES_INVALID',
      );
      refused(
        await officer.post('/api/customs/payment-orders', { reference: 'REF-BAD', payerTin: PAYER, lines: [{ kind: 'duty', amountDirams: '0' }] }),
        422,
        'PAYMENT_LINES_INVALID',
      );
      refused(
        await officer.post('/api/customs/payment-orders', { reference: 'REF BAD', payerTin: PAYER, lines: [{ kind: 'duty', amountDirams: '1' }] }),
        400,
        'VALIDATION_FAILED',
      );
      refused(await officer.get('/api/customs/payment-orders/REF-NONE'), 404, 'PAYMENT_ORDER_NOT_FOUND');
      const at = t.clock.now();
      const badPayer = await transact(t.db.db, (tx) =>
        issuePaymentOrder(tx, { reference: 'REF-BAD', payerTin: '12', lines: [{ kind: 'duty', amountDirams: 1n }], at }),
      );
      assert.deepEqual(badPayer, { ok: false, error: { code: 'PAYMENT_PAYER_INVALID', field: 'body.payerTin' } });
      const badRef = await transact(t.db.db, (tx) =>
        issuePaymentOrder(tx, { reference: 'x', payerTin: PAYER, lines: [{ kind: 'duty', amountDirams: 1n }], at }),
      );
      assert.equal(badRef.ok ? '' : badRef.error.code, 'PAYMENT_REFERENCE_INVALID');
    });

    test('IMP-10 IMP-11: the demo data: a payment for DEMO-0001 at the simulator settles its payment order; the demo broker has a general guarantee', async () => {
      await seedCustomsFinanceDemo(t.db.db, t.clock.now());
      assert.equal(await guaranteeCover(t.db.db, { holderTin: '010000101', purpose: 'customs_broker', at: t.clock.now() }), 22_500_000n);
      await pay(DEMO_PAYMENT_REFERENCE, 'duty', '150000', '010000101');
      await pay(DEMO_PAYMENT_REFERENCE, 'vat', '231000', '010000101');
      await pay(DEMO_PAYMENT_REFERENCE, 'customs_fee', '7500', '010000101');
      await sim.settled();
      const s = await officer.get(`/api/customs/payment-orders/${DEMO_PAYMENT_REFERENCE}`);
      assert.equal(s.body.isPaid, true, s.text);
      assert.equal(s.body.paidDirams, '388500');
    });
  });
}
