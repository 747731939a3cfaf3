import 'reflect-metadata';
import assert from 'node:assert/strict';
import { createHash, createPrivateKey, createPublicKey, webcrypto } from 'node:crypto';
import { test } from 'node:test';
import * as x509 from '@peculiar/x509';
import { certificateRequestPem, ecdsaRawToDer, fromBase64, generateEdsKey, pemLabel, sha256Hex, toBase64 } from './keys.ts';

const subtle = webcrypto.subtle as SubtleCrypto;

test('TS-50 12.12.02: a key made in the browser gives a PKCS#10 request that verifies and carries its public key, and a PKCS#8 PEM that reads as the same key', async () => {
  const key = await generateEdsKey(subtle);
  const pem = await certificateRequestPem(key, '300000011 Раҳимов');
  assert.equal(pemLabel(pem), 'CERTIFICATE REQUEST');
  const csr = new x509.Pkcs10CertificateRequest(pem);
  assert.equal(await csr.verify(webcrypto as unknown as Crypto), true);
  assert.deepEqual(new Uint8Array(csr.publicKey.rawData), key.spki);
  assert.equal(csr.subject, 'CN=300000011 Раҳимов');
  // The private key the holder saves is the one whose public half was certified.
  const fromPem = createPublicKey(createPrivateKey(key.privateKeyPem)).export({ type: 'spki', format: 'der' });
  assert.deepEqual(new Uint8Array(fromPem), key.spki);
  assert.equal(pemLabel(key.privateKeyPem), 'PRIVATE KEY');
});

test('TS-50: the DER form of an ECDSA signature keeps integers positive and minimal, whatever r and s begin with', () => {
  const raw = new Uint8Array(64);
  raw[0] = 0x80; // r has its high bit set: a 0x00 is prepended
  raw[32] = 0;
  raw[33] = 0;
  raw[34] = 0x01; // s starts with two zero bytes: they are dropped
  const der = ecdsaRawToDer(raw);
  assert.deepEqual([...der.subarray(0, 4)], [0x30, der.length - 2, 0x02, 33]);
  assert.deepEqual([...der.subarray(4, 6)], [0x00, 0x80]);
  const sAt = 4 + 33;
  assert.deepEqual([...der.subarray(sAt, sAt + 3)], [0x02, 30, 0x01]);
});

test('01.01.01: the SHA-256 of a file is the one the server records (node:crypto), and base64 goes both ways', async () => {
  const bytes = new TextEncoder().encode('%PDF-1.7 шаҳодатнома');
  assert.equal(await sha256Hex(bytes, subtle), createHash('sha256').update(bytes).digest('hex'));
  const big = Uint8Array.from({ length: 100_000 }, (_, i) => i % 251);
  assert.deepEqual(fromBase64(toBase64(big)), big);
  assert.equal(fromBase64('not base64!'), undefined);
});
