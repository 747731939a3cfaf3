import assert from 'node:assert/strict';
import { test } from 'node:test';
import { localDate, toLocalIso } from './dushanbe-time.ts';

test('FIS-VTR-09, FIS-IMP-03: dates and times of the register are in UTC+05:00, without daylight saving', () => {
  const cases: [number | string, string][] = [
    ['2026-03-02T18:59:59Z', '2026-03-02'],
    ['2026-03-02T19:00:00Z', '2026-03-03'],
    ['2026-07-01T00:00:00+05:00', '2026-07-01'],
    [Date.parse('2026-12-31T23:30:00+05:00'), '2026-12-31'],
  ];
  for (const [at, date] of cases) assert.equal(localDate(at), date, String(at));
  assert.equal(toLocalIso(Date.parse('2026-03-02T04:10:00Z')), '2026-03-02T09:10:00+05:00');
  assert.equal(toLocalIso(Date.parse('2026-07-15T20:00:00.900Z')), '2026-07-16T01:00:00+05:00');
  assert.throws(() => localDate('yesterday'), RangeError);
});
