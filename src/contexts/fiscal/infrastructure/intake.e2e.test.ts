import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type Client, type TestApp } from '../../../../test/app.ts';
import { testTargets } from '../../../../test/db.ts';
import { ModuleDouble } from '../../../../test/fiscal-module-double.ts';
import { registeredModule, send, type RegisteredModule } from '../../../../test/intake-fixture.ts';
import { qrText } from '../application/check-receipt.ts';

const at = (iso: string) => new Date(iso);
const bread = { name: 'Нон', quantity: 2000, price: 350 };
const milk = { name: 'Шир 1 л', quantity: 1000, price: 1200, vatBp: 1400 };

for (const target of testTargets()) {
  describe(`fiscal data intake [${target}]`, () => {
    let t: TestApp;
    let officer: Client;
    let m: RegisteredModule;
    before(async () => {
      t = await startTestApp(target, '2026-03-02T05:00:00Z');
      officer = await t.as('tax_officer');
      m = await registeredModule(t, officer);
    });
    after(() => t.close());

    const integrity = async () => (await officer.get(`/api/fiscal/registers/${m.registerId}/integrity`)).body;

    test('FIS-FM-22, FIS-FM-23, FIS-RCT-01, FIS-RCT-02, FIS-OPR-01, FIS-OPR-02: an online receipt is received in real time, its cryptography checked, and the module verifies the operator’s acknowledgement', async () => {
      assert.equal((await send(t, m.module.openShift(at('2026-03-02T04:00:00Z')))).status, 200);
      const r = m.module.receipt(at('2026-03-02T04:10:00Z'), [bread, milk], { nonCash: 500 });
      const res = await send(t, r);
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.status, 'accepted');
      assert.equal(res.body.fiscalSign, r.fiscalSign);
      assert.ok(m.module.verifyAck(res.text));
      const forged = JSON.stringify({ ...JSON.parse(res.text), receivedAt: '2026-01-01T00:00:00.000Z' });
      assert.equal(m.module.verifyAck(forged), false);
    });

    test('FIS-RCT-10, FIS-RCT-11, FIS-RCT-12, FIS-RCT-13, FIS-RCT-14, FIS-RCT-15, FIS-RCT-16, FIS-RCT-18, FIS-RCT-19, FIS-RCT-20, FIS-RCT-21, FIS-RCT-22, FIS-RCT-23, FIS-RCT-24, FIS-RCT-25, FIS-RCT-26: the stored receipt holds every field of p.9', async () => {
      const r = m.module.receipt(at('2026-03-02T04:12:00Z'), [{ ...milk, name: 'Шакар' }]);
      assert.equal((await send(t, r)).status, 200);
      const docs = (await officer.get(`/api/fiscal/registers/${m.registerId}/export?from=2026-03-02&to=2026-03-02&format=jsonl`)).text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)) as { number: number; document: Record<string, any> }[];
      const stored = docs.find((d) => d.number === r.number)?.document as Record<string, any>;
      for (const field of ['receiptNumber', 'registerNumber', 'address', 'total', 'issuedAt', 'fiscalModuleNumber', 'fiscalSign'])
        assert.ok(stored[field] !== undefined, field);
      assert.equal(stored.business.tin, m.business.tin);
      assert.equal(stored.lines[0].tax.kind, 'vat');
      assert.deepEqual(stored, r as unknown);
    });

    test('FIS-RCT-17: a marked product keeps its marking code on the stored receipt, under the module’s authenticator', async () => {
      const code = '010460043993125621JgXJ5.T';
      const r = m.module.receipt(at('2026-03-02T04:13:00Z'), [{ ...bread, markingCode: code }, milk]);
      const altered = { ...r, lines: r.lines.map((l, i) => (i === 0 ? { ...l, markingCode: '010460043993125621XXXXXXX' } : l)) };
      const refused = await send(t, altered);
      assert.equal(refused.status, 422);
      assert.equal(refused.body.code, 'DOCUMENT_MAC_INVALID');
      assert.equal((await send(t, r)).status, 200);
      const docs = (await officer.get(`/api/fiscal/registers/${m.registerId}/export?from=2026-03-02&to=2026-03-02&format=jsonl`)).text.trim().split('\n');
      const stored = docs.map((l) => JSON.parse(l)).find((d: { number: number }) => d.number === r.number);
      assert.equal(stored.document.lines[0].markingCode, code);
      assert.equal(stored.document.lines[1].markingCode, undefined);
    });

    test('FIS-OPR-11: the electronic structure of fiscal data and the way to send them are published to everyone', async () => {
      const spec = await t.anon.get('/docs/json');
      assert.equal(spec.status, 200);
      for (const path of ['/api/fiscal/intake/documents', '/api/fiscal/intake/batches']) assert.ok(spec.body.paths[path].post, path);
      assert.ok(spec.body.paths['/api/public/receipts/check'].get);
      const text = JSON.stringify(spec.body.components.schemas.FiscalDocument);
      for (const field of ['Field 6', 'Field 7', 'Field 10', 'Field 14', 'Field 15', 'Field 16', 'p.36', 'p.78']) assert.ok(text.includes(field), field);
    });

    test('FIS-RCT-27, FIS-VER-01, FIS-VER-02, FIS-VER-03: anyone checks a receipt by its QR content; a changed total or sign does not match', async () => {
      const r = m.module.receipt(at('2026-03-02T04:15:00Z'), [bread]);
      assert.equal((await send(t, r)).status, 200);
      const qr = qrText('https://check.bekogaz.tj/r', r);
      const ok = await t.anon.get(`/api/public/receipts/check?qr=${encodeURIComponent(qr)}`);
      assert.equal(ok.status, 200, ok.text);
      assert.equal(ok.body.status, 'valid');
      assert.equal(ok.body.receipt.businessTin, m.business.tin);
      assert.equal(ok.body.receipt.total, '7.00');
      const wrong = await t.anon.get(`/api/public/receipts/check?qr=${encodeURIComponent(qr.replace('&s=7.00', '&s=9.00'))}`);
      assert.deepEqual([wrong.body.status, wrong.body.mismatches], ['mismatch', ['total']]);
      const unknown = await t.anon.get(`/api/public/receipts/check?qr=${encodeURIComponent(qr.replace(`n=${r.number}`, 'n=999999'))}`);
      assert.equal(unknown.body.status, 'not_found');
      const bad = await t.anon.get('/api/public/receipts/check?qr=hello-world', { 'accept-language': 'ru' });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.title, 'Неверные данные запроса');
    });

    test('exactly once: a resubmission gets the original acknowledgement byte for byte; another document under a used number is refused and raised', async () => {
      const r = m.module.receipt(at('2026-03-02T04:20:00Z'), [bread]);
      const first = await send(t, r);
      t.clock.advance(5_000);
      const again = await send(t, r);
      assert.equal(again.status, 200);
      assert.equal(again.text, first.text);
      const other = m.module.sealRaw({
        ...r,
        number: r.number,
        prevFiscalSign: r.prevFiscalSign,
        address: 'Суроғаи дигар',
        fiscalSign: undefined,
        mac: undefined,
      } as never);
      const reused = await send(t, other);
      assert.equal(reused.status, 409);
      assert.equal(reused.body.code, 'NUMBER_REUSED');
      await t.c.fiscal.intake.drain();
      assert.ok((await integrity()).alerts.some((a: { kind: string; number: number }) => a.kind === 'NUMBER_REUSED' && a.number === r.number));
    });

    test('FIS-FM-02, FIS-OPR-03: a forged fiscal sign or an altered document is refused with a precise code and raised', async () => {
      const r = m.module.receipt(at('2026-03-02T04:25:00Z'), [bread]);
      const forged = await send(t, { ...r, fiscalSign: '0123456789' });
      assert.equal(forged.status, 422);
      assert.equal(forged.body.code, 'DOCUMENT_MAC_INVALID');
      const { fiscalSign: _fs, mac: _mac, ...content } = r;
      const wrongSign = await send(t, m.module.sealWithSign(content, '0123456789'));
      assert.equal(wrongSign.status, 422);
      assert.equal(wrongSign.body.code, 'FISCAL_SIGN_INVALID');
      assert.equal((await send(t, r)).status, 200);
      await t.c.fiscal.intake.drain();
      const kinds = (await integrity()).alerts.map((a: { kind: string }) => a.kind);
      assert.ok(kinds.includes('FORGED_DOCUMENT') && kinds.includes('FORGED_FISCAL_SIGN'), kinds.join());
    });
  });
}

for (const target of testTargets()) {
  describe(`intake: gaps, offline work, refunds and Z-reports [${target}]`, () => {
    let t: TestApp;
    let officer: Client;
    before(async () => {
      t = await startTestApp(target, '2026-03-02T05:00:00Z');
      officer = await t.as('tax_officer');
    });
    after(() => t.close());
    const integrityOf = async (m: RegisteredModule) => {
      await t.c.fiscal.intake.drain();
      return (await officer.get(`/api/fiscal/registers/${m.registerId}/integrity`)).body;
    };

    test('numbers run without gaps: a gap is shown with the document that reveals it and closes when the missing ones arrive', async () => {
      const m = await registeredModule(t, officer);
      const docs = [m.module.openShift(at('2026-03-02T03:00:00Z')), ...[1, 2, 3].map((i) => m.module.receipt(at(`2026-03-02T03:0${i}:00Z`), [bread]))];
      assert.equal((await send(t, docs[0])).status, 200);
      assert.equal((await send(t, docs[3])).status, 200);
      const open = await integrityOf(m);
      assert.deepEqual(open.gaps, [{ from: 2, to: 3 }]);
      assert.ok(
        open.alerts.some(
          (a: { kind: string; resolvedAt: string | null; detail: { missingFrom: number } }) =>
            a.kind === 'GAP' && a.resolvedAt === null && a.detail.missingFrom === 2,
        ),
      );
      assert.equal((await send(t, docs[2])).status, 200);
      assert.equal((await send(t, docs[1])).status, 200);
      const closed = await integrityOf(m);
      assert.deepEqual(closed.gaps, []);
      assert.ok(closed.alerts.filter((a: { kind: string }) => a.kind === 'GAP').every((a: { resolvedAt: string | null }) => a.resolvedAt !== null));
      assert.equal(closed.alerts.filter((a: { kind: string }) => a.kind === 'CHAIN_BREAK').length, 0);
    });

    test('each document is chained to the one before: a break is raised at once', async () => {
      const m = await registeredModule(t, officer);
      assert.equal((await send(t, m.module.openShift(at('2026-03-02T03:00:00Z')))).status, 200);
      const good = m.module.receipt(at('2026-03-02T03:05:00Z'), [bread]);
      const broken = m.module.sealRaw({ ...m.module.receipt(at('2026-03-02T03:06:00Z'), [bread]), prevFiscalSign: '1111111111' });
      assert.equal((await send(t, good)).status, 200);
      assert.equal((await send(t, broken)).status, 200);
      const alerts = (await integrityOf(m)).alerts;
      assert.ok(alerts.some((a: { kind: string; number: number }) => a.kind === 'CHAIN_BREAK' && a.number === broken.number));
    });

    test('FIS-OPR-05: the documents of a batch are stored exactly as the module wrote them, not re-serialised', async () => {
      const m = await registeredModule(t, officer);
      const docs = [m.module.openShift(at('2026-03-02T03:00:00Z')), m.module.receipt(at('2026-03-02T03:01:00Z'), [bread])];
      // Another key order and spacing than JSON.stringify would give: both are the same JSON values.
      const texts = docs.map(
        (d) =>
          `{ ${Object.entries(d)
            .reverse()
            .map(([k, v]) => `"${k}" : ${JSON.stringify(v)}`)
            .join(' ,\n ')} }`,
      );
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/fiscal/intake/batches',
        headers: { 'content-type': 'application/json' },
        payload: `{"documents": [ ${texts.join(' ,\n')} ]}`,
      });
      assert.equal(r.statusCode, 200, r.body);
      assert.deepEqual(
        (r.json().results as { status: string }[]).map((x) => x.status),
        ['accepted', 'accepted'],
      );
      const stored = await t.db.query<{ number: string | number; body: string }>(
        'SELECT number, body FROM fiscal.documents WHERE fiscal_module_number = $1 ORDER BY number',
        [m.module.number],
      );
      assert.deepEqual(
        stored.map((row) => row.body),
        texts,
      );
    });

    test('FIS-USE-02, FIS-USE-03: offline receipts come later in a batch; after 24 hours they are accepted, marked and reported to the tax authority', async () => {
      const m = await registeredModule(t, officer);
      const open = m.module.openShift(at('2026-03-01T03:00:00Z'));
      const offline = [1, 2, 3].map((i) => m.module.receipt(at(`2026-03-01T0${3 + i}:00:00Z`), [milk], { isOffline: true }));
      assert.equal(offline[0]?.offlineSince, offline[2]?.offlineSince);
      // 2 March 05:00Z is 25 hours after the first offline receipt.
      const r = await t.app.inject({ method: 'POST', url: '/api/fiscal/intake/batches', payload: { documents: [open, ...offline] } });
      assert.equal(r.statusCode, 200, r.body);
      const results = r.json().results as { status: string; ack: string }[];
      assert.deepEqual(
        results.map((x) => x.status),
        ['accepted', 'accepted', 'accepted', 'accepted'],
      );
      assert.deepEqual(JSON.parse(results[1]?.ack as string).violations, ['OFFLINE_OVER_24_HOURS']);
      assert.deepEqual(JSON.parse(results[0]?.ack as string).violations, []);
      const alerts = (await integrityOf(m)).alerts.filter((a: { kind: string }) => a.kind === 'OFFLINE_LATE');
      assert.equal(alerts.length, 1);
      const inbox = (await officer.get('/api/notifications')).body.items;
      assert.ok(inbox.some((n: { kind: string; subjectId: string }) => n.kind === 'fiscal.alert.OFFLINE_LATE' && n.subjectId === m.registerId));
      const again = await t.app.inject({ method: 'POST', url: '/api/fiscal/intake/batches', payload: { documents: offline } });
      assert.deepEqual(
        (again.json().results as { status: string }[]).map((x) => x.status),
        ['duplicate', 'duplicate', 'duplicate'],
      );
    });

    test('FIS-RFD-01, FIS-RFD-05, FIS-RFD-06: refunds refer to the sale, never exceed it line by line cumulatively, and correct revenue in the month of the refund', async () => {
      const m = await registeredModule(t, officer);
      assert.equal((await send(t, m.module.openShift(at('2026-02-27T04:00:00Z')))).status, 200);
      const sale = m.module.receipt(at('2026-02-27T05:00:00Z'), [bread, { ...milk, quantity: 3000 }]);
      assert.equal((await send(t, sale)).status, 200);
      const ref = ModuleDouble.refOf(sale);
      const part = m.module.receipt(at('2026-03-02T04:00:00Z'), [{ ...milk, quantity: 2000, originalLine: 1 }], { refundOf: ref });
      assert.equal((await send(t, part)).status, 200);
      const tooMuch = m.module.receipt(at('2026-03-02T04:05:00Z'), [{ ...milk, quantity: 2000, originalLine: 1 }], { refundOf: ref });
      const refused = await send(t, tooMuch);
      assert.equal(refused.status, 422);
      assert.equal(refused.body.code, 'REFUND_EXCEEDS_SALE');
      const unknown = m.module.receipt(at('2026-03-02T04:06:00Z'), [{ ...bread, originalLine: 0 }], { refundOf: { ...ref, number: 9999 } });
      assert.equal((await send(t, unknown)).body.code, 'REFUND_ORIGINAL_NOT_FOUND');
      const wrongLine = m.module.receipt(at('2026-03-02T04:07:00Z'), [{ ...bread, name: 'Чой', originalLine: 0 }], { refundOf: ref });
      assert.equal((await send(t, wrongLine)).body.code, 'REFUND_DOES_NOT_MATCH');
      const rest = m.module.receipt(
        at('2026-03-02T04:08:00Z'),
        [
          { ...milk, quantity: 1000, originalLine: 1 },
          { ...bread, originalLine: 0 },
        ],
        { refundOf: ref },
      );
      assert.equal((await send(t, rest)).status, 200, 'the rest of the sale can still be refunded');
      const revenue = (await officer.get(`/api/fiscal/businesses/${m.business.tin}/revenue?from=2026-02-01&to=2026-03-31`)).body;
      assert.deepEqual(revenue, [
        { month: '2026-02', sales: sale.total, refunds: 0, net: sale.total },
        { month: '2026-03', sales: 0, refunds: part.total + rest.total, net: -(part.total + rest.total) },
      ]);
    });

    test('FIS-FM-20, FIS-IMP-07: at shift close the module signs the Z-report and its document chain (FS1); the operator verifies both, and a forged chain or signature is refused and raised', async () => {
      const m = await registeredModule(t, officer);
      const post = async (body: unknown) => {
        const r = await t.app.inject({ method: 'POST', url: '/api/fiscal/intake/shift-signatures', payload: body as object });
        return { status: r.statusCode, body: r.json() };
      };
      assert.equal((await send(t, m.module.openShift(at('2026-03-02T03:00:00Z')))).status, 200);
      const held = m.module.receipt(at('2026-03-02T03:05:00Z'), [bread]);
      // Twelve documents in all: the chain is recomputed in numeric order (10 after 9, not after 1).
      for (let i = 10; i < 19; i++) assert.equal((await send(t, m.module.receipt(at(`2026-03-02T03:${i}:00Z`), [milk]))).status, 200);
      const z1 = m.module.zReport(at('2026-03-02T04:00:00Z'));
      const sig1 = m.module.shiftSignature(z1);
      assert.equal((await post(sig1)).body.code, 'SHIFT_NOT_CLOSED', 'the Z-report comes first');
      assert.equal((await send(t, z1)).status, 200);
      await t.c.fiscal.intake.drain();
      const incomplete = await post(sig1);
      assert.equal(incomplete.status, 409);
      assert.equal(incomplete.body.code, 'CHAIN_INCOMPLETE', 'receipt 2 has not arrived: the chain cannot be recomputed yet');
      assert.equal((await send(t, held)).status, 200);
      await t.c.fiscal.intake.drain();
      const verified = await post(sig1);
      assert.equal(verified.status, 200, JSON.stringify(verified.body));
      assert.equal(verified.body.zNumber, z1.number);
      assert.deepEqual((await post(sig1)).body, verified.body, 'a resubmission answers the same');
      const [row] = await t.db.query<{ chain_hash: string; signature: string }>(
        'SELECT chain_hash, signature FROM fiscal.shifts WHERE fiscal_module_number = $1 AND shift_number = 1',
        [m.module.number],
      );
      assert.equal(row?.chain_hash, sig1.chainHash);
      assert.equal(row?.signature, sig1.signature);

      // Shift 2: the chain continues from shift 1's verified head; a signature over another head is refused.
      assert.equal((await send(t, m.module.openShift(at('2026-03-02T04:20:00Z')))).status, 200);
      assert.equal((await send(t, m.module.receipt(at('2026-03-02T04:21:00Z'), [bread, milk]))).status, 200);
      const z2 = m.module.zReport(at('2026-03-02T04:40:00Z'));
      const z2Sent = await send(t, z2);
      assert.equal(z2Sent.status, 200, z2Sent.text);
      await t.c.fiscal.intake.drain();
      const forgedChain = await post(m.module.shiftSignature(z2, true));
      assert.equal(forgedChain.status, 422);
      assert.equal(forgedChain.body.code, 'CHAIN_HASH_MISMATCH');
      const good = m.module.shiftSignature(z2);
      const forgedSignature = await post({ ...good, signature: `${good.signature.slice(0, 126)}${good.signature.endsWith('00') ? '01' : '00'}` });
      assert.equal(forgedSignature.status, 422);
      assert.equal(forgedSignature.body.code, 'SHIFT_SIGNATURE_INVALID');
      const kinds = (await integrityOf(m)).alerts.map((a: { kind: string }) => a.kind);
      assert.ok(kinds.includes('CHAIN_HASH_MISMATCH') && kinds.includes('SHIFT_SIGNATURE_INVALID'), kinds.join());
      assert.equal((await post(good)).status, 200, 'the genuine signature still verifies');
    });

    test('FIS-GEN-11: Z-reports are recomputed from the receipts; a mismatch, a missing Z-report and a shift over 24 hours raise alerts', async () => {
      const m = await registeredModule(t, officer);
      assert.equal((await send(t, m.module.openShift(at('2026-03-02T03:00:00Z')))).status, 200);
      for (const i of [1, 2, 3])
        assert.equal((await send(t, m.module.receipt(at(`2026-03-02T03:1${i}:00Z`), [bread, milk], { nonCash: i * 100 }))).status, 200);
      assert.equal((await send(t, m.module.zReport(at('2026-03-02T04:00:00Z')))).status, 200);
      let shifts = (await integrityOf(m)).shifts;
      assert.deepEqual([shifts[0].shiftNumber, shifts[0].reconciliation], [1, 'match']);
      // Shift 2: the module's Z-report claims more than its receipts.
      assert.equal((await send(t, m.module.openShift(at('2026-03-02T04:10:00Z')))).status, 200);
      assert.equal((await send(t, m.module.receipt(at('2026-03-02T04:11:00Z'), [bread]))).status, 200);
      const z = m.module.zReport(at('2026-03-02T04:30:00Z'));
      const inflated = m.module.sealRaw({ ...z, totals: { ...z.totals, saleCount: 5 } });
      assert.equal((await send(t, inflated)).status, 200);
      const after = await integrityOf(m);
      shifts = after.shifts;
      assert.equal(shifts[0].reconciliation, 'mismatch');
      assert.ok(shifts[0].differences.some((d: string) => d.startsWith('saleCount')));
      assert.ok(after.alerts.some((a: { kind: string }) => a.kind === 'Z_MISMATCH'));
      // Shift 3 opens and is never closed: 24 hours later the worker raises the missing Z-report.
      assert.equal((await send(t, m.module.openShift(at('2026-03-02T04:40:00Z')))).status, 200);
      t.clock.set('2026-03-03T06:00:00Z');
      officer = await t.as('tax_officer'); // yesterday's session has expired
      await t.c.worker.runOnce();
      assert.ok(
        (await integrityOf(m)).alerts.some(
          (a: { kind: string; detail: { shiftNumber: number } }) => a.kind === 'Z_REPORT_MISSING' && a.detail.shiftNumber === 3,
        ),
      );
      const late = m.module.zReport(at('2026-03-03T05:00:00Z'));
      assert.equal((await send(t, late)).status, 200);
      assert.ok((await integrityOf(m)).alerts.some((a: { kind: string }) => a.kind === 'SHIFT_TOO_LONG'));
      t.clock.set('2026-03-02T05:00:00Z');
      officer = await t.as('tax_officer');
    });
  });
}
