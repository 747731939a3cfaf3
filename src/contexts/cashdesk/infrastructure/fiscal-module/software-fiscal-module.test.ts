/** The software module on its own (no operator, no database): keys, totals, serial work, the lock of its directory. */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import fc from 'fast-check';
import { canonicalJson } from '../../../../platform/canonical-json.ts';
import { lineAmount, lineTax } from '../../../../platform/fiscal-amounts.ts';
import { createFiscalScheme, shiftTotals } from '../../../fiscal/index.ts';
import { addToTotals, emptyTotals, type ReceiptInput } from '../../domain/fiscal-module-documents.ts';
import { openSoftwareFiscalModule } from './software-fiscal-module.ts';

const scheme = createFiscalScheme();
const dirs: string[] = [];
after(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});
const fresh = async () => {
  const d = await mkdtemp(join(tmpdir(), 'bekogaz-fm-unit-'));
  dirs.push(d);
  return d;
};
function unwrap<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
  return r.value;
}
const REG = 'VCR-7';
const receipt = (price = 350): ReceiptInput => {
  const amount = lineAmount(2000, price);
  const tax = lineTax(amount, 'vat', 1400);
  return {
    operation: 'sale',
    business: { tin: '123456789', name: 'ҶДММ «Ситора»' },
    address: 'ш. Душанбе',
    lines: [{ name: 'Нон', quantity: 2000, unit: 'дона', price, amount, tax: { kind: 'vat', rateBp: 1400, amount: tax } }],
    payment: { cash: amount, nonCash: 0 },
    total: amount,
    taxTotal: tax,
  };
};

test('FIS-FM-22, FIS-FM-23: keys are derived as the operator derives them, and the private key never leaves through the port', async () => {
  const directory = await fresh();
  const module = await openSoftwareFiscalModule({ directory });
  const answers: unknown[] = [];
  const { publicKey } = unwrap(await module.personalise());
  const operator = scheme.generateModuleKeyPair();
  answers.push(
    publicKey,
    unwrap(await module.initialise({ operatorPublicKey: Buffer.from(operator.publicKey).toString('hex'), moduleNumber: 'FM77', registerNumber: REG })),
  );
  const open = unwrap(await module.openShift({ registerNumber: REG, at: '2026-03-02T04:00:00Z', isOffline: false }));
  answers.push(open, unwrap(await module.pendingDocuments()), unwrap(await module.status({ at: '2026-03-02T04:00:00Z' })));
  // The operator, from its private key and the module's public key, checks the document and makes the acknowledgement.
  const keys = scheme.deriveModuleKeys(operator.privateKey, Buffer.from(publicKey, 'hex'), 'FM77');
  const { mac, ...withSign } = open;
  assert.equal(scheme.documentMac(keys, new TextEncoder().encode(canonicalJson(withSign))), mac);
  const core = {
    fiscalModuleNumber: 'FM77',
    fiscalSign: open.fiscalSign,
    number: 1,
    receivedAt: '2026-03-02T04:00:01.000Z',
    status: 'accepted',
    violations: [],
  };
  const ack = canonicalJson({ ...core, mac: scheme.ackMac(keys, new TextEncoder().encode(canonicalJson(core))) });
  answers.push(unwrap(await module.acceptAck({ ack, at: '2026-03-02T04:00:01Z' })));
  await module.close();
  // The state file: format, checksum, then the state as JSON (module-storage.ts).
  const stored = JSON.parse((await readFile(join(directory, 'state.json'), 'utf8')).split('\n').slice(2).join('\n')) as {
    secrets: { privateKey: string; keys: Record<string, string> };
  };
  const secrets = [stored.secrets.privateKey, ...Object.values(stored.secrets.keys)];
  const said = JSON.stringify(answers);
  for (const s of secrets) assert.ok(s.length === 64 && !said.includes(s));
});

test('FIS-FM-13: the Z-report totals the module keeps are the operator’s recomputation (property)', () => {
  const arbLine = fc.record({
    quantity: fc.integer({ min: 1, max: 50_000 }),
    price: fc.integer({ min: 0, max: 1_000_000 }),
    kind: fc.constantFrom('vat', 'simplified', 'none') as fc.Arbitrary<'vat' | 'simplified' | 'none'>,
    rate: fc.constantFrom(0, 500, 1400, 1800),
  });
  const arbReceipt = fc.record({
    operation: fc.constantFrom('sale', 'refund') as fc.Arbitrary<'sale' | 'refund'>,
    isOffline: fc.boolean(),
    lines: fc.array(arbLine, { minLength: 1, maxLength: 4 }),
    nonCashPart: fc.double({ min: 0, max: 1, noNaN: true }),
  });
  fc.assert(
    fc.property(fc.array(arbReceipt, { maxLength: 12 }), (rs) => {
      const receipts = rs.map((r) => {
        const lines = r.lines.map((l) => {
          const rateBp = l.kind === 'none' ? 0 : l.rate;
          const amount = lineAmount(l.quantity, l.price);
          return {
            name: 'x',
            quantity: l.quantity,
            unit: 'kg',
            price: l.price,
            amount,
            tax: { kind: l.kind, rateBp, amount: lineTax(amount, l.kind, rateBp) },
          };
        });
        const total = lines.reduce((s, l) => s + l.amount, 0);
        const nonCash = Math.floor(total * r.nonCashPart);
        return { operation: r.operation, isOffline: r.isOffline, lines, total, payment: { cash: total - nonCash + 100, nonCash } };
      });
      const kept = receipts.reduce(addToTotals, emptyTotals());
      assert.deepEqual(kept, shiftTotals(receipts));
    }),
    { numRuns: 200 },
  );
});

test('concurrent calls run one at a time: numbers stay consecutive and chained', async () => {
  const module = await openSoftwareFiscalModule({ directory: await fresh() });
  unwrap(await module.personalise());
  const operator = scheme.generateModuleKeyPair();
  unwrap(await module.initialise({ operatorPublicKey: Buffer.from(operator.publicKey).toString('hex'), moduleNumber: 'FM78', registerNumber: REG }));
  unwrap(await module.openShift({ registerNumber: REG, at: '2026-03-02T04:00:00Z', isOffline: false }));
  const made = await Promise.all(
    [1, 2, 3, 4, 5].map((i) => module.formReceipt({ registerNumber: REG, at: '2026-03-02T04:01:00Z', isOffline: false, receipt: receipt(100 * i) })),
  );
  const docs = made.map(unwrap).sort((a, b) => a.number - b.number);
  assert.deepEqual(
    docs.map((d) => d.number),
    [2, 3, 4, 5, 6],
  );
  for (let i = 1; i < docs.length; i++) assert.equal(docs[i]?.prevFiscalSign, docs[i - 1]?.fiscalSign);
  const bad = await module.formReceipt({ registerNumber: REG, at: 'yesterday', isOffline: false, receipt: receipt() });
  assert.equal(bad.ok ? null : bad.error.code, 'REQUEST_INVALID');
  await module.close();
});

test('one module directory, one user: a second opening is refused until the first closes', async () => {
  const directory = await fresh();
  const first = await openSoftwareFiscalModule({ directory });
  await assert.rejects(openSoftwareFiscalModule({ directory }), /already open/);
  await first.close();
  const second = await openSoftwareFiscalModule({ directory });
  assert.equal(unwrap(await second.status({ at: '2026-03-02T04:00:00Z' })).state, 'blank');
  await second.close();
});

test('FIS-FM-10, FIS-FM-12, FIS-USE-03, FIS-VTR-03: the unacknowledged documents survive a restart through their log; a torn last line is dropped, an edited line locks the module', async () => {
  const directory = await fresh();
  let module = await openSoftwareFiscalModule({ directory });
  const { publicKey } = unwrap(await module.personalise());
  const operator = scheme.generateModuleKeyPair();
  unwrap(await module.initialise({ operatorPublicKey: Buffer.from(operator.publicKey).toString('hex'), moduleNumber: 'FM78', registerNumber: REG }));
  const keys = scheme.deriveModuleKeys(operator.privateKey, Buffer.from(publicKey, 'hex'), 'FM78');
  const ackOf = (d: { number: number; fiscalSign: string }) => {
    const core = {
      fiscalModuleNumber: 'FM78',
      number: d.number,
      fiscalSign: d.fiscalSign,
      receivedAt: '2026-03-02T04:10:00.000Z',
      status: 'accepted',
      violations: [],
    };
    return canonicalJson({ ...core, mac: scheme.ackMac(keys, new TextEncoder().encode(canonicalJson(core))) });
  };
  const base = { registerNumber: REG, isOffline: true };
  unwrap(await module.openShift({ ...base, at: '2026-03-02T04:00:00Z' }));
  const formed = [];
  for (let i = 1; i <= 5; i++) formed.push(unwrap(await module.formReceipt({ ...base, at: `2026-03-02T04:0${i}:00Z`, receipt: receipt() })));
  // Documents 1 (the shift opening) and 3 and 5 are acknowledged, in one write.
  const pendingBefore = unwrap(await module.pendingDocuments());
  const results = unwrap(
    await module.acceptAcks({
      acks: [pendingBefore[0], formed[1], formed[3]].map((d) => ackOf(d as { number: number; fiscalSign: string })),
      at: '2026-03-02T04:10:00Z',
    }),
  );
  assert.ok(results.every((r) => r.ok));
  await module.close();
  module = await openSoftwareFiscalModule({ directory });
  assert.deepEqual(
    unwrap(await module.pendingDocuments()).map((d) => d.number),
    [2, 4, 6],
    'the shift opening is 1, receipts 2 to 6; 3 and 5 were acknowledged',
  );
  await module.close();
  const log = join(directory, 'pending.log');
  const text = await readFile(log, 'utf8');
  // A crash while appending leaves half a line: it is dropped and nothing else changes.
  await writeFile(log, `${text}- 4 0123`);
  module = await openSoftwareFiscalModule({ directory });
  assert.deepEqual(
    unwrap(await module.pendingDocuments()).map((d) => d.number),
    [2, 4, 6],
  );
  await module.close();
  // An edited line in the middle is an alteration: the module locks itself as failed (p.65, p.68).
  await writeFile(log, text.replace('+ 4 ', '+ 9 '));
  module = await openSoftwareFiscalModule({ directory });
  assert.equal(unwrap(await module.status({ at: '2026-03-02T04:11:00Z' })).lock?.reason, 'FAILURE');
  await module.close();
});
