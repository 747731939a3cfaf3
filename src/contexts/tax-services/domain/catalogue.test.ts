import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LANGUAGES, type Localised } from '../../../platform/i18n.ts';
import { CATALOGUE_396, CATALOGUE_396_META, catalogueLine, SERVICE_GROUPS } from './catalogue.ts';
import type { DeadlineRule, ServiceLine } from './types.ts';

const keysWhere = (pick: (l: ServiceLine) => boolean): string[] => CATALOGUE_396.filter(pick).map((l) => l.key);
const kindOf = (rule: DeadlineRule): string =>
  rule.kind === 'real_time_capped' ? `real_time_capped_${rule.cap.unit}` : rule.kind === 'minutes' ? 'minutes' : rule.kind;

/** The Tajik letters the Cyrillic alphabet lacks; the seed's legacy font has ќ љ њ ї ў ѓ in their place. */
const TAJIK_LETTERS = /[ӣӯҳқҷғӢӮҲҚҶҒ]/;
const LEGACY_FONT = /[ќљњїўѓЌЉЊЇЎЃ]/;
const CYRILLIC = /[\u0400-\u04FF]/;

/** Every Localised value of a line, with a path for messages. */
function texts(l: ServiceLine): [path: string, text: Localised][] {
  return [
    ['name', l.name],
    ['deadlineText', l.deadlineText],
    ['result', l.result.text],
    ['legalBasis', l.legalBasis.value],
    ['responsibleUnit', l.responsibleUnit.value],
    ...(l.cost.value.note ? [['cost.note', l.cost.value.note] as [string, Localised]] : []),
  ];
}

describe('TS-24 TS-25: the catalogue of order 396 (spec section 2.1)', () => {
  test('TS-04: order 396 of 17 June 2025 replaces order 250 of 22 April 2024', () => {
    assert.deepEqual(CATALOGUE_396_META, { order: '396', date: '2025-06-17', replaces: { order: '250', date: '2024-04-22' } });
  });

  test('TS-01 TS-06 TS-08 TS-25: the Standard as approved: 59 deadline lines, 52 distinct codes, unique keys, each with every attribute of A1 p.4-6', () => {
    assert.equal(CATALOGUE_396.length, 59);
    for (const l of CATALOGUE_396) {
      for (const text of [l.name, l.deadlineText, l.result.text, l.legalBasis.value, l.responsibleUnit.value]) assert.ok(text.tg && text.ru && text.en, l.key);
      assert.ok(['free', 'paid', 'not_stated'].includes(l.cost.value.kind), l.key);
      assert.ok(l.deadline.kind, l.key);
    }
    assert.equal(new Set(CATALOGUE_396.map((l) => l.code)).size, 52);
    assert.equal(new Set(CATALOGUE_396.map((l) => l.key)).size, 59);
    for (const l of CATALOGUE_396) assert.equal(l.key, `${l.code}${l.variant ?? ''}`);
  });

  test('TS-25: the sub-variants are 05.05.01 a-c, 09.09.01 a-e and 11.11.03 a-b', () => {
    assert.deepEqual(
      keysWhere((l) => l.variant !== null),
      ['05.05.01a', '05.05.01b', '05.05.01c', '09.09.01a', '09.09.01b', '09.09.01c', '09.09.01d', '09.09.01e', '11.11.03a', '11.11.03b'],
    );
  });

  test('TS-09: 12 groups in Annex 1 order; every line belongs to one', () => {
    assert.deepEqual(
      SERVICE_GROUPS.map((g) => g.code),
      ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((n) => `${n}.00.00`),
    );
    for (const l of CATALOGUE_396) {
      assert.ok(SERVICE_GROUPS.some((g) => g.code === l.group));
      assert.equal(l.group.slice(0, 2), l.code.slice(0, 2));
      assert.equal(l.code.slice(3, 5), l.code.slice(0, 2), `${l.code}: the second pair repeats the group`);
    }
  });

  test('TS-09: codes and deadline lines per group (spec 2.1)', () => {
    const expected: Record<string, [codes: number, lines: number]> = {
      '01.00.00': [5, 5],
      '02.00.00': [8, 8],
      '03.00.00': [6, 6],
      '04.00.00': [4, 4],
      '05.00.00': [6, 8],
      '06.00.00': [6, 6],
      '07.00.00': [4, 4],
      '08.00.00': [1, 1],
      '09.00.00': [2, 6],
      '10.00.00': [3, 3],
      '11.00.00': [5, 6],
      '12.00.00': [2, 2],
    };
    for (const g of SERVICE_GROUPS) {
      const lines = CATALOGUE_396.filter((l) => l.group === g.code);
      assert.deepEqual([new Set(lines.map((l) => l.code)).size, lines.length], expected[g.code], g.code);
    }
  });

  test('TS-27: lines per deadline type (spec 2.1)', () => {
    const count = new Map<string, number>();
    for (const l of CATALOGUE_396) count.set(kindOf(l.deadline), (count.get(kindOf(l.deadline)) ?? 0) + 1);
    assert.deepEqual(Object.fromEntries([...count].sort()), {
      calendar_days: 10,
      date_window: 1,
      fixed_date: 3,
      hours: 9,
      minutes: 3,
      not_stated: 1,
      plan: 1,
      real_time: 7,
      real_time_capped_hours: 4,
      real_time_capped_working_days: 3,
      working_days: 17,
    });
  });

  test('TS-27 (a)-(b): the real-time lines, pure and capped', () => {
    assert.deepEqual(
      keysWhere((l) => l.deadline.kind === 'real_time'),
      ['02.02.01', '04.04.01', '05.05.01a', '05.05.03', '05.05.06', '10.10.02', '11.11.03b'],
    );
    assert.deepEqual(
      keysWhere((l) => l.deadline.kind === 'real_time_capped' && l.deadline.cap.unit === 'hours' && l.deadline.cap.amount === 24),
      ['01.01.01', '01.01.02', '02.02.02', '04.04.02'],
    );
    assert.deepEqual(
      keysWhere((l) => l.deadline.kind === 'real_time_capped' && l.deadline.cap.unit === 'working_days' && l.deadline.cap.amount === 1),
      ['05.05.05', '06.06.01', '06.06.02'],
    );
  });

  test('TS-27 (c) A-3: the nine "up to 24 hours" lines', () => {
    assert.deepEqual(
      keysWhere((l) => l.deadline.kind === 'hours' && l.deadline.hours === 24),
      ['01.01.03', '01.01.04', '01.01.05', '02.02.03', '02.02.04', '02.02.05', '02.02.06', '02.02.07', '04.04.04'],
    );
  });

  test('TS-27 (d): the working-day lines of spec 2.1', () => {
    const byDays = (n: number) => keysWhere((l) => l.deadline.kind === 'working_days' && l.deadline.days === n);
    assert.deepEqual(byDays(1), ['06.06.04', '12.12.01']);
    assert.deepEqual(byDays(2), ['03.03.03']);
    assert.deepEqual(byDays(3), ['08.08.01', '09.09.01a', '12.12.02']);
    assert.deepEqual(byDays(5), ['03.03.04', '06.06.06', '11.11.05']);
    assert.deepEqual(byDays(10), ['03.03.01', '03.03.02', '06.06.03', '09.09.01b', '09.09.01c', '09.09.01d', '09.09.01e', '11.11.04']);
  });

  test('TS-27 (e): the calendar-day lines of spec 2.1', () => {
    const byDays = (n: number) => keysWhere((l) => l.deadline.kind === 'calendar_days' && l.deadline.days === n);
    assert.deepEqual(byDays(10), ['03.03.05', '03.03.06', '06.06.05', '09.09.02']);
    assert.deepEqual(byDays(30), ['07.07.01', '07.07.02', '07.07.03', '07.07.04', '11.11.01', '11.11.02']);
  });

  test('TS-27 (f)-(j): minutes, fixed dates, the window, the plan, the long stage and the missing deadline', () => {
    assert.deepEqual(catalogueLine('05.05.01b')?.deadline, { kind: 'minutes', minutes: 15, onlyWithoutQueue: false });
    assert.deepEqual(catalogueLine('05.05.01c')?.deadline, { kind: 'minutes', minutes: 15, onlyWithoutQueue: true });
    assert.deepEqual(catalogueLine('11.11.03a')?.deadline, { kind: 'minutes', minutes: 10, onlyWithoutQueue: true });
    assert.deepEqual(catalogueLine('04.04.03')?.deadline, { kind: 'fixed_date', date: 'february_1' });
    assert.deepEqual(catalogueLine('05.05.02')?.deadline, { kind: 'fixed_date', date: 'april_1_after_year' });
    assert.deepEqual(catalogueLine('10.10.03')?.deadline, { kind: 'fixed_date', date: 'tenth_of_next_month' });
    assert.deepEqual(catalogueLine('05.05.04')?.deadline, { kind: 'date_window', fromDay: 16, toDay: 30 });
    assert.deepEqual(catalogueLine('10.10.01')?.deadline, { kind: 'plan' });
    assert.deepEqual(catalogueLine('02.02.04')?.deadline, { kind: 'hours', hours: 24, stageMonths: 2 });
    assert.deepEqual(catalogueLine('02.02.08')?.deadline, { kind: 'not_stated' });
  });

  test('A-8: the start events that the source does not state are marked assumed', () => {
    assert.deepEqual(
      keysWhere((l) => l.startEventAssumed),
      ['02.02.06', '03.03.03', '05.05.01b', '07.07.01', '07.07.02', '07.07.03', '09.09.01a', '09.09.01b', '09.09.01c', '09.09.01d', '11.11.02'],
    );
    assert.equal(catalogueLine('12.12.02')?.startEvent, 'contract_and_payment');
    assert.equal(catalogueLine('03.03.01')?.startEvent, 'application_and_documents');
  });

  test('TS-26: catalogueLine finds a line by its key (code and sub-variant) and nothing else', () => {
    assert.equal(catalogueLine('06.06.04')?.code, '06.06.04');
    assert.equal(catalogueLine('09.09.01e')?.variant, 'e');
    assert.equal(catalogueLine('09.09.01'), undefined);
    assert.equal(catalogueLine('99.99.99'), undefined);
  });
});

describe('TS-24: texts in Tajik, Russian and English', () => {
  test('TS-24: every text is non-empty in all three languages', () => {
    for (const g of SERVICE_GROUPS) for (const lang of LANGUAGES) assert.ok(g.name[lang].trim(), `${g.code} ${lang}`);
    for (const l of CATALOGUE_396) {
      for (const [path, text] of texts(l)) for (const lang of LANGUAGES) assert.ok(text[lang].trim(), `${l.key} ${path} ${lang}`);
    }
  });

  test('TS-24: Tajik is decoded: no legacy-font letters, and Tajik letters wherever the seed has them', () => {
    for (const l of CATALOGUE_396) for (const [path, text] of texts(l)) assert.doesNotMatch(text.tg, LEGACY_FONT, `${l.key} ${path}`);
    // The seed's names all carry a Tajik letter except "Иттилоот дар бораи интихоби контрагент" and "Онлайн мушовир (сомонаи КА)".
    assert.deepEqual(
      keysWhere((l) => !TAJIK_LETTERS.test(l.name.tg)),
      ['05.05.06', '10.10.02'],
    );
    for (const g of SERVICE_GROUPS) assert.match(g.name.tg, TAJIK_LETTERS, g.code);
    assert.match(catalogueLine('06.06.01')?.deadlineText.tg ?? '', /^Дар реҷаи вақти воқеӣ, на дертар 1 рузи корӣ аз лаҳзаи муроҷиат$/);
    assert.equal(catalogueLine('04.04.03')?.deadlineText.tg, 'На дертар аз санаи 1 феврали соли ҷорӣ');
  });

  test('TS-24: Russian has no Tajik letters and English no Cyrillic', () => {
    for (const l of CATALOGUE_396) {
      for (const [path, text] of texts(l)) {
        assert.doesNotMatch(text.ru, TAJIK_LETTERS, `${l.key} ${path}`);
        assert.match(text.ru, CYRILLIC, `${l.key} ${path}`);
        assert.doesNotMatch(text.en, CYRILLIC, `${l.key} ${path}`);
      }
    }
  });

  test('A-17 11.11.05: the e-mail address is written in ASCII', () => {
    const name = catalogueLine('11.11.05')?.name;
    for (const lang of LANGUAGES) assert.ok(name?.[lang].includes('info@andoz.tj'), lang);
  });
});

describe('A-16: cost', () => {
  test('A-16: 29 lines print "Free", 27 are free by inference, 2 are paid and 1 is not stated', () => {
    assert.equal(CATALOGUE_396.filter((l) => l.cost.value.kind === 'free' && !l.cost.inferred).length, 29);
    assert.equal(CATALOGUE_396.filter((l) => l.cost.value.kind === 'free' && l.cost.inferred).length, 27);
    assert.deepEqual(
      keysWhere((l) => l.cost.value.kind === 'paid'),
      ['03.03.04', '12.12.02'],
    );
    assert.deepEqual(
      keysWhere((l) => l.cost.value.kind === 'not_stated'),
      ['05.05.05'],
    );
  });

  test('A-16 03.03.04: excise stamps at the price set by Government decree', () => {
    const cost = catalogueLine('03.03.04')?.cost;
    assert.equal(cost?.inferred, false);
    assert.match(cost?.value.note?.tg ?? '', /ҚҲҶТ/);
    assert.match(cost?.value.note?.en ?? '', /Government decree/);
  });

  test('A-16 TS-50 12.12.02: the EDS certificate is paid per price list, free for dehkan farms', () => {
    const note = catalogueLine('12.12.02')?.cost.value.note;
    assert.match(note?.tg ?? '', /нархномаи тасдиқшуда \(хоҷагиҳои деҳқонӣ – ройгон\)/);
    assert.match(note?.ru ?? '', /дехканских хозяйств — бесплатно/);
    assert.match(note?.en ?? '', /dehkan farms: free/);
  });

  test('A-6 05.05.05: cost and legal basis are not stated, and not inferred either', () => {
    const l = catalogueLine('05.05.05');
    assert.deepEqual([l?.cost.value.kind, l?.cost.inferred, l?.legalBasis.inferred, l?.legalBasis.value.en], ['not_stated', false, false, 'Not stated']);
  });
});

describe('A-1: values taken from adjacent merged cells (spec †)', () => {
  test('A-1: the inferred legal bases are exactly the † cells of the spec', () => {
    assert.deepEqual(
      keysWhere((l) => l.legalBasis.inferred),
      [
        '01.01.02',
        '01.01.03',
        '02.02.01',
        '02.02.02',
        '02.02.03',
        '02.02.04',
        '02.02.05',
        '02.02.06',
        '02.02.07',
        '03.03.02',
        '03.03.03',
        '03.03.06',
        '09.09.01d',
        '10.10.02',
        '11.11.03a',
        '11.11.03b',
        '11.11.04',
        '11.11.05',
        '12.12.02',
      ],
    );
  });

  test('A-1: the inferred responsible units are exactly the † cells of the spec', () => {
    assert.deepEqual(
      keysWhere((l) => l.responsibleUnit.inferred),
      [
        '01.01.02',
        '01.01.03',
        '02.02.02',
        '02.02.03',
        '02.02.04',
        '02.02.05',
        '02.02.06',
        '02.02.07',
        '02.02.08',
        '03.03.02',
        '03.03.03',
        '03.03.06',
        '04.04.02',
        '04.04.03',
        '04.04.04',
        '05.05.03',
        '06.06.01',
        '06.06.03',
        '09.09.01b',
        '09.09.01d',
        '09.09.01e',
        '10.10.03',
        '12.12.02',
      ],
    );
  });

  test('A-1 02.02.06: the only row whose deadline and result are taken from the merged cell', () => {
    assert.deepEqual(
      CATALOGUE_396.filter((l) => l.inferredCells).map((l) => [l.key, l.inferredCells]),
      [['02.02.06', ['deadline', 'result']]],
    );
    assert.deepEqual(catalogueLine('02.02.06')?.deadline, catalogueLine('02.02.05')?.deadline);
    assert.equal(catalogueLine('02.02.06')?.deadlineText.tg, catalogueLine('02.02.05')?.deadlineText.tg);
  });

  test('A-1: a few † rows by hand', () => {
    assert.deepEqual(catalogueLine('01.01.01')?.cost, { value: { kind: 'free' }, inferred: true });
    assert.deepEqual(catalogueLine('01.01.03')?.cost, { value: { kind: 'free' }, inferred: false });
    assert.equal(catalogueLine('06.06.03')?.responsibleUnit.value.en, 'Divisions and sections for revenue accounting of territorial tax bodies');
    assert.equal(catalogueLine('10.10.02')?.legalBasis.value.en, 'Article 167 of the Tax Code');
    assert.equal(catalogueLine('10.10.03')?.responsibleUnit.value.en, 'Taxpayer Services Department (TSD)');
    assert.equal(catalogueLine('09.09.01c')?.legalBasis.inferred, false);
    assert.equal(catalogueLine('09.09.01d')?.legalBasis.value.en, 'Article 375 of the Tax Code');
  });
});
