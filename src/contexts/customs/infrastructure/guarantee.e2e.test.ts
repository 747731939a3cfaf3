import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { type Client, startTestApp, type TestApp } from '../../../../test/app.ts';
import { testTargets } from '../../../../test/db.ts';
import { guaranteeCover, needsEscort, requiredPurpose } from '../index.ts';

const doc = (kind: string, text = kind) => ({ kind, name: `${kind}.pdf`, contentBase64: Buffer.from(text).toString('base64') });
const DOCS = [doc('application'), doc('guarantee_instrument')];
const YEAR = { validFrom: '2026-03-02', validTo: '2027-03-01' };
const BROKER = '010000301';
const OWNER = '010000302';
const SHOP = '010000303';

for (const target of testTargets()) {
  describe(`customs guarantee registry [${target}]`, () => {
    let t: TestApp;
    let officer: Client;
    let broker: Client;
    let owner: Client;
    let shop: Client;

    // Monday 2 March 2026; one calculation indicator is 75.00 somoni (demo reference data).
    before(async () => {
      t = await startTestApp(target, '2026-03-02T05:00:00Z');
      officer = await t.as('customs_officer');
      broker = await t.as('declarant', { tin: BROKER });
      owner = await t.as('warehouse_owner', { tin: OWNER });
      shop = await t.as('declarant', { tin: SHOP });
    });
    after(() => t.close());

    const refused = (r: { status: number; body: { code?: string } }, status: number, code: string) => {
      assert.equal(r.status, status, JSON.stringify(r.body));
      assert.equal(r.body.code, code);
    };
    const accept = (reference: string, form = 'electronic') => officer.post(`/api/customs/guarantees/${reference}/decision`, { decision: 'accept', form });
    const cover = (holderTin: string, purpose: Parameters<typeof guaranteeCover>[1]['purpose'], reference?: string) =>
      guaranteeCover(t.db.db, { holderTin, purpose, reference, at: t.clock.now() });

    test('CUS-GUA-01 CUS-GUA-02 CUS-GUA-12 CUS-GUA-14 AMB-17: a broker applies electronically for a general guarantee of at least 3000 indicators; an officer accepts it', async () => {
      const min = await broker.get('/api/customs/guarantees/minimum?activity=customs_broker');
      assert.equal(min.status, 200, min.text);
      assert.deepEqual(min.body, { date: '2026-03-02', indicators: '3000', indicatorValueDirams: '7500', amountDirams: '22500000' });
      const general = { scope: 'general', activity: 'customs_broker', form: 'bank_guarantee', ...YEAR, documents: DOCS };
      const below = await broker.post('/api/customs/guarantees', { ...general, amountIndicators: '2999.99' });
      refused(below, 422, 'GUARANTEE_BELOW_MINIMUM');
      assert.equal(below.body.details.requiredIndicators, '3000');
      refused(await broker.post('/api/customs/guarantees', { ...general, documents: [doc('application')] }), 422, 'GUARANTEE_DOCUMENTS_REQUIRED');
      const applied = await broker.post('/api/customs/guarantees', general);
      assert.equal(applied.status, 201, applied.text);
      const g = applied.body;
      assert.match(g.reference, /^GUA-2026-\d{6}$/);
      assert.equal(g.status, 'applied');
      assert.equal(g.holderTin, BROKER);
      assert.equal(g.amountIndicators, '3000');
      assert.equal(g.requiredIndicators, '3000');
      assert.equal(g.amountDirams, '22500000');
      assert.equal(g.indicatorDate, '2026-03-02');
      assert.ok(g.purposes.includes('customs_broker') && g.purposes.includes('release'));
      assert.equal(g.documents[1].sha256, createHash('sha256').update('guarantee_instrument').digest('hex'));
      // Not in force until accepted.
      assert.equal(await cover(BROKER, 'customs_broker'), 0n);
      refused(await broker.post(`/api/customs/guarantees/${g.reference}/decision`, { decision: 'accept', form: 'electronic' }), 403, 'FORBIDDEN');
      const decided = await accept(g.reference, 'written');
      assert.equal(decided.status, 200, decided.text);
      assert.equal(decided.body.status, 'accepted');
      assert.equal(decided.body.decisionForm, 'written');
      refused(await accept(g.reference), 409, 'GUARANTEE_ALREADY_DECIDED');
      assert.equal(await cover(BROKER, 'customs_broker'), 22_500_000n);
      assert.equal(await cover(BROKER, 'customs_broker', g.reference), 22_500_000n);
      // The holder sees its own; another declarant does not.
      assert.equal((await broker.get(`/api/customs/guarantees/${g.reference}`)).body.availableDirams, '22500000');
      refused(await shop.get(`/api/customs/guarantees/${g.reference}`), 404, 'GUARANTEE_NOT_FOUND');
      assert.deepEqual(
        (await broker.get('/api/customs/guarantees')).body.map((x: { reference: string }) => x.reference),
        [g.reference],
      );
      assert.equal((await shop.get('/api/customs/guarantees')).body.length, 0);
    });

    test('CUS-GUA-05 CUS-GUA-06 CUS-GUA-07 AMB-16: a customs warehouse owner’s minimum comes from area and volume; an open-type warehouse needs the insurance policy', async () => {
      const min = await owner.get('/api/customs/guarantees/minimum?activity=customs_warehouse_owner&openSiteM2=1000&buildingM3=2500');
      assert.deepEqual(min.body, { date: '2026-03-02', indicators: '9150', indicatorValueDirams: '7500', amountDirams: '68625000' });
      const base = { scope: 'general', activity: 'customs_warehouse_owner', form: 'money_deposit', ...YEAR, documents: DOCS };
      refused(await owner.post('/api/customs/guarantees', base), 422, 'GUARANTEE_WAREHOUSE_FACTS_REQUIRED');
      const open = { ...base, warehouse: { warehouseType: 'open', openSiteM2: '1000', buildingM3: '2500' } };
      refused(await owner.post('/api/customs/guarantees', open), 422, 'GUARANTEE_INSURANCE_REQUIRED');
      refused(
        await owner.post('/api/customs/guarantees', { ...open, amountIndicators: '9149.99', documents: [...DOCS, doc('insurance_policy')] }),
        422,
        'GUARANTEE_BELOW_MINIMUM',
      );
      const withPolicy = await owner.post('/api/customs/guarantees', { ...open, documents: [...DOCS, doc('insurance_policy')] });
      assert.equal(withPolicy.status, 201, withPolicy.text);
      assert.equal(withPolicy.body.amountIndicators, '9150');
      assert.equal(withPolicy.body.openSiteM2, '1000');
      // A closed-type warehouse (the owner's own goods) needs no policy.
      const closed = await owner.post('/api/customs/guarantees', { ...base, warehouse: { warehouseType: 'closed', buildingM3: '100.5' } });
      assert.equal(closed.status, 201, closed.text);
      assert.equal(closed.body.amountIndicators, '351');
      assert.equal(closed.body.warehouseType, 'closed');
      assert.equal((await accept(closed.body.reference)).status, 200);
      // GUA-04: placing goods under the customs warehouse regime needs cover of that purpose.
      assert.equal(requiredPurpose({ kind: 'customs_warehouse' }), 'customs_warehouse');
      assert.equal(await cover(OWNER, 'customs_warehouse'), 351n * 7500n);
    });

    test('CUS-GUA-08 CUS-GUA-09 CUS-GUA-10 CUS-GUA-03 CUS-GUA-15 IMP-11: cover per purpose, draws against a reference, release on completion', async () => {
      const shopGuarantee = await shop.post('/api/customs/guarantees', {
        scope: 'general',
        activity: 'duty_free_shop_owner',
        form: 'surety',
        ...YEAR,
        documents: DOCS,
      });
      assert.equal(shopGuarantee.body.amountIndicators, '3000');
      await accept(shopGuarantee.body.reference);
      assert.equal(await cover(SHOP, requiredPurpose({ kind: 'duty_free_shop' }) ?? 'release'), 22_500_000n);
      // A shop owner's guarantee does not secure a free warehouse or relief regime.
      assert.equal(await cover(SHOP, requiredPurpose({ kind: 'free_warehouse' }) ?? 'release'), 0n);
      refused(
        await shop.post('/api/customs/guarantees', {
          scope: 'general',
          activity: 'duty_free_shop_owner',
          purposes: ['free_warehouse'],
          form: 'surety',
          ...YEAR,
          documents: DOCS,
        }),
        422,
        'GUARANTEE_PURPOSE_NOT_COVERED',
      );
      // A guarantee per declaration, in money, for relief and periodic declaring with payments due.
      const perDeclaration = await shop.post('/api/customs/guarantees', {
        scope: 'declaration',
        securedReference: 'PD-2026-7',
        purposes: ['relief_regime', 'periodic_declaring', 'free_warehouse'],
        form: 'money_deposit',
        amountDirams: '500000',
        ...YEAR,
        documents: DOCS,
      });
      assert.equal(perDeclaration.status, 201, perDeclaration.text);
      assert.equal(perDeclaration.body.amountDirams, '500000');
      assert.equal(perDeclaration.body.amountIndicators, '66.66');
      const ref = perDeclaration.body.reference;
      refused(await officer.post(`/api/customs/guarantees/${ref}/uses`, { useReference: 'DECL-1', amountDirams: '1' }), 409, 'GUARANTEE_NOT_IN_FORCE');
      await accept(ref);
      assert.equal(await cover(SHOP, requiredPurpose({ kind: 'regime_with_relief' }) ?? 'release', ref), 500_000n);
      assert.equal(await cover(SHOP, requiredPurpose({ kind: 'periodic_declaring', hasPaymentsDue: true }) ?? 'release', ref), 500_000n);
      assert.equal(await cover(SHOP, requiredPurpose({ kind: 'free_warehouse' }) ?? 'release'), 500_000n);
      const draw = await officer.post(`/api/customs/guarantees/${ref}/uses`, { useReference: 'DECL-1', amountDirams: '300000' });
      assert.equal(draw.status, 201, draw.text);
      assert.equal(draw.body.availableDirams, '200000');
      assert.equal(
        (await officer.post(`/api/customs/guarantees/${ref}/uses`, { useReference: 'DECL-1', amountDirams: '300000' })).body.availableDirams,
        '200000',
      );
      refused(await officer.post(`/api/customs/guarantees/${ref}/uses`, { useReference: 'DECL-1', amountDirams: '1' }), 409, 'GUARANTEE_USE_CONFLICT');
      const short = await officer.post(`/api/customs/guarantees/${ref}/uses`, { useReference: 'DECL-2', amountDirams: '200001' });
      refused(short, 409, 'GUARANTEE_INSUFFICIENT');
      assert.equal(short.body.details.availableDirams, '200000');
      refused(await shop.post(`/api/customs/guarantees/${ref}/uses`, { useReference: 'DECL-2', amountDirams: '1' }), 403, 'FORBIDDEN');
      assert.equal(await cover(SHOP, 'relief_regime', ref), 200_000n);
      const released = await officer.post(`/api/customs/guarantees/${ref}/uses/DECL-1/release`);
      assert.equal(released.body.availableDirams, '500000');
      assert.equal((await officer.post(`/api/customs/guarantees/${ref}/uses/DECL-1/release`)).body.availableDirams, '500000');
      refused(await officer.post(`/api/customs/guarantees/${ref}/uses/DECL-9/release`), 404, 'GUARANTEE_USE_NOT_FOUND');
      refused(await officer.post(`/api/customs/guarantees/${ref}/uses`, { useReference: 'DECL-1', amountDirams: '300000' }), 409, 'GUARANTEE_USE_CONFLICT');
      const detail = await shop.get(`/api/customs/guarantees/${ref}`);
      assert.equal(detail.body.uses.length, 1);
      assert.notEqual(detail.body.uses[0].releasedAt, null);
      const byOfficer = await officer.get(`/api/customs/guarantees/cover?holderTin=${SHOP}&purpose=relief_regime`);
      assert.equal(byOfficer.body.availableDirams, '500000');
    });

    test('CUS-GUA-16 AMB-18: the Article 383 transit amount is a parameter an officer enters; escort follows when cover is below it', async () => {
      const params = await officer.get('/api/customs/guarantee-parameters');
      assert.deepEqual(
        params.body.map((p: { code: string; indicators: string }) => [p.code, p.indicators]),
        [
          ['customs_broker', '3000'],
          ['duty_free_shop', '3000'],
          ['warehouse_base', '150'],
          ['warehouse_per_m2_open_site', '4'],
          ['warehouse_per_m3_building', '2'],
        ],
      );
      refused(
        await officer.post('/api/customs/guarantee-parameters', { code: 'transit_art383', indicators: '1000', validFrom: '2026-03-01', legalBasis: 'art.383' }),
        409,
        'GUARANTEE_PARAMETER_PAST_DATED',
      );
      refused(
        await broker.post('/api/customs/guarantee-parameters', { code: 'transit_art383', indicators: '1000', validFrom: '2026-03-02', legalBasis: 'art.383' }),
        403,
        'FORBIDDEN',
      );
      const entered = await officer.post('/api/customs/guarantee-parameters', {
        code: 'transit_art383',
        indicators: '1000',
        validFrom: '2026-03-02',
        legalBasis: 'Customs Code art.383',
      });
      assert.equal(entered.status, 201, entered.text);
      const transit = (await officer.get('/api/customs/guarantee-parameters')).body.find((p: { code: string }) => p.code === 'transit_art383');
      const required = BigInt(transit.indicators) * 7500n;
      // The broker's general guarantee covers transit (22 500 000 ≥ 7 500 000); a holder without one gets escort.
      assert.equal(needsEscort(await cover(BROKER, 'transit'), required), false);
      assert.equal(needsEscort(null, required), true);
      assert.equal(needsEscort(await cover(OWNER, 'transit'), required), true);
      const aeo = await broker.get('/api/customs/guarantees/minimum?activity=aeo');
      assert.equal(aeo.body.indicators, null);
    });

    test('IMP-11: refusals of an application and a decision, each with its code', async () => {
      const base = { form: 'bank_guarantee', ...YEAR, documents: DOCS };
      refused(await broker.post('/api/customs/guarantees', { ...base, scope: 'general' }), 422, 'GUARANTEE_SCOPE_INVALID');
      refused(await broker.post('/api/customs/guarantees', { ...base, scope: 'declaration', purposes: ['release'] }), 422, 'GUARANTEE_SCOPE_INVALID');
      refused(
        await broker.post('/api/customs/guarantees', { ...base, scope: 'declaration', securedReference: 'D-1', purposes: ['customs_broker'] }),
        422,
        'GUARANTEE_PURPOSE_NOT_COVERED',
      );
      refused(await broker.post('/api/customs/guarantees', { ...base, scope: 'declaration', securedReference: 'D-1' }), 422, 'GUARANTEE_PURPOSE_NOT_COVERED');
      refused(
        await broker.post('/api/customs/guarantees', {
          ...base,
          scope: 'declaration',
          securedReference: 'D-1',
          purposes: ['release'],
          amountDirams: '100',
          validTo: '2026-03-01',
        }),
        422,
        'GUARANTEE_DATES_INVALID',
      );
      refused(await officer.post('/api/customs/guarantees', { ...base, scope: 'general', activity: 'aeo' }), 403, 'FORBIDDEN');
      refused(await t.anon.get('/api/customs/guarantees'), 401, 'UNAUTHENTICATED');
      refused(await broker.post('/api/customs/guarantees', { ...base, scope: 'general', activity: 'aeo' }), 422, 'GUARANTEE_BELOW_MINIMUM');
      refused(await broker.get('/api/customs/guarantees/minimum?activity=customs_broker&date=2023-06-01'), 422, 'GUARANTEE_INDICATOR_MISSING');
      refused(await broker.get('/api/customs/guarantees/minimum?activity=customs_broker&date=2024-06-01'), 422, 'GUARANTEE_PARAMETER_MISSING');
      refused(await officer.get('/api/customs/guarantees/GUA-2026-999999'), 404, 'GUARANTEE_NOT_FOUND');
      refused(await accept('GUA-2026-999999'), 404, 'GUARANTEE_NOT_FOUND');
      // Refused: never in force.
      const aeo = await broker.post('/api/customs/guarantees', { ...base, scope: 'general', activity: 'aeo', amountIndicators: '500', validTo: '2026-03-05' });
      assert.equal(aeo.status, 201, aeo.text);
      const refusal = await officer.post(`/api/customs/guarantees/${aeo.body.reference}/decision`, {
        decision: 'refuse',
        form: 'electronic',
        reason: 'Instrument not confirmed by the bank',
      });
      assert.equal(refusal.body.status, 'refused');
      refused(
        await officer.post(`/api/customs/guarantees/${aeo.body.reference}/uses`, { useReference: 'X-1', amountDirams: '1' }),
        409,
        'GUARANTEE_NOT_IN_FORCE',
      );
      // Accepting after the validity has ended is refused; an accepted one stops securing after it.
      const late = await broker.post('/api/customs/guarantees', { ...base, scope: 'general', activity: 'aeo', amountIndicators: '500', validTo: '2026-03-05' });
      const shortLived = await broker.post('/api/customs/guarantees', {
        ...base,
        scope: 'general',
        activity: 'aeo',
        amountIndicators: '500',
        validTo: '2026-03-05',
      });
      await accept(shortLived.body.reference);
      t.clock.set('2026-03-06T05:00:00Z');
      try {
        const again = await t.as('customs_officer');
        refused(
          await again.post(`/api/customs/guarantees/${late.body.reference}/decision`, { decision: 'accept', form: 'electronic' }),
          422,
          'GUARANTEE_DATES_INVALID',
        );
        refused(
          await again.post(`/api/customs/guarantees/${shortLived.body.reference}/uses`, { useReference: 'X-2', amountDirams: '1' }),
          409,
          'GUARANTEE_NOT_IN_FORCE',
        );
        assert.equal(await cover(BROKER, 'aeo'), 0n);
      } finally {
        t.clock.set('2026-03-02T05:00:00Z');
      }
    });
  });
}
