import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { gost28147Mac } from '../../../platform/crypto/gost.ts';
import { createFiscalScheme, verifyAckMac, verifyDocumentMac, verifyFiscalSign } from './fiscal-scheme.ts';

const scheme = createFiscalScheme();
const utf8 = (s: string) => new TextEncoder().encode(s);
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const flip = (b: Uint8Array, i: number, bit: number) => b.map((x, j) => (j === i ? x ^ (1 << bit) : x));

// Key pairs are made once: each GOST R 34.10-2012 operation costs milliseconds in pure JavaScript.
const operator = scheme.generateModuleKeyPair();
const module1 = scheme.generateModuleKeyPair();
const module2 = scheme.generateModuleKeyPair();
const onModule = scheme.deriveModuleKeys(module1.privateKey, operator.publicKey, 'FM-0000001');
const atOperator = scheme.deriveModuleKeys(operator.privateKey, module1.publicKey, 'FM-0000001');

const receiptCore = utf8('FM-0000001|000042|2026-11-24T10:15:00+05:00|sale|cash|total=125000|vat=16304');

test('FIS-FM-23: the module and the operator derive the same three keys from their own private key and the other public key', () => {
  for (const name of ['fiscalSignKey', 'documentKey', 'ackKey'] as const) {
    assert.equal(onModule[name].length, 32);
    assert.equal(hex(onModule[name]), hex(atOperator[name]), name);
  }
  assert.equal(new Set([hex(onModule.fiscalSignKey), hex(onModule.documentKey), hex(onModule.ackKey)]).size, 3, 'one key per purpose');
});

test('FIS-FM-23: keys depend on the module number and on the module key pair', () => {
  const otherNumber = scheme.deriveModuleKeys(module1.privateKey, operator.publicKey, 'FM-0000002');
  const otherModule = scheme.deriveModuleKeys(module2.privateKey, operator.publicKey, 'FM-0000001');
  assert.notEqual(hex(otherNumber.fiscalSignKey), hex(onModule.fiscalSignKey));
  assert.notEqual(hex(otherModule.fiscalSignKey), hex(onModule.fiscalSignKey));
  assert.throws(() => scheme.deriveModuleKeys(module1.privateKey, operator.publicKey, ''), RangeError);
});

test('FIS-FM-23: a public key that is not a point of the curve is refused before it is registered or used', () => {
  const bad = flip(module1.publicKey, 63, 0);
  assert.equal(scheme.isValidPublicKey(module1.publicKey), true);
  assert.equal(scheme.isValidPublicKey(bad), false);
  assert.equal(scheme.isValidPublicKey(module1.publicKey.subarray(1)), false);
  assert.throws(() => scheme.deriveModuleKeys(operator.privateKey, bad, 'FM-0000001'), RangeError);
});

test('FIS-FM-02, FIS-RCT-26: the fiscal sign is exactly 10 decimal digits and the operator verifies it (property)', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 2048 }), (core) => {
      const sign = scheme.fiscalSign(onModule, core);
      assert.match(sign, /^\d{10}$/);
      assert.ok(Number(sign) <= 0xffffffff);
      assert.equal(verifyFiscalSign(scheme, atOperator, core, sign), true);
    }),
  );
});

test('FIS-FM-02: a changed byte of the receipt changes the fiscal sign and fails verification (property)', () => {
  const sign = scheme.fiscalSign(onModule, receiptCore);
  fc.assert(
    fc.property(fc.nat({ max: receiptCore.length - 1 }), fc.nat({ max: 7 }), (i, bit) => {
      const changed = flip(receiptCore, i, bit);
      assert.notEqual(scheme.fiscalSign(onModule, changed), sign);
      assert.equal(verifyFiscalSign(scheme, atOperator, changed, sign), false);
    }),
  );
});

test('FIS-FM-02: the fiscal sign is the decimal N1 of the 28147-89 MAC that `openssl dgst -mac gost-mac-12` gives', () => {
  const m = gost28147Mac(onModule.fiscalSignKey, receiptCore, { sbox: 'E-Z', keyMeshing: 'cryptopro' });
  assert.equal(scheme.fiscalSign(onModule, receiptCore), Buffer.from(m).readUInt32LE(0).toString().padStart(10, '0'));
});

test('FIS-FM-02: a fiscal sign made with another module key, or malformed, does not verify', () => {
  const otherKeys = scheme.deriveModuleKeys(module2.privateKey, operator.publicKey, 'FM-0000001');
  assert.equal(verifyFiscalSign(scheme, atOperator, receiptCore, scheme.fiscalSign(otherKeys, receiptCore)), false);
  for (const bad of ['', '123', '12345678901', '12345abcde', ' 123456789']) assert.equal(verifyFiscalSign(scheme, atOperator, receiptCore, bad), false, bad);
});

test('FIS-FM-20: the document MAC authenticates the whole document; a changed byte fails (property)', () => {
  fc.assert(
    fc.property(fc.uint8Array({ minLength: 1, maxLength: 1500 }), fc.nat(), fc.nat({ max: 7 }), (document, at, bit) => {
      const mac = scheme.documentMac(onModule, document);
      assert.match(mac, /^[0-9a-f]{16}$/);
      assert.equal(verifyDocumentMac(scheme, atOperator, document, mac), true);
      assert.equal(verifyDocumentMac(scheme, atOperator, flip(document, at % document.length, bit), mac), false);
    }),
  );
  assert.equal(verifyDocumentMac(scheme, atOperator, receiptCore, 'zz'), false);
  assert.equal(verifyDocumentMac(scheme, atOperator, receiptCore, scheme.documentMac(onModule, receiptCore).toUpperCase()), false);
});

test('the operator acknowledgement verifies on the module, is the same byte for byte on a resubmission, and is not a document MAC', () => {
  const ack = utf8('ACK|FM-0000001|000042|accepted');
  const mac = scheme.ackMac(atOperator, ack);
  assert.equal(verifyAckMac(scheme, onModule, ack, mac), true);
  assert.equal(scheme.ackMac(atOperator, ack), mac, 'deterministic: a resubmitted document gets the same acknowledgement');
  assert.equal(verifyAckMac(scheme, onModule, flip(ack, 0, 0), mac), false);
  assert.equal(verifyDocumentMac(scheme, onModule, ack, mac), false, 'key separation: an acknowledgement cannot pass as a document');
});

test('FIS-FM-13, FIS-FM-22: the module signature over a Z-report and the chain hash verifies with its public key; a tampered one fails', () => {
  const chainHash = scheme.digest(utf8('…hash of the last document of the shift…'));
  const zReport = new Uint8Array([...utf8('Z|FM-0000001|shift 17|receipts 412|total 18734500|'), ...chainHash]);
  const signature = scheme.sign(module1.privateKey, zReport);
  assert.equal(signature.length, 64);
  assert.equal(scheme.verify(module1.publicKey, zReport, signature), true);
  assert.equal(scheme.verify(module1.publicKey, flip(zReport, 3, 0), signature), false);
  assert.equal(scheme.verify(module1.publicKey, zReport, flip(signature, 10, 2)), false);
  assert.equal(scheme.verify(module2.publicKey, zReport, signature), false);
  assert.equal(scheme.verify(module1.publicKey, zReport, signature.subarray(1)), false);
});

test('the digest is Streebog-256 (GOST R 34.11-2012, RFC 6986 §10.1 M1)', () => {
  const m1 = utf8('012345678901234567890123456789012345678901234567890123456789012');
  assert.equal(hex(scheme.digest(m1)), '9d151eefd8590b89daa6ba6cb74af9275dd051026bb149a452fd84e5e57b5500');
});

// Keys made by OpenSSL 3.0 + Debian libengine-gost-openssl 3.0.1 (paramset A); the expected values were
// recomputed with the OpenSSL CLI alone (docs/fiscal-crypto.md, "Re-checking a value with OpenSSL"):
// UKM = first 8 bytes of gost12sum("FM-0000001") = 065f2188059cbd87; KEK = pkeyutl -derive -pkeyopt ukmhex:…;
// key = dgst -md_gost12_256 -mac hmac over 01 ‖ label ‖ 00 ‖ number ‖ 0100; MAC = dgst -mac gost-mac-12.
const OPENSSL = {
  modulePrivate: '255dc57256e5589c56d4c349a56acaf64d04a016b53223293f91db058b11422c',
  operatorPublic: '6e1dd965aaefdf09ba5f4cff2a0e358935bb6b369116db34d0db870a245e64230cd47f9d6dae4486b35efdbc83c9e7465d792681f91bec2f3fe0236550180b35',
  fiscalSignKey: 'ea2d1e873b020a7c07e02592d644462cb3f87b2754b3c64a6494c3d00062c15b',
  fiscalSign: '3549109660',
  documentMac: '8ccbc096a0b781b8',
};

test('FS1 is frozen and reproducible with the OpenSSL CLI: OpenSSL-made keys give these exact keys and values', () => {
  const keys = scheme.deriveModuleKeys(Buffer.from(OPENSSL.modulePrivate, 'hex'), Buffer.from(OPENSSL.operatorPublic, 'hex'), 'FM-0000001');
  assert.equal(scheme.id, 'FS1: GOST 28147-89 MAC + VKO GOST R 34.10-2012');
  assert.equal(hex(keys.fiscalSignKey), OPENSSL.fiscalSignKey);
  assert.equal(scheme.fiscalSign(keys, receiptCore), OPENSSL.fiscalSign);
  assert.equal(scheme.documentMac(keys, receiptCore), OPENSSL.documentMac);
});

test('FIS-FM-22: the module key pair comes from the injected random source', () => {
  const fixed = createFiscalScheme({ random: (n) => new Uint8Array(n).fill(0x11) });
  const pair = fixed.generateModuleKeyPair();
  assert.equal(hex(pair.privateKey), '11'.repeat(32));
  assert.equal(fixed.isValidPublicKey(pair.publicKey), true);
});
