import 'reflect-metadata';
import assert from 'node:assert/strict';
import { X509Certificate, webcrypto } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import * as x509 from '@peculiar/x509';
import { type Client, startTestApp, type TestApp } from '../../../../test/app.ts';
import { testTargets } from '../../../../test/db.ts';
import { verifyAuditChain } from '../../../platform/audit.ts';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { transact } from '../../../platform/db.ts';
import { edsExpiryChecker } from '../application/eds-verification.ts';
import { type NewTaxpayer, registerTaxpayer } from '../application/taxpayers.ts';

const crypto = webcrypto as unknown as Crypto;
const EC = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
/** Thursday 9 April 2026, 11:00 in Dushanbe. */
const THURSDAY = '2026-04-09T06:00:00Z';
const DAY = 86_400_000;

let seq = 0;
async function enter(t: TestApp, over: Partial<NewTaxpayer> = {}) {
  seq += 1;
  const deps = t.c.taxServices.deps;
  const input: NewTaxpayer = {
    kind: 'legal_entity',
    organisationName: `ҶДММ «Имзо ${seq}»`,
    address: 'ш. Душанбе, кӯч. Фирдавсӣ 2',
    unitCode: 'dushanbe-somoni',
    ...over,
  };
  const r = await transact(deps.database.db, (tx) => registerTaxpayer(tx, deps, 'test', input));
  assert.ok(r.ok, JSON.stringify(r));
  return r.value;
}

const person = (): Partial<NewTaxpayer> => ({
  kind: 'individual',
  surname: 'Шарипова',
  givenName: 'Зарина',
  birthDate: '1992-10-01',
  passport: { series: 'A', number: String(77_000_000 + seq) },
});

async function keyPair() {
  const keys = (await crypto.subtle.generateKey(EC, true, ['sign', 'verify'])) as CryptoKeyPair;
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({ name: 'CN=applicant', keys, signingAlgorithm: EC }, crypto);
  const spki = Buffer.from(await crypto.subtle.exportKey('spki', keys.publicKey));
  return { keys, csrPem: csr.toString('pem'), spki };
}

const sign = async (keys: CryptoKeyPair, text: string) => Buffer.from(await crypto.subtle.sign(EC, keys.privateKey, Buffer.from(text))).toString('base64');

/** A certificate issued to a taxpayer of the given kind: apply, sign, pay (when due). */
async function certified(t: TestApp, officer: Client, over: Partial<NewTaxpayer> = {}, extra: Record<string, string> = {}) {
  const taxpayer = await enter(t, over);
  const cabinet = await t.as(taxpayer.kind === 'individual' ? 'taxpayer' : 'business', { tin: taxpayer.tin });
  const key = await keyPair();
  const applied = await cabinet.post('/api/tax-services/eds/applications', { csrPem: key.csrPem, ...extra });
  assert.equal(applied.status, 201, applied.text);
  await cabinet.post(`/api/tax-services/eds/applications/${applied.body.id}/contract`, { accept: true });
  if (!applied.body.isFree) {
    const paid = await officer.post(`/api/tax-services/eds/applications/${applied.body.id}/payment`, {
      amountDirams: applied.body.priceDirams,
      reference: `PAY-${seq}`,
    });
    assert.equal(paid.status, 200, paid.text);
  }
  const [certificate] = (await cabinet.get('/api/tax-services/eds/certificates')).body;
  return { taxpayer, cabinet, key, application: applied.body, certificate };
}

for (const target of testTargets()) {
  describe(`EDS certificates of the platform's authority (TS-50, 12.12.02) [${target}]`, () => {
    let t: TestApp;
    let officer: Client;
    before(async () => {
      t = await startTestApp(target, THURSDAY);
      officer = await t.as('service_officer');
    });
    after(() => t.close());

    test('TS-50 12.12.02: contract, then payment, then at once an X.509 ECDSA P-256 certificate for one year from the platform’s authority, delivered with the request', async () => {
      const company = await enter(t);
      const cabinet = await t.as('business', { tin: company.tin });
      const key = await keyPair();
      const applied = await cabinet.post('/api/tax-services/eds/applications', { csrPem: key.csrPem, email: 'buh@imzo.tj' });
      assert.equal(applied.status, 201, applied.text);
      assert.deepEqual([applied.body.status, applied.body.priceDirams, applied.body.isFree, applied.body.requestId], ['pending', 20_000, false, null]);
      assert.match(applied.body.contract.tg, /^Шартнома/);
      const signed = await cabinet.post(`/api/tax-services/eds/applications/${applied.body.id}/contract`, { accept: true });
      assert.deepEqual([signed.body.status, signed.body.requestId], ['pending', null], 'no payment yet: no request, no certificate');
      const paid = await officer.post(`/api/tax-services/eds/applications/${applied.body.id}/payment`, { amountDirams: 20_000, reference: 'AMONAT-0001' });
      assert.equal(paid.status, 200, paid.text);
      assert.equal(paid.body.status, 'issued');

      const [issued] = (await cabinet.get('/api/tax-services/eds/certificates')).body;
      assert.equal(issued.state, 'active');
      assert.equal(issued.notBefore, new Date(THURSDAY).toISOString());
      assert.equal(issued.notAfter, '2027-04-09T06:00:00.000Z');
      const cert = new X509Certificate(issued.certificatePem);
      const ca = new X509Certificate((await t.anon.get('/api/public/tax-services/eds/ca')).text);
      assert.ok(cert.checkIssued(ca) && cert.verify(ca.publicKey), 'signed by the platform authority');
      assert.ok(ca.ca, 'the authority is a CA');
      assert.equal(cert.publicKey.asymmetricKeyDetails?.namedCurve, 'prime256v1');
      assert.deepEqual(cert.publicKey.export({ type: 'spki', format: 'der' }), key.spki, 'the applicant’s own key');
      assert.match(cert.subject, new RegExp(`TINTJ-${company.tin}`));
      assert.match(cert.subject, /ҶДММ «Имзо/);

      const request = await officer.get(`/api/tax-services/requests/${paid.body.requestId}`);
      assert.deepEqual(
        [request.body.serviceKey, request.body.status, request.body.sla.state, request.body.channel],
        ['12.12.02', 'completed', 'met', 'cabinet'],
      );
      assert.equal(request.body.results[0].kind, 'eds_certificate');

      const message = 'Эъломияи андоз аз фоида, 2026, Q1';
      const signature = await sign(key.keys, message);
      const bySerial = await t.anon.post('/api/public/tax-services/eds/verify', {
        serialNumber: issued.serialNumber,
        messageBase64: Buffer.from(message).toString('base64'),
        signatureBase64: signature,
      });
      assert.equal(bySerial.status, 200, bySerial.text);
      assert.deepEqual([bySerial.body.isValid, bySerial.body.fault, bySerial.body.certificate.tin], [true, null, company.tin]);
      const byPem = await t.anon.post('/api/public/tax-services/eds/verify', {
        certificatePem: issued.certificatePem,
        messageBase64: Buffer.from(message).toString('base64'),
        signatureBase64: signature,
      });
      assert.equal(byPem.body.isValid, true);
      const tampered = await t.anon.post('/api/public/tax-services/eds/verify', {
        serialNumber: issued.serialNumber,
        messageBase64: Buffer.from(`${message}!`).toString('base64'),
        signatureBase64: signature,
      });
      assert.deepEqual([tampered.body.isValid, tampered.body.fault], [false, 'signature_mismatch']);
      assert.equal((await verifyAuditChain(t.db.db)).isIntact, true);
    });

    test('TS-50 12.12.02: the 3-working-day deadline counts from the later of contract and payment (the bank’s time), across the weekend', async () => {
      t.clock.set(THURSDAY);
      try {
        const company = await enter(t);
        const cabinet = await t.as('business', { tin: company.tin });
        const applied = await cabinet.post('/api/tax-services/eds/applications', { csrPem: (await keyPair()).csrPem });
        await cabinet.post(`/api/tax-services/eds/applications/${applied.body.id}/contract`, { accept: true });
        // The bank took the fee on Friday at 16:00; the officer enters it on Monday at 09:30.
        const fridayPayment = new Date('2026-04-10T11:00:00Z');
        t.clock.set('2026-04-13T04:30:00Z');
        const mondayOfficer = await t.as('service_officer');
        const paid = await mondayOfficer.post(`/api/tax-services/eds/applications/${applied.body.id}/payment`, {
          amountDirams: 20_000,
          reference: 'AMONAT-0002',
          paidAt: '2026-04-10T16:00:00+05:00',
        });
        assert.equal(paid.status, 200, paid.text);
        const request = (await mondayOfficer.get(`/api/tax-services/requests/${paid.body.requestId}`)).body;
        assert.equal(request.receivedAt, new Date(THURSDAY).toISOString(), 'the application arrived on Thursday');
        assert.equal(request.sla.startedAt, fridayPayment.toISOString(), 'the clock starts at the later of the two: the payment');
        const calendar = t.c.calendar();
        assert.equal(request.sla.dueAt, calendar.addWorkingDays(fridayPayment, 3).toISOString());
        assert.equal(dushanbeDate(new Date(request.sla.dueAt)), '2026-04-15', 'Monday, Tuesday, Wednesday: the weekend does not count');
        assert.equal(dushanbeDate(calendar.addWorkingDays(new Date(THURSDAY), 3)), '2026-04-14', '(from the contract it would have been Tuesday)');
        assert.equal(request.sla.state, 'met');

        // The other order: paid on Thursday, contract signed on Friday evening: the contract starts the clock.
        t.clock.set(THURSDAY);
        const other = await enter(t);
        const otherCabinet = await t.as('business', { tin: other.tin });
        const second = await otherCabinet.post('/api/tax-services/eds/applications', { csrPem: (await keyPair()).csrPem });
        assert.equal(
          (await officer.post(`/api/tax-services/eds/applications/${second.body.id}/payment`, { amountDirams: 20_000, reference: 'AMONAT-0003' })).body.status,
          'pending',
        );
        t.clock.set('2026-04-10T13:00:00Z');
        const fridayCabinet = await t.as('business', { tin: other.tin, login: `${other.tin}-friday` });
        const signed = await fridayCabinet.post(`/api/tax-services/eds/applications/${second.body.id}/contract`, { accept: true });
        assert.equal(signed.body.status, 'issued');
        const secondRequest = (await fridayCabinet.get(`/api/tax-services/requests/${signed.body.requestId}`)).body;
        assert.equal(secondRequest.sla.startedAt, '2026-04-10T13:00:00.000Z');
        assert.equal(dushanbeDate(new Date(secondRequest.sla.dueAt)), '2026-04-15');
      } finally {
        t.clock.set(THURSDAY);
      }
    });

    test('TS-50 12.12.02: a dehkan farm pays nothing, whatever the price list says: the contract alone issues the certificate, and a payment is refused (EDS_PAYMENT_NOT_DUE)', async () => {
      await t.db.query(
        `INSERT INTO tax_services.eds_prices (id, taxpayer_kind, amount_dirams, effective_from) VALUES ('00000000-0000-7000-8000-0000000004ff', 'dehkan_farm', 30000, '2026-01-01')`,
      );
      const prices = (await t.anon.get('/api/public/tax-services/eds/prices')).body as { taxpayerKind: string; amountDirams: number }[];
      assert.equal(prices.find((p) => p.taxpayerKind === 'dehkan_farm')?.amountDirams, 0);
      assert.equal(prices.find((p) => p.taxpayerKind === 'legal_entity')?.amountDirams, 20_000);
      const farm = await enter(t, { kind: 'dehkan_farm', organisationName: 'Хоҷагии деҳқонии «Обод»' });
      const cabinet = await t.as('business', { tin: farm.tin });
      const applied = await cabinet.post('/api/tax-services/eds/applications', { csrPem: (await keyPair()).csrPem });
      assert.deepEqual([applied.body.priceDirams, applied.body.isFree], [0, true]);
      const payment = await officer.post(`/api/tax-services/eds/applications/${applied.body.id}/payment`, { amountDirams: 0, reference: 'NONE' });
      assert.deepEqual([payment.status, payment.body.code], [409, 'EDS_PAYMENT_NOT_DUE']);
      const signed = await cabinet.post(`/api/tax-services/eds/applications/${applied.body.id}/contract`, { accept: true });
      assert.equal(signed.body.status, 'issued');
      const request = (await cabinet.get(`/api/tax-services/requests/${signed.body.requestId}`)).body;
      assert.equal(request.sla.startedAt, new Date(THURSDAY).toISOString(), 'the clock starts at the contract');
    });

    test('TS-50: reminders 30 and 7 days before the end, once each, in the cabinet and by e-mail; a renewed certificate gets none; the renewal is a new one-year certificate', async () => {
      t.clock.set(THURSDAY);
      try {
        const a = await certified(t, officer, person(), { email: 'zarina@example.tj' });
        const b = await certified(t, officer, {}, { email: 'b@example.tj' });
        const notAfter = new Date(a.certificate.notAfter);
        const checker = edsExpiryChecker();
        const kinds = async (tin: string) =>
          (
            await t.db.query<{ kind: string }>('SELECT kind FROM tax_services.outgoing_messages WHERE tin = $1 AND kind LIKE $2 ORDER BY created_at', [
              tin,
              'eds_expiry%',
            ])
          ).map((m) => m.kind);

        // 40 days before the end, B renews: a new contract and payment, a new certificate.
        t.clock.set(new Date(notAfter.getTime() - 40 * DAY));
        const bCabinet = await t.as('business', { tin: b.taxpayer.tin, login: `${b.taxpayer.tin}-renewal` });
        const renewal = await bCabinet.post('/api/tax-services/eds/applications', { csrPem: (await keyPair()).csrPem, renewsCertificateId: b.certificate.id });
        assert.equal(renewal.status, 201, renewal.text);
        await bCabinet.post(`/api/tax-services/eds/applications/${renewal.body.id}/contract`, { accept: true });
        const laterOfficer = await t.as('service_officer');
        assert.equal(
          (await laterOfficer.post(`/api/tax-services/eds/applications/${renewal.body.id}/payment`, { amountDirams: 20_000, reference: 'RENEW-1' })).body
            .status,
          'issued',
        );
        const bCertificates = (await bCabinet.get('/api/tax-services/eds/certificates')).body;
        assert.equal(bCertificates.length, 2);
        assert.equal(bCertificates[1].renewedBy, bCertificates[0].id);
        assert.equal(new Date(bCertificates[0].notAfter).getTime() - new Date(bCertificates[0].notBefore).getTime(), 365 * DAY);

        t.clock.set(new Date(notAfter.getTime() - 31 * DAY));
        assert.equal(await checker.run(t.db.db, t.clock.now()), 0);
        t.clock.set(new Date(notAfter.getTime() - 30 * DAY + 60_000));
        // Certificates of the other tests, issued the same Thursday, are reminded too: look at A and B.
        assert.ok((await checker.run(t.db.db, t.clock.now())) >= 1);
        assert.equal(await checker.run(t.db.db, t.clock.now()), 0, 'once');
        assert.deepEqual(await kinds(a.taxpayer.tin), ['eds_expiry_30']);
        assert.deepEqual(await kinds(b.taxpayer.tin), [], 'B’s old certificate was renewed');
        t.clock.set(new Date(notAfter.getTime() - 7 * DAY + 60_000));
        assert.ok((await checker.run(t.db.db, t.clock.now())) >= 1);
        assert.equal(await checker.run(t.db.db, t.clock.now()), 0, 'once');
        assert.deepEqual(await kinds(a.taxpayer.tin), ['eds_expiry_30', 'eds_expiry_7']);
        assert.deepEqual(await kinds(b.taxpayer.tin), []);
        const aCabinet = await t.as('taxpayer', { tin: a.taxpayer.tin, login: `${a.taxpayer.tin}-later` });
        const inbox = (await aCabinet.get('/api/notifications?limit=50')).body.items as { kind: string; body: { tg: string } }[];
        assert.deepEqual(
          inbox
            .filter((n) => n.kind.startsWith('eds_expiry'))
            .map((n) => n.kind)
            .sort(),
          ['eds_expiry_30', 'eds_expiry_7'],
        );
        assert.match(inbox.find((n) => n.kind === 'eds_expiry_7')?.body.tg ?? '', /пас аз 7 рӯз/);
        t.clock.set(new Date(notAfter.getTime() + 60_000));
        await checker.run(t.db.db, t.clock.now());
        assert.deepEqual(await kinds(a.taxpayer.tin), ['eds_expiry_30', 'eds_expiry_7'], 'nothing after the end');
        const afterEnd = await t.as('taxpayer', { tin: a.taxpayer.tin, login: `${a.taxpayer.tin}-expired` });
        assert.equal((await afterEnd.get('/api/tax-services/eds/certificates')).body[0].state, 'expired');
      } finally {
        t.clock.set(THURSDAY);
      }
    });

    test('TS-50: a signature does not verify with a revoked certificate, outside its validity, or with a certificate not of the platform’s authority', async () => {
      const { cabinet, key, certificate } = await certified(t, officer);
      const message = Buffer.from('declaration').toString('base64');
      const signatureBase64 = await sign(key.keys, 'declaration');
      const verify = (body: object) => t.anon.post('/api/public/tax-services/eds/verify', { messageBase64: message, signatureBase64, ...body });
      const early = await verify({ serialNumber: certificate.serialNumber, signedAt: '2026-04-09T10:59:00+05:00' });
      assert.deepEqual([early.body.isValid, early.body.fault], [false, 'not_yet_valid']);
      const late = await verify({ serialNumber: certificate.serialNumber, signedAt: '2027-04-09T11:00:01+05:00' });
      assert.deepEqual([late.body.isValid, late.body.fault], [false, 'expired']);

      t.clock.advance(2 * 3_600_000);
      try {
        const revoked = await cabinet.post(`/api/tax-services/eds/certificates/${certificate.id}/revoke`, { reason: 'Калид гум шуд' });
        assert.equal(revoked.status, 200, revoked.text);
        assert.equal(revoked.body.state, 'revoked');
        const now = await verify({ serialNumber: certificate.serialNumber });
        assert.deepEqual([now.body.isValid, now.body.fault], [false, 'revoked']);
        const before = await verify({ serialNumber: certificate.serialNumber, signedAt: new Date(t.clock.now().getTime() - 3_600_000).toISOString() });
        assert.equal(before.body.isValid, true, 'a signature made before the revocation stands');
        const again = await cabinet.post(`/api/tax-services/eds/certificates/${certificate.id}/revoke`, { reason: 'again' });
        assert.deepEqual([again.status, again.body.code], [409, 'EDS_CERTIFICATE_REVOKED']);
        const renew = await cabinet.post('/api/tax-services/eds/applications', { csrPem: key.csrPem, renewsCertificateId: certificate.id });
        assert.deepEqual([renew.status, renew.body.code], [409, 'EDS_RENEWAL_NOT_ALLOWED']);
      } finally {
        t.clock.set(THURSDAY);
      }

      const foreignKeys = (await crypto.subtle.generateKey(EC, true, ['sign', 'verify'])) as CryptoKeyPair;
      const foreign = await x509.X509CertificateGenerator.createSelfSigned({ name: 'CN=Bekogaz EDS CA', keys: foreignKeys, signingAlgorithm: EC }, crypto);
      const notOurs = await verify({ certificatePem: foreign.toString('pem') });
      assert.deepEqual([notOurs.body.isValid, notOurs.body.fault], [false, 'not_issued_by_platform_ca']);
      const garbage = await verify({ certificatePem: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----' });
      assert.deepEqual([garbage.body.isValid, garbage.body.fault], [false, 'certificate_unreadable']);
      const unknown = await verify({ serialNumber: '0102030405' });
      assert.deepEqual([unknown.body.isValid, unknown.body.fault], [false, 'unknown_certificate']);
      const both = await verify({ serialNumber: certificate.serialNumber, certificatePem: certificate.certificatePem });
      const neither = await verify({});
      assert.deepEqual([both.status, both.body.code, neither.status, neither.body.code], [400, 'EDS_VERIFY_QUERY_INVALID', 400, 'EDS_VERIFY_QUERY_INVALID']);
    });

    test('12.12.02: refusals of the application, contract, payment and certificate', async () => {
      const company = await enter(t);
      const cabinet = await t.as('business', { tin: company.tin });
      const key = await keyPair();
      const apply = (body: object) => cabinet.post('/api/tax-services/eds/applications', body);
      const ed = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
      const edSpki = Buffer.from(await crypto.subtle.exportKey('spki', ed.publicKey)).toString('base64');
      const forgedCsr = key.csrPem.replace(/.{6}\n-----END/, 'AAAAAA\n-----END');
      for (const body of [{ csrPem: 'not a request' }, { publicKeySpki: edSpki }, { csrPem: forgedCsr }, {}]) {
        const r = await apply(body);
        assert.deepEqual([r.status, r.body.code], [422, 'EDS_KEY_INVALID'], JSON.stringify(body));
      }
      const applied = await apply({ publicKeySpki: key.spki.toString('base64') });
      assert.equal(applied.status, 201, applied.text);
      assert.equal(applied.body.keySource, 'spki');
      const pending = await apply({ csrPem: key.csrPem });
      assert.deepEqual([pending.status, pending.body.code], [409, 'EDS_APPLICATION_PENDING']);

      const stranger = await t.as('business', { tin: (await enter(t)).tin });
      const notYours = await stranger.post(`/api/tax-services/eds/applications/${applied.body.id}/contract`, { accept: true });
      assert.deepEqual([notYours.status, notYours.body.code], [404, 'EDS_APPLICATION_NOT_FOUND']);
      assert.equal((await stranger.get(`/api/tax-services/eds/applications/${applied.body.id}`)).status, 404);

      const pay = (body: object) => officer.post(`/api/tax-services/eds/applications/${applied.body.id}/payment`, { reference: 'P-1', ...body });
      const wrongAmount = await pay({ amountDirams: 19_999 });
      assert.deepEqual([wrongAmount.status, wrongAmount.body.code, wrongAmount.body.details.priceDirams], [422, 'EDS_PAYMENT_AMOUNT_MISMATCH', 20_000]);
      const future = await pay({ amountDirams: 20_000, paidAt: '2026-04-09T12:00:00+05:00' });
      const beforeApplying = await pay({ amountDirams: 20_000, paidAt: '2026-04-01T12:00:00+05:00' });
      assert.deepEqual([future.body.code, beforeApplying.body.code], ['EDS_PAYMENT_TIME_INVALID', 'EDS_PAYMENT_TIME_INVALID']);
      assert.equal((await pay({ amountDirams: 20_000 })).status, 200);
      const twice = await pay({ amountDirams: 20_000 });
      assert.deepEqual([twice.status, twice.body.code], [409, 'EDS_ALREADY_PAID']);
      assert.equal(
        (await cabinet.post(`/api/tax-services/eds/applications/${applied.body.id}/payment`, { amountDirams: 1, reference: 'x' })).status,
        403,
        'only an officer records a payment',
      );

      const other = await enter(t);
      const otherCabinet = await t.as('business', { tin: other.tin });
      const second = await otherCabinet.post('/api/tax-services/eds/applications', { csrPem: (await keyPair()).csrPem });
      assert.equal((await otherCabinet.post(`/api/tax-services/eds/applications/${second.body.id}/contract`, { accept: true })).status, 200);
      const signedTwice = await otherCabinet.post(`/api/tax-services/eds/applications/${second.body.id}/contract`, { accept: true });
      assert.deepEqual([signedTwice.status, signedTwice.body.code], [409, 'EDS_CONTRACT_ALREADY_SIGNED']);

      const issued = await cabinet.post(`/api/tax-services/eds/applications/${applied.body.id}/contract`, { accept: true });
      assert.equal(issued.body.status, 'issued');
      const closed = await cabinet.post(`/api/tax-services/eds/applications/${applied.body.id}/contract`, { accept: true });
      assert.deepEqual([closed.status, closed.body.code], [409, 'EDS_APPLICATION_CLOSED']);
      const [mine] = (await cabinet.get('/api/tax-services/eds/certificates')).body;
      const revokeOthers = await stranger.post(`/api/tax-services/eds/certificates/${mine.id}/revoke`, { reason: 'x' });
      assert.deepEqual([revokeOthers.status, revokeOthers.body.code], [404, 'EDS_CERTIFICATE_NOT_FOUND']);

      await t.db.query(`DELETE FROM tax_services.eds_prices WHERE taxpayer_kind = 'individual_entrepreneur'`);
      const trader = await enter(t, { ...person(), kind: 'individual_entrepreneur' });
      const noPrice = await (await t.as('business', { tin: trader.tin })).post('/api/tax-services/eds/applications', { csrPem: key.csrPem });
      assert.deepEqual([noPrice.status, noPrice.body.code], [409, 'EDS_PRICE_NOT_SET']);

      const gone = await enter(t);
      await t.db.query(`UPDATE tax_services.taxpayers SET status = 'deregistered', deregistered_at = $2 WHERE tin = $1`, [gone.tin, '2026-01-15T05:00:00Z']);
      const deregistered = await (await t.as('business', { tin: gone.tin })).post('/api/tax-services/eds/applications', { csrPem: key.csrPem });
      assert.deepEqual([deregistered.status, deregistered.body.code], [409, 'TAXPAYER_DEREGISTERED']);
      const unregistered = await (await t.as('business', { tin: '100000003' })).post('/api/tax-services/eds/applications', { csrPem: key.csrPem });
      assert.deepEqual([unregistered.status, unregistered.body.code], [404, 'TAXPAYER_NOT_FOUND']);
    });
  });
}
