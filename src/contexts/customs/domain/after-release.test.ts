import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { afterReleaseVerdict, amendmentTag, changedPaths, isAllowed, isFieldPath } from './after-release.ts';

const before = {
  consignee: { name: 'Almaty Foods', address: 'Almaty' },
  transport: { mode: 'road', vehicles: ['01 TJ 1234 AA'] },
  items: [
    { number: 1, description: 'Sugar', netMassKg: '10.000' },
    { number: 2, description: 'Flour', netMassKg: '5.000' },
  ],
  documents: [{ typeCode: 'INVOICE', number: 'INV-1' }],
};

describe('changes after release: pure rules', () => {
  test('CUS-DEC-50: the changed fields are found per field, per list element, and as a whole list when it grows or holds plain values', () => {
    const cases: [unknown, string[]][] = [
      [before, []],
      [{ ...before, consignee: { ...before.consignee, address: 'Almaty, Abay 10' } }, ['consignee.address']],
      [
        { ...before, items: [before.items[0], { ...before.items[1], netMassKg: '4.900', description: 'Wheat flour' }] },
        ['items[].description', 'items[].netMassKg'],
      ],
      [{ ...before, transport: { ...before.transport, vehicles: ['02 TJ 1 BB'] } }, ['transport.vehicles']],
      [{ ...before, documents: [...before.documents, { typeCode: 'CMR', number: 'C-1' }] }, ['documents']],
      [{ ...before, consignee: { ...before.consignee, tin: '010000101' } }, ['consignee.tin']],
    ];
    for (const [after, expected] of cases) assert.deepEqual(changedPaths(before, after), expected, JSON.stringify(after));
  });

  test('CUS-DEC-50: a case opens a field and everything below it, nothing beside it', () => {
    assert.equal(isAllowed('documents[].number', ['documents']), true);
    assert.equal(isAllowed('documents', ['documents']), true);
    assert.equal(isAllowed('consignee.address', ['consignee.address']), true);
    assert.equal(isAllowed('consignee.name', ['consignee.address']), false);
    assert.equal(isAllowed('documentsExtra', ['documents']), false);
    assert.equal(isFieldPath('items[].description'), true);
    assert.equal(isFieldPath('declarantCode'), false, 'who declares is not a field a case may open');
    assert.equal(isFieldPath('items[.x'), false);
  });

  test('CUS-DEC-50: the verdict names the case, the way it is made, and the fields it does not open', () => {
    const typo = { code: 'TYPO', allowedFields: ['consignee.address'], modes: ['permission' as const] };
    const moved = { ...before, consignee: { ...before.consignee, address: 'x' } };
    assert.deepEqual(afterReleaseVerdict(undefined, undefined, 'permission', before, moved), { reasons: ['after_release_case_missing'], fields: [] });
    assert.deepEqual(afterReleaseVerdict('NOPE', undefined, 'permission', before, moved), { reasons: ['after_release_case_unknown'], fields: [] });
    assert.deepEqual(afterReleaseVerdict('TYPO', typo, 'permission', before, moved), { reasons: [], fields: [] });
    assert.deepEqual(afterReleaseVerdict('TYPO', typo, 'decision', before, moved).reasons, ['after_release_case_by_permission_only']);
    const vehicles = { ...moved, transport: { ...before.transport, vehicles: [] } };
    assert.deepEqual(afterReleaseVerdict('TYPO', typo, 'permission', before, vehicles), {
      reasons: ['after_release_field_not_allowed'],
      fields: ['transport.vehicles'],
    });
    assert.deepEqual(afterReleaseVerdict('TYPO', typo, 'permission', before, before).reasons, ['after_release_nothing_changed']);
    assert.equal(amendmentTag('data', 'TYPO'), 'amendment:data:TYPO');
    assert.equal(amendmentTag('completion'), 'amendment:completion', 'requests without a case sign what they signed before');
  });
});
