import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { DeclarationData } from './declaration.ts';
import { coveringException, type ExitException, type ExitFacts, exitFilingReasons, exitMatches } from './exit.ts';

const data = {
  direction: 'export',
  declarantCode: '010000101',
  consignor: { name: 'Exporter', country: 'TJ', address: 'Dushanbe', tin: '010000101' },
  transport: { mode: 'road', vehicles: ['01 TJ 1234 AA'], nationality: 'TJ' },
  items: [{ number: 1, commodityCode: '5201000000' }],
  documents: [{ typeCode: 'CMR', number: 'CMR-7001', date: '2026-03-01', issuer: 'Carrier' }],
} as unknown as DeclarationData;

const exit = (over: Partial<ExitFacts> = {}): ExitFacts => ({
  exitedAt: new Date('2026-03-02T03:00:00Z'),
  vehicles: ['01TJ1234AA'],
  declarationNumber: null,
  transportDocument: null,
  exporterCode: null,
  commodityCodes: [],
  ...over,
});

/** The seeded cases of migrations/0027 (art.138 p.2, art.137 p.4, art.150). */
const CASES: ExitException[] = [
  { code: 'periodic_export', form: 'periodic', transportMode: null, needsUndertaking: false, legalBasis: 'art.138 p.2' },
  { code: 'pipeline', form: null, transportMode: 'pipeline', needsUndertaking: false, legalBasis: 'art.137 p.4' },
  { code: 'power_line', form: null, transportMode: 'power_line', needsUndertaking: false, legalBasis: 'art.137 p.4' },
  { code: 'release_before_declaration', form: null, transportMode: null, needsUndertaking: true, legalBasis: 'art.150' },
];
const at = new Date('2026-03-02T05:00:00Z');

describe('exit data: pure rules', () => {
  test('CUS-DEC-29: an exit is of the declared goods by transport document (spaces and case ignored), or by exporter, vehicle and code', () => {
    assert.equal(exitMatches(exit({ transportDocument: { typeCode: 'cmr', number: 'cmr - 7001' } }), data), true);
    assert.equal(exitMatches(exit({ transportDocument: { typeCode: 'CMR', number: 'CMR-7002' } }), data), false);
    assert.equal(exitMatches(exit({ transportDocument: { typeCode: 'AWB', number: 'CMR-7001' } }), data), false);
    assert.equal(exitMatches(exit({ exporterCode: '010000101', commodityCodes: ['5201'] }), data), true);
    assert.equal(exitMatches(exit({ exporterCode: '010000101', commodityCodes: ['5202'] }), data), false, 'other goods');
    assert.equal(exitMatches(exit({ exporterCode: '020000202', commodityCodes: ['5201'] }), data), false, 'other exporter');
    assert.equal(exitMatches(exit({ exporterCode: '010000101', commodityCodes: ['5201'], vehicles: ['02 TJ 9999 BB'] }), data), false, 'other vehicle');
    assert.equal(exitMatches(exit({ declarationNumber: 'KHUJAND/010326/0000009' }), data, 'KHUJAND/010326/0000009'), true);
  });

  test('CUS-DEC-29: a filing after a recorded exit is refused on ground 6 unless a case of the Code covers it', () => {
    const gone = [exit({ transportDocument: { typeCode: 'CMR', number: 'CMR-7001' } })];
    assert.deepEqual(exitFilingReasons(data, 'standard', at, gone, CASES, false), [{ ground: 6, code: 'goods_already_exited', field: 'documents' }]);
    assert.deepEqual(exitFilingReasons(data, 'incomplete', at, gone, CASES, false).length, 1, 'an incomplete declaration is filed before the exit: no case');
    assert.deepEqual(exitFilingReasons(data, 'periodic', at, gone, CASES, false), [], 'art.138 p.2');
    assert.deepEqual(exitFilingReasons(data, 'standard', at, gone, CASES, true), [], 'art.150: released on an undertaking');
    for (const mode of ['pipeline', 'power_line'] as const) {
      const piped = { ...data, transport: { ...data.transport, mode } };
      assert.deepEqual(exitFilingReasons(piped, 'standard', at, gone, CASES, false), [], `art.137 p.4: ${mode}`);
    }
    // The exceptions are data: without the rows, nothing is excused.
    assert.equal(exitFilingReasons(data, 'periodic', at, gone, [], true).length, 1);
    // An exit recorded after the filing instant, another declaration's goods, or an import: no reason.
    assert.deepEqual(exitFilingReasons(data, 'standard', new Date('2026-03-02T02:00:00Z'), gone, CASES, false), []);
    assert.deepEqual(exitFilingReasons(data, 'standard', at, [exit({ transportDocument: { typeCode: 'CMR', number: 'X' } })], CASES, false), []);
    assert.deepEqual(exitFilingReasons({ ...data, direction: 'import' }, 'standard', at, gone, CASES, false), []);
    const byGoods = [exit({ exporterCode: '010000101', commodityCodes: ['52'] })];
    assert.deepEqual(exitFilingReasons(data, 'standard', at, byGoods, CASES, false), [
      { ground: 6, code: 'goods_already_exited', field: 'transport.vehicles' },
    ]);
  });

  test('CUS-DEC-29: a row that names no condition never excuses a filing', () => {
    const blank: ExitException = { code: 'blank', form: null, transportMode: null, needsUndertaking: false, legalBasis: '-' };
    assert.equal(coveringException([blank], data, 'standard', false), undefined);
  });
});
