/**
 * The software fiscal module against the real operator: the whole app listens on 127.0.0.1 and the
 * module's documents travel over HTTP, as a register sends them; the module itself is reached over
 * its loopback protocol or in-process, interchangeably.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type Client, type TestApp } from '../../../../../test/app.ts';
import { testTargets } from '../../../../../test/db.ts';
import { makeBusiness, makeFiscalModules, makeModel, makeTsc, registrationBody } from '../../../../../test/fiscal-factories.ts';
import { lineAmount, lineTax } from '../../../../platform/fiscal-amounts.ts';
import { canonicalJson } from '../../../../platform/canonical-json.ts';
import { createFiscalScheme, type FiscalDocument } from '../../../fiscal/index.ts';
import { createHttpModuleClient } from './http-client.ts';
import { startLocalModuleServer } from './local-server.ts';
import type { FiscalModulePort, ReceiptInput } from './port.ts';
import { openSoftwareFiscalModule, type SoftwareFiscalModule } from './software-fiscal-module.ts';

const TOKEN = 'register-secret-token';
const line = (name: string, quantity: number, price: number, rateBp = 1400) => {
  const amount = lineAmount(quantity, price);
  return { name, quantity, unit: 'дона', price, amount, tax: { kind: 'vat' as const, rateBp, amount: lineTax(amount, 'vat', rateBp) } };
};

type Registered = {
  module: SoftwareFiscalModule;
  port: FiscalModulePort;
  fm: string;
  registerNumber: string;
  registerId: string;
  directory: string;
  /** The loopback protocol's address, when the module is reached over it. */
  url?: string;
  receipt: (lines?: ReturnType<typeof line>[], nonCash?: number) => ReceiptInput;
  reopen: () => Promise<void>;
  close: () => Promise<void>;
};

for (const target of testTargets()) {
  describe(`software fiscal module against the operator [${target}]`, () => {
    let t: TestApp;
    let officer: Client;
    let operator: string;
    const opened: Registered[] = [];
    before(async () => {
      t = await startTestApp(target, '2026-03-02T05:00:00Z');
      officer = await t.as('tax_officer');
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      operator = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    });
    after(async () => {
      for (const r of opened) {
        await r.close();
        await rm(r.directory, { recursive: true, force: true });
      }
      await t.close();
    });

    /** A document sent as a register sends it: JSON over real HTTP, no session (docs/fiscal-documents.md). */
    const post = async (path: string, body: unknown) => {
      const res = await fetch(`${operator}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return { status: res.status, text: await res.text() };
    };
    const integrity = async (r: Registered) => {
      await t.c.fiscal.intake.drain();
      return (await officer.get(`/api/fiscal/registers/${r.registerId}/integrity`)).body;
    };
    function unwrap<T>(r: { ok: true; value: T } | { ok: false; error: { code: string } }): T {
      assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
      return r.value;
    }
    const codeOf = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error?.code);

    /** The TSC registers a register with a blank module, and commissions the module (p.16, p.81). */
    async function commission(o: { capacity?: number; transport?: 'loopback' | 'in-process' } = {}): Promise<Registered> {
      const tsc = await makeTsc(t);
      const [fm] = (await makeFiscalModules(t, tsc.id, 1)) as [string];
      const model = await makeModel(t);
      const business = await makeBusiness(t, officer);
      const body = registrationBody(business, model.id, fm) as { manufacturerNumber: string; placeOfActivity: string };
      const reg = await tsc.specialist.post('/api/fiscal/applications', body);
      assert.equal(reg.body.status, 'completed', reg.text);
      const directory = await mkdtemp(join(tmpdir(), 'bekogaz-fm-'));
      let server: Awaited<ReturnType<typeof startLocalModuleServer>> | undefined;
      const r = {
        fm,
        registerNumber: body.manufacturerNumber,
        registerId: reg.body.registerId as string,
        directory,
        receipt: (lines = [line('Нон', 2000, 350), line('Шир 1 л', 1000, 1200)], nonCash = 0): ReceiptInput => {
          const total = lines.reduce((s, l) => s + l.amount, 0);
          return {
            operation: 'sale',
            business: { tin: business.tin, name: business.name },
            address: body.placeOfActivity,
            lines,
            payment: { cash: total - nonCash, nonCash },
            total,
            taxTotal: lines.reduce((s, l) => s + l.tax.amount, 0),
          };
        },
        async reopen() {
          r.module = await openSoftwareFiscalModule({ directory, ...(o.capacity ? { capacity: o.capacity } : {}) });
          if (o.transport === 'in-process') r.port = r.module;
          else {
            server = await startLocalModuleServer(r.module, { token: TOKEN });
            r.url = server.url;
            r.port = createHttpModuleClient(server.url, { token: TOKEN });
          }
        },
        async close() {
          await server?.close();
          server = undefined;
          await r.module.close();
        },
      } as Registered;
      await r.reopen();
      opened.push(r);
      const { publicKey } = unwrap(await r.port.personalise());
      const init = await tsc.specialist.post(`/api/fiscal/fiscal-modules/${fm}/initialise`, { publicKey });
      assert.equal(init.status, 200, init.text);
      unwrap(await r.port.initialise({ operatorPublicKey: init.body.operatorPublicKey, moduleNumber: fm, registerNumber: r.registerNumber }));
      return r;
    }

    /** Sends a document to the operator and hands the acknowledgement to the module. */
    async function deliver(r: Registered, doc: unknown, at: string) {
      const sent = await post('/api/fiscal/intake/documents', doc);
      assert.equal(sent.status, 200, sent.text);
      return { ack: sent.text, accepted: unwrap(await r.port.acceptAck({ ack: sent.text, at })) };
    }

    test('FIS-FM-12, FIS-FM-13, FIS-FM-19, FIS-FM-20, FIS-FM-22, FIS-FM-23, FIS-VTR-10, FIS-OPR-08, FIS-OPR-09: over its published local protocol (docs/fiscal-module.md) the commissioned module forms documents the operator accepts, checks every acknowledgement, and its Z-report matches the operator’s recomputation', async () => {
      const r = await commission();
      const base = { registerNumber: r.registerNumber, isOffline: false };
      const open = unwrap(await r.port.openShift({ ...base, at: '2026-03-02T04:00:00Z' }));
      await deliver(r, open, '2026-03-02T04:00:01Z');
      const sale = unwrap(await r.port.formReceipt({ ...base, at: '2026-03-02T04:10:00Z', receipt: r.receipt(undefined, 500) }));
      assert.deepEqual([sale.number, sale.prevFiscalSign, sale.fiscalModuleNumber, sale.registerNumber], [2, open.fiscalSign, r.fm, r.registerNumber]);
      const { accepted } = await deliver(r, sale, '2026-03-02T04:10:01Z');
      assert.deepEqual(accepted, { number: 2, isRepeat: false, violations: [] });
      await deliver(
        r,
        unwrap(await r.port.formReceipt({ ...base, at: '2026-03-02T04:20:00Z', receipt: r.receipt([line('Шакар', 1500, 900, 0)]) })),
        '2026-03-02T04:20:01Z',
      );
      const z = unwrap(await r.port.formZReport({ ...base, at: '2026-03-02T04:30:00Z' }));
      assert.equal(z.document.totals.receiptCount, 2);
      await deliver(r, z.document, '2026-03-02T04:30:01Z');
      const scheme = createFiscalScheme();
      const publicKey = Buffer.from(unwrap(await r.port.getPublicKey()).publicKey, 'hex');
      const signed = new TextEncoder().encode(canonicalJson({ chainHash: z.shiftSignature.chainHash, zReport: z.document }));
      assert.equal(scheme.verify(publicKey, signed, Buffer.from(z.shiftSignature.signature, 'hex')), true);
      const status = unwrap(await r.port.status({ at: '2026-03-02T04:31:00Z' }));
      assert.deepEqual([status.state, status.pendingCount, status.offline, status.nextNumber, status.shift.isOpen], ['working', 0, null, 5, false]);
      const found = await integrity(r);
      assert.deepEqual([found.shifts[0].shiftNumber, found.shifts[0].reconciliation], [1, 'match']);
      assert.deepEqual(found.gaps, []);
      assert.equal(found.alerts.length, 0, JSON.stringify(found.alerts));
    });

    test('FIS-FM-12: after a restart the module still holds its undelivered document; resubmitted, it gets the same acknowledgement byte for byte, and numbering goes on', async () => {
      const r = await commission({ transport: 'in-process' });
      const base = { registerNumber: r.registerNumber, isOffline: false };
      await deliver(r, unwrap(await r.port.openShift({ ...base, at: '2026-03-02T04:00:00Z' })), '2026-03-02T04:00:01Z');
      const receipt = unwrap(await r.port.formReceipt({ ...base, at: '2026-03-02T04:05:00Z', receipt: r.receipt() }));
      const first = await post('/api/fiscal/intake/documents', receipt); // the answer is lost before the module sees it
      assert.equal(first.status, 200);
      await r.close();
      await r.reopen();
      const pending = unwrap(await r.port.pendingDocuments());
      assert.deepEqual(pending, [receipt]);
      t.clock.advance(60_000);
      const again = await post('/api/fiscal/intake/documents', pending[0]);
      assert.equal(again.text, first.text);
      assert.deepEqual(unwrap(await r.port.acceptAck({ ack: again.text, at: '2026-03-02T04:06:00Z' })), { number: 2, isRepeat: false, violations: [] });
      const next = unwrap(await r.port.formReceipt({ ...base, at: '2026-03-02T04:07:00Z', receipt: r.receipt() }));
      assert.deepEqual([next.number, next.prevFiscalSign, next.receiptNumber], [3, receipt.fiscalSign, 2]);
      await deliver(r, next, '2026-03-02T04:07:01Z');
      const found = await integrity(r);
      assert.deepEqual([found.gaps, found.alerts.length], [[], 0]);
    });

    test('a forged acknowledgement is refused over the local protocol and recorded; the document stays undelivered until the real one comes', async () => {
      const r = await commission();
      const base = { registerNumber: r.registerNumber, isOffline: false };
      const open = unwrap(await r.port.openShift({ ...base, at: '2026-03-02T04:00:00Z' }));
      const sent = await post('/api/fiscal/intake/documents', open);
      const forged = JSON.stringify({ ...JSON.parse(sent.text), receivedAt: '2026-03-01T00:00:00.000Z' });
      assert.equal(codeOf(await r.port.acceptAck({ ack: forged, at: '2026-03-02T04:00:02Z' })), 'ACK_FORGED');
      const status = unwrap(await r.port.status({ at: '2026-03-02T04:00:03Z' }));
      assert.deepEqual([status.pendingCount, status.rejectedAcks.count], [1, 1]);
      assert.equal(unwrap(await r.port.acceptAck({ ack: sent.text, at: '2026-03-02T04:00:04Z' })).number, 1);
      // The protocol answers in the register's language and refuses a caller without the token.
      const noToken = await fetch(`${r.url}/status?at=2026-03-02T04:00:05Z`, { headers: { 'accept-language': 'ru' } });
      assert.deepEqual([noToken.status, ((await noToken.json()) as { title: string }).title], [401, 'Нет доступа к модулю']);
      const ru = await fetch(`${r.url}/acks`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}`, 'accept-language': 'ru' },
        body: JSON.stringify({ ack: forged, at: '2026-03-02T04:00:06Z' }),
      });
      const problem = (await ru.json()) as { code: string; title: string };
      assert.deepEqual(
        [ru.status, ru.headers.get('content-type'), problem.code, problem.title],
        [422, 'application/problem+json; charset=utf-8', 'ACK_FORGED', 'Квитанция поддельная'],
      );
      assert.equal(unwrap(await r.port.status({ at: '2026-03-02T04:00:07Z' })).rejectedAcks.count, 2);
    });

    test('FIS-VTR-04, FIS-OCR-06: a full memory locks the module; it still closes the shift, and the operator accepts everything it formed', async () => {
      const r = await commission({ capacity: 4 });
      const base = { registerNumber: r.registerNumber, isOffline: false };
      await deliver(r, unwrap(await r.port.openShift({ ...base, at: '2026-03-02T04:00:00Z' })), '2026-03-02T04:00:01Z');
      await deliver(r, unwrap(await r.port.formReceipt({ ...base, at: '2026-03-02T04:01:00Z', receipt: r.receipt() })), '2026-03-02T04:01:01Z');
      await deliver(r, unwrap(await r.port.formReceipt({ ...base, at: '2026-03-02T04:02:00Z', receipt: r.receipt() })), '2026-03-02T04:02:01Z');
      const status = unwrap(await r.port.status({ at: '2026-03-02T04:02:02Z' }));
      assert.deepEqual([status.state, status.lock?.reason, status.memory], ['locked', 'MEMORY_FULL', { capacity: 4, used: 3, free: 1 }]);
      const refused = await r.port.formReceipt({ ...base, at: '2026-03-02T04:03:00Z', receipt: r.receipt() });
      assert.deepEqual(refused.ok ? null : refused.error, { code: 'MODULE_LOCKED', details: { reason: 'MEMORY_FULL' } });
      await deliver(r, unwrap(await r.port.formZReport({ ...base, at: '2026-03-02T04:04:00Z' })).document, '2026-03-02T04:04:01Z');
      assert.equal(codeOf(await r.port.openShift({ ...base, at: '2026-03-02T04:05:00Z' })), 'MODULE_LOCKED');
      await r.close();
      await r.reopen();
      assert.equal(unwrap(await r.port.status({ at: '2026-03-02T04:06:00Z' })).lock?.reason, 'MEMORY_FULL', 'the lock survives a restart');
      const found = await integrity(r);
      assert.equal(found.shifts[0].reconciliation, 'match');
      assert.equal(found.alerts.length, 0, JSON.stringify(found.alerts));
    });

    test('FIS-USE-02, FIS-USE-03: offline, the module counts down 24 hours from its oldest undelivered document, then refuses; the catch-up batch is acknowledged and work goes on', async () => {
      const r = await commission();
      const offline = { registerNumber: r.registerNumber, isOffline: true };
      const docs: FiscalDocument[] = [unwrap(await r.port.openShift({ ...offline, at: '2026-03-01T04:00:00Z' }))];
      for (const at of ['2026-03-01T05:00:00Z', '2026-03-01T09:00:00Z']) docs.push(unwrap(await r.port.formReceipt({ ...offline, at, receipt: r.receipt() })));
      assert.ok(docs.every((d) => d.isOffline && d.offlineSince === '2026-03-01T09:00:00+05:00'));
      const left = unwrap(await r.port.status({ at: '2026-03-02T03:00:00Z' })).offline;
      assert.deepEqual([left?.timeLeftMs, left?.deadline, left?.isLimitReached], [3_600_000, '2026-03-02T09:00:00+05:00', false]);
      const refused = await r.port.formReceipt({ ...offline, at: '2026-03-02T04:00:00Z', receipt: r.receipt() });
      assert.equal(codeOf(refused), 'OFFLINE_LIMIT_REACHED');
      const batch = await post('/api/fiscal/intake/batches', { documents: unwrap(await r.port.pendingDocuments()) });
      assert.equal(batch.status, 200, batch.text);
      const results = JSON.parse(batch.text).results as { status: string; ack: string }[];
      for (const x of results) {
        assert.equal(x.status, 'accepted');
        // More than 24 hours after the offline period began: the operator accepts and marks it (p.36).
        assert.deepEqual(unwrap(await r.port.acceptAck({ ack: x.ack, at: '2026-03-02T05:00:00Z' })).violations, ['OFFLINE_OVER_24_HOURS']);
      }
      const status = unwrap(await r.port.status({ at: '2026-03-02T05:00:00Z' }));
      assert.deepEqual([status.offline, status.pendingCount], [null, 0]);
      // The shift is now over 24 hours old: no receipt, but it can be closed, and the operator takes the Z-report.
      const online = { registerNumber: r.registerNumber, isOffline: false };
      assert.equal(codeOf(await r.port.formReceipt({ ...online, at: '2026-03-02T05:00:00Z', receipt: r.receipt() })), 'SHIFT_TOO_LONG');
      await deliver(r, unwrap(await r.port.formZReport({ ...online, at: '2026-03-02T05:00:00Z' })).document, '2026-03-02T05:00:01Z');
      const alerts = (await integrity(r)).alerts.map((a: { kind: string }) => a.kind);
      assert.ok(alerts.includes('OFFLINE_LATE'), alerts.join());
    });

    test('FIS-VTR-11, FIS-OCR-18, FIS-VTR-03: the module serves the one register it was bound to; another register is refused and the module locks itself', async () => {
      const r = await commission();
      const rebind = await r.port.initialise({ operatorPublicKey: 'ab'.repeat(64), moduleNumber: r.fm, registerNumber: 'VCR-OTHER' });
      assert.equal(codeOf(rebind), 'MODULE_ALREADY_INITIALISED');
      const intruder = await r.port.openShift({ registerNumber: 'VCR-OTHER', at: '2026-03-02T04:00:00Z', isOffline: false });
      assert.equal(codeOf(intruder), 'WRONG_REGISTER');
      const status = unwrap(await r.port.status({ at: '2026-03-02T04:00:00Z' }));
      assert.deepEqual([status.state, status.lock?.reason, status.registerNumber], ['locked', 'UNLAWFUL_USE', r.registerNumber]);
      assert.equal(codeOf(await r.port.openShift({ registerNumber: r.registerNumber, at: '2026-03-02T04:01:00Z', isOffline: false })), 'MODULE_LOCKED');
    });

    test('FIS-VTR-03, FIS-VTR-04: a torn state file locks the module as failed instead of resetting its numbers, and the file is kept for examination', async () => {
      const r = await commission({ transport: 'in-process' });
      const base = { registerNumber: r.registerNumber, isOffline: false };
      await deliver(r, unwrap(await r.port.openShift({ ...base, at: '2026-03-02T04:00:00Z' })), '2026-03-02T04:00:01Z');
      await r.close();
      const path = join(r.directory, 'state.json');
      const whole = await readFile(path, 'utf8');
      await writeFile(path, whole.slice(0, whole.length >> 1));
      await r.reopen();
      const status = unwrap(await r.port.status({ at: '2026-03-02T04:01:00Z' }));
      assert.deepEqual([status.state, status.lock?.reason], ['locked', 'FAILURE']);
      assert.equal(codeOf(await r.port.formReceipt({ ...base, at: '2026-03-02T04:01:00Z', receipt: r.receipt() })), 'MODULE_LOCKED');
      assert.equal(await readFile(path, 'utf8'), whole.slice(0, whole.length >> 1));
      // An edit that keeps the JSON valid is caught by the checksum.
      await r.close();
      await writeFile(path, whole.replace('"nextNumber":2', '"nextNumber":1'));
      await r.reopen();
      assert.equal(unwrap(await r.port.status({ at: '2026-03-02T04:01:00Z' })).lock?.reason, 'FAILURE');
    });
  });
}
