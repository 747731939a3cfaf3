import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Client, startTestApp, type TestApp } from '../../../../test/app.ts';
import { testTargets } from '../../../../test/db.ts';

const CAR = '8703231940';
const car = (over: Record<string, unknown> = {}) => ({
  code: CAR,
  descriptionTg: 'Мошинҳои сабукрав, дигар',
  descriptionRu: 'Автомобили легковые, прочие',
  descriptionEn: 'Passenger cars, other',
  unit: 'pcs',
  dutyAdValoremBp: 2000,
  vatBp: 1400,
  validFrom: '2026-03-10',
  ...over,
});

for (const target of testTargets()) {
  describe(`customs reference data [${target}]`, () => {
    let t: TestApp;
    let officer: Client;
    let declarant: Client;
    let analyst: Client;

    // Monday 2 March 2026, 10:00 in Dushanbe: "today" for every change below.
    before(async () => {
      t = await startTestApp(target, '2026-03-02T05:00:00Z');
      officer = await t.as('customs_officer');
      declarant = await t.as('declarant', { tin: '010000101' });
      analyst = await t.as('risk_analyst');
    });
    after(() => t.close());

    const refused = (r: { status: number; body: { code?: string }; headers: Record<string, unknown> }, status: number, code: string) => {
      assert.equal(r.status, status, JSON.stringify(r.body));
      assert.equal(r.body.code, code);
      assert.match(String(r.headers['content-type']), /application\/problem\+json/);
    };

    test('CUS-DEC-14 F-06: the public reads the offices with their powers and calendars, and the nomenclature by chapter', async () => {
      const offices = await t.anon.get('/api/public/customs/offices');
      assert.equal(offices.status, 200, offices.text);
      assert.deepEqual(offices.body.map((o: { code: string }) => o.code).sort(), ['DUSHANBE', 'DUSTI', 'FOTEHOBOD', 'KARAMYK', 'KHUJAND', 'PANJI-POYON']);
      const panj = await t.anon.get('/api/public/customs/offices/PANJI-POYON');
      assert.equal(panj.body.kind, 'border');
      assert.equal(panj.body.calendarOffice, 'round-the-clock');
      assert.deepEqual(panj.body.regimes, ['transit', 'export']);
      const dushanbe = await t.anon.get('/api/public/customs/offices/DUSHANBE');
      assert.ok(dushanbe.body.goodsAssignments.includes('cultural_valuables'));
      const chapter87 = await t.anon.get('/api/public/customs/commodity-codes?prefix=87');
      assert.deepEqual(
        chapter87.body.map((c: { code: string }) => c.code),
        [CAR],
      );
      const search = await t.anon.get(`/api/public/customs/commodity-codes?q=${encodeURIComponent('сигарет')}`);
      assert.deepEqual(
        search.body.map((c: { code: string }) => c.code),
        ['2402200000'],
      );
      refused(await t.anon.get('/api/public/customs/offices/NOWHERE'), 404, 'REFERENCE_NOT_FOUND');
      refused(await t.anon.get('/api/public/customs/offices/DUSHANBE?date=2026-02-30'), 400, 'REFERENCE_DATE_INVALID');
      refused(await t.anon.get('/api/public/customs/offices/DUSHANBE?date=2024-12-31'), 404, 'REFERENCE_NOT_FOUND');
      // The rest needs a session; persons are never public.
      refused(await t.anon.get(`/api/customs/tariff/${CAR}`), 401, 'UNAUTHENTICATED');
      refused(await t.anon.get('/api/customs/persons'), 401, 'UNAUTHENTICATED');
    });

    test('IMP-07 CUS-DEC-72: a new duty rate closes the old one the day before; the tariff on a day gives the rates then in force', async () => {
      refused(await declarant.post('/api/customs/commodity-codes', car()), 403, 'FORBIDDEN');
      const r = await officer.post('/api/customs/commodity-codes', car());
      assert.equal(r.status, 201, r.text);
      assert.deepEqual(
        r.body.map((v: { validFrom: string; validTo: string | null; dutyAdValoremBp: number }) => [v.validFrom, v.validTo, v.dutyAdValoremBp]),
        [
          ['2025-01-01', '2026-03-09', 1500],
          ['2026-03-10', null, 2000],
        ],
      );
      const before = await declarant.get(`/api/customs/tariff/${CAR}?date=2026-03-09`);
      assert.equal(before.status, 200, before.text);
      assert.deepEqual(before.body.duty, { adValoremBp: 1500, specificDirams: null, unit: 'pcs' });
      assert.equal(before.body.vatBp, 1400);
      assert.equal(before.body.excise, null);
      assert.deepEqual(before.body.hierarchy, { chapter: '87', heading: '8703', subheading: '870323', national: CAR });
      const afterChange = await analyst.get(`/api/customs/tariff/${CAR}?date=2026-03-10`);
      assert.equal(afterChange.body.duty.adValoremBp, 2000);
      // Default: today in Dushanbe.
      assert.equal((await declarant.get(`/api/customs/tariff/${CAR}`)).body.date, '2026-03-02');
      const cigarettes = await declarant.get('/api/customs/tariff/2402200000');
      assert.deepEqual(cigarettes.body.excise, { adValoremBp: null, specificDirams: 2500, unit: '1000 pcs' });
    });

    test('IMP-07 CUS-DEC-72: refusals of a change: past-dated, overlapping, reversed, malformed code, no duty rate, blank text', async () => {
      refused(await officer.post('/api/customs/commodity-codes', car({ validFrom: '2026-03-01' })), 409, 'REFERENCE_PAST_DATED');
      refused(await officer.post('/api/customs/commodity-codes', car({ validFrom: '2026-03-10' })), 409, 'REFERENCE_OVERLAP');
      // Before the scheduled version: it would be silently cut.
      refused(await officer.post('/api/customs/commodity-codes', car({ validFrom: '2026-03-05' })), 409, 'REFERENCE_OVERLAP');
      refused(await officer.post('/api/customs/commodity-codes', car({ validFrom: '2026-04-02', validTo: '2026-04-01' })), 422, 'REFERENCE_DATES_INVALID');
      const bad = await officer.post('/api/customs/commodity-codes', car({ code: '7701000000' }));
      refused(bad, 422, 'COMMODITY_CODE_INVALID');
      assert.equal(bad.body.field, 'body.code');
      refused(await officer.post('/api/customs/commodity-codes', car({ dutyAdValoremBp: undefined })), 422, 'TARIFF_RATE_REQUIRED');
      refused(await officer.post('/api/customs/commodity-codes', car({ descriptionEn: '   ' })), 422, 'REFERENCE_VALUE_INVALID');
      refused(await officer.post('/api/customs/commodity-codes', car({ vatBp: 1.5 })), 400, 'VALIDATION_FAILED');
      refused(await declarant.get('/api/customs/tariff/87032319'), 422, 'COMMODITY_CODE_INVALID');
      refused(await declarant.get('/api/customs/tariff/1001990001'), 404, 'REFERENCE_NOT_FOUND');
      const ru = await declarant.get('/api/customs/tariff/1001990001', { 'accept-language': 'ru' });
      assert.equal(ru.body.title, 'На эту дату такой записи нет');
    });

    test('IMP-07: exchange rates per day in somoni, exact; a rate needs a listed ISO 4217 currency', async () => {
      const friday = await analyst.get('/api/customs/exchange-rates/USD?date=2026-02-28');
      assert.equal(friday.status, 200, friday.text);
      assert.equal(friday.body.somoniPerUnit, '10.9321');
      assert.equal((await analyst.get('/api/customs/exchange-rates/USD')).body.somoniPerUnit, '10.95');
      const next = await officer.post('/api/customs/exchange-rates', { currency: 'USD', somoniPerUnit: '10.9612', source: 'NBT', validFrom: '2026-03-03' });
      assert.equal(next.status, 201, next.text);
      assert.equal(next.body.at(-2).validTo, '2026-03-02');
      assert.equal((await declarant.get('/api/customs/exchange-rates/USD?date=2026-03-03')).body.somoniPerUnit, '10.9612');
      refused(
        await officer.post('/api/customs/exchange-rates', { currency: 'XYZ', somoniPerUnit: '1.5', source: 'NBT', validFrom: '2026-03-03' }),
        422,
        'CURRENCY_UNKNOWN',
      );
      refused(
        await officer.post('/api/customs/exchange-rates', { currency: 'usd', somoniPerUnit: '1.5', source: 'NBT', validFrom: '2026-03-03' }),
        422,
        'CURRENCY_CODE_INVALID',
      );
      refused(await declarant.get('/api/customs/exchange-rates/GBP'), 404, 'REFERENCE_NOT_FOUND');
      const history = await declarant.get('/api/customs/exchange-rates/USD/history');
      assert.deepEqual(
        history.body.map((v: { validFrom: string }) => v.validFrom),
        ['2026-02-27', '2026-03-01', '2026-03-03'],
      );
      refused(
        await officer.post('/api/customs/countries', { code: 'ZZ', nameTg: 'a', nameRu: 'b', nameEn: 'c', validFrom: '2026-03-02' }),
        422,
        'COUNTRY_CODE_INVALID',
      );
      const turkmenistan = await officer.post('/api/customs/countries', {
        code: 'TM',
        nameTg: 'Туркманистон',
        nameRu: 'Туркменистан',
        nameEn: 'Turkmenistan',
        validFrom: '2026-03-02',
      });
      assert.equal(turkmenistan.status, 201, turkmenistan.text);
    });

    test('IMP-07 AMB-17: the calculation indicator has a value per period; a new value closes the old one', async () => {
      assert.equal((await analyst.get('/api/customs/calculation-indicator?date=2024-06-01')).body.valueDirams, 7200);
      assert.equal((await analyst.get('/api/customs/calculation-indicator')).body.valueDirams, 7500);
      refused(await analyst.get('/api/customs/calculation-indicator?date=2020-01-01'), 404, 'REFERENCE_NOT_FOUND');
      const r = await officer.post('/api/customs/calculation-indicator', {
        valueDirams: 8000,
        legalBasis: 'Law on the State Budget for 2027',
        validFrom: '2027-01-01',
      });
      assert.equal(r.status, 201, r.text);
      assert.equal(r.body.at(-2).validTo, '2026-12-31');
      assert.equal((await analyst.get('/api/customs/calculation-indicator?date=2027-01-01')).body.valueDirams, 8000);
    });

    test('CUS-DEC-15 CUS-DEC-16: art.126: domestic persons by TIN, foreign persons only on a ground of p.2', async () => {
      const person = (over: Record<string, unknown>) => ({ name: 'Representative office', roles: ['declarant'], validFrom: '2026-03-02', ...over });
      const ok = await officer.post(
        '/api/customs/persons',
        person({ code: 'CN-91110000', residence: 'foreign', country: 'CN', foreignGround: 'representative_office' }),
      );
      assert.equal(ok.status, 201, ok.text);
      refused(await officer.post('/api/customs/persons', person({ code: 'CN-91110001', residence: 'foreign', country: 'CN' })), 422, 'FOREIGN_GROUND_INVALID');
      refused(await officer.post('/api/customs/persons', person({ code: 'CN-91110002', residence: 'domestic', country: 'TJ' })), 422, 'PERSON_CODE_INVALID');
      const carrier = await declarant.get('/api/customs/persons/KZ-990140000123');
      assert.equal(carrier.body.foreignGround, 'carrier_transit');
      assert.deepEqual(carrier.body.roles, ['carrier', 'declarant']);
      const brokers = await analyst.get('/api/customs/persons?q=010000101');
      assert.deepEqual(
        brokers.body.map((p: { residence: string }) => p.residence),
        ['domestic'],
      );
    });

    test('F-06 CUS-DEC-14: an office names an existing working-time calendar and lists its powers', async () => {
      const office = {
        code: 'AIRPORT-DYU',
        nameTg: 'Посгоҳи гумрукии Фурудгоҳи Душанбе',
        nameRu: 'Таможенный пост Аэропорт Душанбе',
        nameEn: 'Dushanbe Airport customs post',
        region: 'dushanbe',
        kind: 'border',
        calendarOffice: 'round-the-clock',
        declarationKinds: ['goods', 'transit'],
        regimes: ['release_for_free_circulation', 'transit'],
        transportModes: ['air'],
        goodsAssignments: [],
        validFrom: '2026-03-02',
      };
      refused(await officer.post('/api/customs/offices', { ...office, calendarOffice: 'nowhere' }), 422, 'CALENDAR_OFFICE_UNKNOWN');
      const r = await officer.post('/api/customs/offices', office);
      assert.equal(r.status, 201, r.text);
      assert.equal((await t.anon.get('/api/public/customs/offices/AIRPORT-DYU')).body.transportModes[0], 'air');
    });

    test('IMP-07: a CSV import with one bad line is refused as a whole, every bad field reported by line; a good file goes in', async () => {
      const header = 'code,valid_from,description_tg,description_ru,description_en,unit,duty_ad_valorem_bp,vat_bp';
      const bad = [
        header,
        '0402101100,2026-03-02,Шир,Молоко,Milk,kg,500,1400',
        '7701000000,2026-03-02,Х,Х,X,kg,500,200000',
        '0402101900,2026-03-02,Шир,Молоко,Milk,kg,,1400',
      ].join('\r\n');
      const r = await officer.post('/api/customs/commodity-codes/import', { csv: bad });
      refused(r, 422, 'REFERENCE_IMPORT_INVALID');
      assert.deepEqual(r.body.details.problems, [
        { line: 3, field: 'code', code: 'COMMODITY_CODE_INVALID' },
        { line: 3, field: 'vatBp', code: 'REFERENCE_VALUE_INVALID' },
        { line: 4, field: 'dutyAdValoremBp', code: 'TARIFF_RATE_REQUIRED' },
      ]);
      refused(await declarant.get('/api/customs/tariff/0402101100'), 404, 'REFERENCE_NOT_FOUND');

      // A history check fails inside the transaction: the good line written before it is rolled back too.
      const late = [header, '0402101100,2026-03-02,Шир,Молоко,Milk,kg,500,1400', '1001990000,2026-02-01,Гандум,Пшеница,Wheat,kg,0,1400'].join('\n');
      const rolled = await officer.post('/api/customs/commodity-codes/import', { csv: late });
      refused(rolled, 422, 'REFERENCE_IMPORT_INVALID');
      assert.deepEqual(rolled.body.details.problems, [{ line: 3, field: 'validFrom', code: 'REFERENCE_PAST_DATED' }]);
      refused(await declarant.get('/api/customs/tariff/0402101100'), 404, 'REFERENCE_NOT_FOUND');

      const good = [header, '0402101100,2026-03-02,Шир,Молоко,Milk,kg,500,1400', '0402101100,2026-07-01,Шир,Молоко,Milk,kg,1000,1400'].join('\n');
      const done = await officer.post('/api/customs/commodity-codes/import', { csv: good });
      assert.equal(done.status, 200, done.text);
      assert.deepEqual(done.body, { imported: 2 });
      assert.equal((await declarant.get('/api/customs/tariff/0402101100?date=2026-06-30')).body.duty.adValoremBp, 500);
      assert.equal((await declarant.get('/api/customs/tariff/0402101100?date=2026-07-01')).body.duty.adValoremBp, 1000);

      const offices = await officer.post('/api/customs/offices/import', {
        csv: 'code,valid_from,name_tg,name_ru,name_en,region,kind,calendar_office,declaration_kinds,regimes,transport_modes,colour\r\nISF,2026-03-02,a,b,c,sughd,inland,nowhere,goods;bogus,export,road,red\r\n',
      });
      refused(offices, 422, 'REFERENCE_IMPORT_INVALID');
      assert.deepEqual(
        offices.body.details.problems.map((p: { field: string; code: string }) => `${p.field}:${p.code}`),
        ['colour:REFERENCE_VALUE_INVALID', 'declarationKinds:REFERENCE_VALUE_INVALID'],
      );
      refused(await officer.post('/api/customs/offices/import', { csv: 'code\n"open' }), 422, 'REFERENCE_IMPORT_INVALID');
      refused(await declarant.post('/api/customs/offices/import', { csv: good }), 403, 'FORBIDDEN');
    });
  });
}
