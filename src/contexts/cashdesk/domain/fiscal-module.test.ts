import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalJson } from '../../../platform/canonical-json.ts';
import { generateKeyPair, gost28147Mac, signDigest, streebog256, verifyDigest } from '../../../platform/crypto/gost.ts';
import { lineAmount, lineTax } from '../../../platform/fiscal-amounts.ts';
import { LANGUAGES } from '../../../platform/i18n.ts';
import type { ReceiptInput } from './fiscal-module-documents.ts';
import { fiscalModuleProblems, lockReasonTitles } from './fiscal-module-errors.ts';
import { acceptAck } from './fiscal-module-acks.ts';
import { moduleStatus, pendingNumbers } from './fiscal-module-status.ts';
import * as fm from './fiscal-module.ts';

// Keys as FS1 makes them (docs/fiscal-crypto.md), built from the primitives so this test needs no other context.
const key = (b: number) => new Uint8Array(32).fill(b);
const pair = generateKeyPair('cryptopro-a', (n) => new Uint8Array(n).fill(7));
const mac = (k: Uint8Array, d: Uint8Array, bits: 32 | 64) => gost28147Mac(k, d, { sbox: 'E-Z', keyMeshing: 'cryptopro', bits });
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const utf8 = (s: string) => new TextEncoder().encode(s);
const crypto: fm.ModuleCrypto = {
  fiscalSign: (d) => String(Buffer.from(mac(key(1), d, 32)).readUInt32LE(0)).padStart(10, '0'),
  documentMac: (d) => hex(mac(key(2), d, 64)),
  ackMac: (d) => hex(mac(key(3), d, 64)),
  sign: (d) => signDigest(pair.privateKey, streebog256(d), { curve: 'cryptopro-a' }),
};

const T0 = Date.parse('2026-03-02T04:00:00Z');
const H = 3_600_000;
const REG = 'VCR-0001';
const at = (ms: number, isOffline = false): fm.FormInput => ({ registerNumber: REG, atMs: ms, isOffline });

function line(name: string, quantity: number, price: number, rateBp = 1400) {
  const amount = lineAmount(quantity, price);
  const kind = rateBp === 0 ? ('none' as const) : ('vat' as const);
  return { name, quantity, unit: 'дона', price, amount, tax: { kind, rateBp, amount: lineTax(amount, kind, rateBp) } };
}
function receipt(lines = [line('Нон', 2000, 350), line('Шир', 1000, 1200)], nonCash = 0): ReceiptInput {
  const total = lines.reduce((s, l) => s + l.amount, 0);
  return {
    operation: 'sale',
    business: { tin: '123456789', name: 'ҶДММ «Ситора»' },
    address: 'ш. Душанбе, к. Рӯдакӣ 10',
    lines,
    payment: { cash: total - nonCash, nonCash },
    total,
    taxTotal: lines.reduce((s, l) => s + l.tax.amount, 0),
  };
}

/** A module bound to REG, as the TSC leaves it. */
function ready(capacity = 1000): fm.ModuleState {
  const p = fm.personalise(fm.blankModule(capacity), hex(pair.publicKey));
  const i = fm.initialise(p.state, { moduleNumber: 'FM0001', registerNumber: REG, operatorPublicKey: 'ab'.repeat(64) });
  assert.ok(i.result.ok);
  return i.state;
}

function value<T>(t: fm.Transition<T>): T {
  assert.ok(t.result.ok, JSON.stringify(!t.result.ok && t.result.error));
  return t.result.value;
}
const code = (t: fm.Transition<unknown>) => (t.result.ok ? 'ok' : t.result.error.code);

function ackFor(doc: { number: number; fiscalSign: string }, violations: string[] = []) {
  const core = {
    fiscalModuleNumber: 'FM0001',
    fiscalSign: doc.fiscalSign,
    number: doc.number,
    receivedAt: '2026-03-02T04:00:01.000Z',
    status: 'accepted',
    violations,
  };
  return canonicalJson({ ...core, mac: crypto.ackMac(utf8(canonicalJson(core))) });
}

test('FIS-FM-21, FIS-FM-22, FIS-FM-23: blank → personalised (key pair made inside) → initialised; nothing is formed before', () => {
  const blank = fm.blankModule(10);
  assert.equal(code(fm.openShift(blank, at(T0), crypto)), 'MODULE_NOT_INITIALISED');
  const p = fm.personalise(blank, 'aa');
  assert.equal(moduleStatus(p.state, T0).state, 'personalised');
  assert.equal(code(fm.personalise(p.state, 'bb')), 'MODULE_ALREADY_PERSONALISED');
  assert.equal(code(fm.openShift(p.state, at(T0), crypto)), 'MODULE_NOT_INITIALISED');
  assert.equal(code(fm.initialise(blank, { moduleNumber: 'FM1', registerNumber: REG, operatorPublicKey: 'ab' })), 'MODULE_NOT_PERSONALISED');
  assert.equal(code(fm.initialise(p.state, { moduleNumber: 'FM 1/2', registerNumber: REG, operatorPublicKey: 'ab' })), 'MODULE_NUMBER_INVALID');
  const s = ready();
  assert.deepEqual([moduleStatus(s, T0).state, s.moduleNumber, s.registerNumber], ['initialised', 'FM0001', REG]);
  assert.throws(() => fm.blankModule(2), RangeError);
});

test('FIS-VTR-11, FIS-OCR-18, FIS-VTR-03, FIS-OCR-05: one module, one register: a second binding is refused and another register locks the module', () => {
  const s = ready();
  const again = fm.initialise(s, { moduleNumber: 'FM0001', registerNumber: 'VCR-0002', operatorPublicKey: 'ab'.repeat(64) });
  assert.equal(code(again), 'MODULE_ALREADY_INITIALISED');
  const intruder = fm.openShift(s, { ...at(T0), registerNumber: 'VCR-0002' }, crypto);
  assert.equal(code(intruder), 'WRONG_REGISTER');
  assert.equal(intruder.state.lock?.reason, 'UNLAWFUL_USE');
  const after = fm.openShift(intruder.state, at(T0), crypto);
  assert.deepEqual([code(after), after.result.ok ? null : after.result.error.details], ['MODULE_LOCKED', { reason: 'UNLAWFUL_USE' }]);
  assert.equal(moduleStatus(after.state, T0).state, 'locked');
});

test('FIS-FM-02, FIS-FM-12, FIS-FM-19: documents are numbered without gaps, chained by fiscal sign and sealed as the operator checks them', () => {
  let s = ready();
  const open = fm.openShift(s, at(T0), crypto);
  s = open.state;
  const r1 = fm.formReceipt(s, { ...at(T0 + 60_000), receipt: receipt() }, crypto);
  s = r1.state;
  const r2 = fm.formReceipt(s, { ...at(T0 + 120_000), receipt: receipt([line('Чой', 500, 4000)], 1000) }, crypto);
  const docs = [value(open).document, value(r1).document, value(r2).document];
  assert.deepEqual(
    docs.map((d) => [d.number, d.shiftNumber]),
    [
      [1, 1],
      [2, 1],
      [3, 1],
    ],
  );
  assert.deepEqual(
    docs.map((d) => d.prevFiscalSign),
    ['', docs[0]?.fiscalSign, docs[1]?.fiscalSign],
  );
  for (const d of docs) {
    const { fiscalSign, mac: m, ...core } = d;
    assert.match(fiscalSign, /^\d{10}$/);
    assert.equal(fiscalSign, crypto.fiscalSign(utf8(canonicalJson(core))));
    assert.equal(m, crypto.documentMac(utf8(canonicalJson({ ...core, fiscalSign }))));
  }
  const r = value(r2).document;
  assert.deepEqual([r.receiptNumber, r.issuedAt, r.isOffline, r.offlineSince], [2, '2026-03-02T09:02:00+05:00', false, undefined]);
  assert.deepEqual(pendingNumbers(r2.state), [1, 2, 3]);
  assert.equal(moduleStatus(r2.state, T0).state, 'working');
});

test('FIS-FM-14, FIS-FM-15, FIS-FM-16, FIS-FM-17, FIS-FM-18, FIS-OCR-19: the module seals only receipts whose sums, payment, VAT and operation add up', () => {
  const s = fm.openShift(ready(), at(T0), crypto).state;
  const good = receipt();
  const cases: [string, ReceiptInput, string][] = [
    ['total', { ...good, total: good.total + 1 }, 'TOTAL_NOT_SUM_OF_LINES'],
    ['vat', { ...good, lines: [{ ...line('Нон', 2000, 350), tax: { kind: 'vat', rateBp: 1400, amount: 1 } }] }, 'TAX_NOT_RATE_OF_AMOUNT'],
    ['payment', { ...good, payment: { cash: 1, nonCash: 0 } }, 'PAYMENT_BELOW_TOTAL'],
    ['non-cash', { ...good, payment: { cash: 0, nonCash: good.total + 1 } }, 'NON_CASH_OVER_TOTAL'],
    ['refund', { ...good, operation: 'refund' }, 'MISSING'],
    ['tin', { ...good, business: { tin: '12', name: 'x' } }, 'MISSING'],
    [
      'gtin',
      {
        ...good,
        lines: [{ ...line('Нон', 1000, 350), gtin: '4600000000001' }],
        total: 350,
        taxTotal: lineTax(350, 'vat', 1400),
        payment: { cash: 350, nonCash: 0 },
      },
      'GTIN_INVALID',
    ],
  ];
  for (const [name, input, problem] of cases) {
    const t = fm.formReceipt(s, { ...at(T0 + 1000), receipt: input }, crypto);
    assert.equal(code(t), 'RECEIPT_INVALID', name);
    const problems = (t.result.ok ? [] : t.result.error.details?.problems) as { code: string }[];
    assert.ok(
      problems.some((p) => p.code === problem),
      `${name}: ${JSON.stringify(problems)}`,
    );
    assert.equal(t.state, s, 'a refused receipt changes nothing');
  }
  const sealed = value(fm.formReceipt(s, { ...at(T0 + 1000), receipt: { ...good, payment: { cash: good.total + 500, nonCash: 0 } } }, crypto)).document;
  assert.deepEqual(
    [sealed.total, sealed.taxTotal, sealed.payment, sealed.operation],
    [good.total, good.taxTotal, { cash: good.total + 500, nonCash: 0 }, 'sale'],
  );
});

test('FIS-FM-13: the Z-report carries the module’s own totals, closes the shift and is signed with the chain hash (GOST R 34.10-2012)', () => {
  let s = fm.openShift(ready(), at(T0), crypto).state;
  assert.equal(code(fm.formZReport(fm.formZReport(s, at(T0 + 1), crypto).state, at(T0 + 2), crypto)), 'SHIFT_NOT_OPEN');
  s = fm.formReceipt(s, { ...at(T0 + 1000), receipt: receipt() }, crypto).state;
  s = fm.formReceipt(s, { ...at(T0 + 2000, true), receipt: receipt([line('Чой', 500, 4000, 0)], 2000) }, crypto).state;
  const z = fm.formZReport(s, at(T0 + 3000), crypto);
  const { document, shiftSignature } = value(z);
  assert.equal(document.openedAt, '2026-03-02T09:00:00+05:00');
  const t = document.totals;
  assert.deepEqual([t.receiptCount, t.saleCount, t.refundCount, t.offlineCount], [2, 2, 0, 1]);
  assert.deepEqual(
    t.byTax.map((x) => [x.kind, x.rateBp, x.amount]),
    [
      ['none', 0, 2000],
      ['vat', 1400, 1900],
    ],
  );
  assert.deepEqual(t.byPayment, [{ operation: 'sale', cash: 1900, nonCash: 2000, total: 3900 }]);
  const signed = utf8(canonicalJson({ chainHash: shiftSignature.chainHash, zReport: document }));
  assert.equal(verifyDigest(pair.publicKey, streebog256(signed), Buffer.from(shiftSignature.signature, 'hex'), 'cryptopro-a'), true);
  assert.equal(shiftSignature.chainHash, z.state.chainHash);
  assert.equal(code(fm.formReceipt(z.state, { ...at(T0 + 4000), receipt: receipt() }, crypto)), 'SHIFT_NOT_OPEN');
  assert.equal(value(fm.openShift(z.state, at(T0 + 5000), crypto)).document.shiftNumber, 2);
  assert.equal(code(fm.openShift(s, at(T0 + 5000), crypto)), 'SHIFT_ALREADY_OPEN');
});

test('FIS-VTR-04, FIS-OCR-06: the module locks itself when its memory is full, keeping the last slot for the Z-report', () => {
  let s = fm.openShift(ready(4), at(T0), crypto).state;
  s = fm.formReceipt(s, { ...at(T0 + 1000), receipt: receipt() }, crypto).state;
  assert.equal(s.lock, null);
  s = fm.formReceipt(s, { ...at(T0 + 2000), receipt: receipt() }, crypto).state;
  assert.equal(s.lock?.reason, 'MEMORY_FULL');
  assert.deepEqual(moduleStatus(s, T0).memory, { capacity: 4, used: 3, free: 1 });
  assert.equal(code(fm.formReceipt(s, { ...at(T0 + 3000), receipt: receipt() }, crypto)), 'MODULE_LOCKED');
  const z = fm.formZReport(s, at(T0 + 4000), crypto);
  assert.equal(value(z).document.number, 4);
  assert.equal(code(fm.openShift(z.state, at(T0 + 5000), crypto)), 'MODULE_LOCKED');
  assert.deepEqual(moduleStatus(z.state, T0).memory, { capacity: 4, used: 4, free: 0 });
  // What it holds still reaches the operator: acknowledgements are taken while locked.
  assert.equal(value(acceptAck(z.state, ackFor(value(z).document), T0, crypto)).number, 4);
});

test('FIS-USE-02, FIS-USE-03: offline documents name the start of the offline period; 24 hours after the oldest undelivered one the module refuses, and says how long is left before', () => {
  let s = fm.openShift(ready(), at(T0), crypto).state;
  const first = value(fm.formReceipt(s, { ...at(T0 + H, true), receipt: receipt() }, crypto));
  s = fm.formReceipt(s, { ...at(T0 + H, true), receipt: receipt() }, crypto).state;
  const later = fm.formReceipt(s, { ...at(T0 + 5 * H, true), receipt: receipt() }, crypto);
  // The shift opening was never acknowledged either: it is the oldest undelivered document.
  assert.equal(first.document.offlineSince, '2026-03-02T09:00:00+05:00');
  assert.equal(value(later).document.offlineSince, '2026-03-02T09:00:00+05:00');
  s = later.state;
  const status = moduleStatus(s, T0 + 23 * H);
  assert.deepEqual(status.offline, { since: '2026-03-02T09:00:00+05:00', deadline: '2026-03-03T09:00:00+05:00', timeLeftMs: H, isLimitReached: false });
  const refused = fm.formReceipt(s, { ...at(T0 + 24 * H, true), receipt: receipt() }, crypto);
  assert.equal(code(refused), 'OFFLINE_LIMIT_REACHED');
  assert.equal(code(fm.formZReport(s, at(T0 + 24 * H, true), crypto)), 'OFFLINE_LIMIT_REACHED');
  assert.equal(moduleStatus(s, T0 + 25 * H).offline?.timeLeftMs, 0);
  // Delivering the backlog ends the offline period.
  for (const p of s.pending) {
    const t = acceptAck(s, ackFor(p, ['OFFLINE_LATE']), T0 + 24 * H, crypto);
    assert.deepEqual(value(t).violations, ['OFFLINE_LATE']);
    s = t.state;
  }
  assert.equal(moduleStatus(s, T0 + 24 * H).offline, null);
  assert.equal(code(fm.formZReport(s, at(T0 + 24 * H), crypto)), 'ok');
});

test('acknowledgements: a valid one delivers its document once (a repeat is harmless); a forged or foreign one is refused and recorded', () => {
  let s = fm.openShift(ready(), at(T0), crypto).state;
  const r = fm.formReceipt(s, { ...at(T0 + 1000), receipt: receipt() }, crypto);
  s = r.state;
  const doc = value(r).document;
  const good = ackFor(doc);
  const forged = good.replace('2026-03-02T04:00:01.000Z', '2026-03-02T04:00:09.000Z');
  const f = acceptAck(s, forged, T0 + 2000, crypto);
  assert.equal(code(f), 'ACK_FORGED');
  assert.deepEqual(pendingNumbers(f.state), [1, 2]);
  assert.equal(code(acceptAck(f.state, 'not json', T0 + 2000, crypto)), 'ACK_FORGED');
  const foreign = acceptAck(f.state, ackFor({ number: 9, fiscalSign: doc.fiscalSign }), T0 + 2000, crypto);
  assert.equal(code(foreign), 'ACK_DOES_NOT_MATCH');
  const otherSign = acceptAck(foreign.state, ackFor({ number: 2, fiscalSign: '0000000000' }), T0 + 2000, crypto);
  assert.equal(code(otherSign), 'ACK_DOES_NOT_MATCH');
  assert.deepEqual(moduleStatus(otherSign.state, T0).rejectedAcks, { count: 3, lastAt: '2026-03-02T09:00:02+05:00' });
  const ok1 = acceptAck(otherSign.state, good, T0 + 3000, crypto);
  assert.deepEqual(value(ok1), { number: 2, isRepeat: false, violations: [] });
  assert.deepEqual(pendingNumbers(ok1.state), [1]);
  assert.deepEqual(value(acceptAck(ok1.state, good, T0 + 4000, crypto)), { number: 2, isRepeat: true, violations: [] });
});

test('a shift over 24 hours takes no more receipts but can be closed; the clock may not run back', () => {
  const s = fm.openShift(ready(), at(T0), crypto).state;
  const delivered = acceptAck(s, ackFor({ number: 1, fiscalSign: s.lastFiscalSign }), T0, crypto).state;
  assert.equal(code(fm.formReceipt(delivered, { ...at(T0 + 24 * H), receipt: receipt() }, crypto)), 'SHIFT_TOO_LONG');
  assert.equal(code(fm.formZReport(delivered, at(T0 + 24 * H), crypto)), 'ok');
  assert.equal(code(fm.formReceipt(delivered, { ...at(T0 - 1000), receipt: receipt() }, crypto)), 'CLOCK_BEHIND');
  assert.equal(moduleStatus(delivered, T0).shift.closeBy, '2026-03-03T09:00:00+05:00');
});

test('every refusal and lock reason has a title in Tajik, Russian and English', () => {
  for (const [c, spec] of Object.entries(fiscalModuleProblems)) for (const l of LANGUAGES) assert.ok(spec.title[l].length > 3, `${c} ${l}`);
  for (const [c, title] of Object.entries(lockReasonTitles)) for (const l of LANGUAGES) assert.ok(title[l].length > 3, `${c} ${l}`);
});
