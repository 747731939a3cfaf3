import assert from 'node:assert/strict';
import { test } from 'node:test';
import { definitionFaults, type FieldRule, formViolations } from './form-definition.ts';
import { communicationFaults, deliveryFaults } from './value-communication.ts';
import { differencesFromDeclaration, formFromDeclaration, type ValueFormData } from './value-form.ts';
import type { DeclarationData } from './declaration.ts';

const declaration = {
  direction: 'import',
  regime: 'release_for_free_circulation',
  consignor: { name: 'Seller', country: 'CN', address: 'Shenzhen' },
  countryOfDestination: 'TJ',
  currency: 'USD',
  valuation: { method: 1, transportCost: '800.00', insuranceCost: '150.00', otherCosts: '50.00' },
  items: [
    { number: 1, commodityCode: '8517130000', description: 'Phones', isSample: true },
    { number: 2, commodityCode: '17019990', description: '' },
  ],
  documents: [
    { typeCode: 'INVOICE', number: 'INV-1', date: '2026-02-20', sha256: 'a'.repeat(64) },
    { typeCode: 'CMR', number: 'CMR-1', date: '2026-02-25' },
  ],
};

test('CUS-DEC-07: required, pattern, oneOf and maxLength rules name every concrete field they fail on, list elements by index', () => {
  const table: [string, FieldRule, string[]][] = [
    ['required, present', { field: 'consignor.name', required: true }, []],
    ['required, absent', { field: 'consignee.name', required: true }, ['form_required consignee.name']],
    ['required on every element', { field: 'items[].description', required: true }, ['form_required items[1].description']],
    ['pattern on every element', { field: 'items[].commodityCode', pattern: '[0-9]{10}' }, ['form_pattern items[1].commodityCode']],
    ['pattern judges only a value that is there', { field: 'brokerTin', pattern: '[0-9]{9}' }, []],
    ['pattern is anchored', { field: 'currency', pattern: 'US' }, ['form_pattern currency']],
    ['oneOf on a number', { field: 'valuation.method', oneOf: [2, 3] }, ['form_one_of valuation.method']],
    ['maxLength counts characters', { field: 'consignor.address', maxLength: 3 }, ['form_max_length consignor.address']],
    ['required list', { field: 'documents', required: true }, []],
    ['required element field', { field: 'documents[].sha256', required: true }, ['form_required documents[1].sha256']],
  ];
  for (const [name, rule, expected] of table)
    assert.deepEqual(
      formViolations([rule], declaration).map((v) => `${v.code} ${v.field}`),
      expected,
      name,
    );
});

test('CUS-DEC-07: conditional rules apply only when their condition holds, in a list on the same element', () => {
  const table: [string, FieldRule, string[]][] = [
    ['equals holds', { field: 'countryOfDestination', when: { field: 'regime', equals: 'release_for_free_circulation' }, oneOf: ['TJ'] }, []],
    [
      'equals holds, value wrong',
      { field: 'countryOfDestination', when: { field: 'direction', equals: 'import' }, oneOf: ['KZ'] },
      ['form_one_of countryOfDestination'],
    ],
    ['equals does not hold', { field: 'countryOfDestination', when: { field: 'direction', equals: 'export' }, oneOf: ['KZ'] }, []],
    [
      'oneOf holds',
      { field: 'valuation.contractNumber', required: true, when: { field: 'valuation.method', oneOf: [1, 2] } },
      ['form_required valuation.contractNumber'],
    ],
    [
      'isPresent false holds',
      { field: 'valuation.contractDate', required: true, when: { field: 'valuation.contractNumber', isPresent: false } },
      ['form_required valuation.contractDate'],
    ],
    ['isPresent true does not hold', { field: 'valuation.contractDate', required: true, when: { field: 'valuation.contractNumber', isPresent: true } }, []],
    // Only item 1 is a sample: the rule reads each item's own flag.
    [
      'same element',
      { field: 'items[].description', maxLength: 2, when: { field: 'items[].isSample', equals: true } },
      ['form_max_length items[0].description'],
    ],
    ['other list: any element', { field: 'currency', oneOf: ['EUR'], when: { field: 'documents[].typeCode', equals: 'CMR' } }, ['form_one_of currency']],
  ];
  for (const [name, rule, expected] of table)
    assert.deepEqual(
      formViolations([rule], declaration).map((v) => `${v.code} ${v.field}`),
      expected,
      name,
    );
});

test('CUS-DEC-07: every broken rule comes back at once, in the order of the rules; odd documents are judged, not thrown on', () => {
  const rules: FieldRule[] = [
    { field: 'consignee.name', required: true },
    { field: 'items[].description', required: true },
    { field: 'constructor', required: true },
  ];
  assert.deepEqual(
    formViolations(rules, declaration).map((v) => v.field),
    ['consignee.name', 'items[1].description', 'constructor'],
  );
  // Not an object, a list where an object is expected, a list that is not one: the fields are simply not there.
  for (const odd of [null, 42, 'text', [], { items: 'not a list' }, { consignee: [] }])
    assert.deepEqual(
      formViolations(rules, odd).map((v) => v.field),
      ['consignee.name', 'constructor'],
      JSON.stringify(odd),
    );
});

test('CUS-DEC-07: a definition is refused for malformed paths, fields outside the data set, bad patterns and rules that check nothing', () => {
  const known = new Set(['consignor', 'consignor.name', 'items', 'items[]', 'items[].description', 'direction']);
  const faults = definitionFaults(
    [
      { field: 'consignor.name', required: true },
      { field: 'items[].description', maxLength: 10, when: { field: 'direction', equals: 'import' } },
      { field: 'items..x', required: true },
      { field: 'consignee.name', required: true },
      { field: 'direction', pattern: '(' },
      { field: 'direction' },
      { field: 'direction', oneOf: [] },
      { field: 'direction', required: true, when: { field: 'direction' } },
    ],
    known,
  );
  assert.deepEqual(
    faults.map((f) => `${f.code} ${f.field}`),
    [
      'path_invalid rules[2].field',
      'field_unknown rules[3].field',
      'pattern_invalid rules[4].pattern',
      'rule_checks_nothing rules[5]',
      'one_of_empty rules[6].oneOf',
      'condition_tests_nothing rules[7].when',
      'condition_on_itself rules[7].when.field',
    ],
  );
  // A case the Code does not regulate has no fixed data set: any well-formed path will do.
  assert.deepEqual(definitionFaults([{ field: 'circumstances', required: true }], undefined), []);
});

const form = (over: Partial<ValueFormData> = {}): ValueFormData => ({
  method: 1,
  transportCost: '800.00',
  insuranceCost: '150.00',
  otherCosts: '50.00',
  documents: [],
  ...over,
});

test('CUS-REG-10: the value form must state the declaration’s method, additions and contract; the one the declaration gives matches it', () => {
  const data = declaration as unknown as DeclarationData;
  assert.deepEqual(differencesFromDeclaration(form(), data), []);
  assert.deepEqual(differencesFromDeclaration(form({ method: 2, transportCost: '900.00', contractNumber: 'C-1' }), data), [
    'method',
    'transportCost',
    'contractNumber',
  ]);
  const derived = formFromDeclaration(data);
  assert.deepEqual(differencesFromDeclaration(derived, data), []);
  assert.equal(derived.invoiceNumber, 'INV-1');
  assert.deepEqual(
    derived.documents.map((d) => d.typeCode),
    ['INVOICE'],
  );
});

test('CUS-REG-11: who records which communication on which channel, what it answers, and the times sent and delivered', () => {
  const now = new Date('2026-03-02T05:00:00Z');
  const earlier = new Date('2026-03-01T05:00:00Z');
  const later = new Date('2026-03-03T05:00:00Z');
  const table: [string, Parameters<typeof communicationFaults>[0], string[]][] = [
    ['customs asks electronically', { kind: 'documents_request', channel: 'electronic', recordedBy: 'customs', now }, []],
    ['customs asks in writing, sent earlier', { kind: 'documents_request', channel: 'written', recordedBy: 'customs', sentAt: earlier, now }, []],
    ['written without the time sent', { kind: 'value_decision', channel: 'written', recordedBy: 'customs', decision: 'adjusted', now }, ['sent_at_required']],
    ['written sent in the future', { kind: 'documents_request', channel: 'written', recordedBy: 'customs', sentAt: later, now }, ['sent_in_future']],
    ['electronic with a time sent', { kind: 'documents_request', channel: 'electronic', recordedBy: 'customs', sentAt: earlier, now }, ['electronic_sent_now']],
    [
      'declarant answers electronically',
      { kind: 'declarant_answer', channel: 'electronic', recordedBy: 'declarant', answersKind: 'documents_request', now },
      [],
    ],
    ['answer without a request', { kind: 'declarant_answer', channel: 'electronic', recordedBy: 'declarant', now }, ['must_answer_documents_request']],
    [
      'declarant records a customs decision',
      { kind: 'value_decision', channel: 'electronic', recordedBy: 'declarant', decision: 'accepted', now },
      ['not_yours_to_record'],
    ],
    ['declarant records on paper', { kind: 'explanation_request', channel: 'written', recordedBy: 'declarant', sentAt: earlier, now }, ['not_yours_to_record']],
    [
      'customs keys in a written request for explanation',
      { kind: 'explanation_request', channel: 'written', recordedBy: 'customs', sentAt: earlier, deliveredAt: now, now },
      [],
    ],
    [
      'customs fakes an electronic declarant request',
      { kind: 'explanation_request', channel: 'electronic', recordedBy: 'customs', now },
      ['electronic_from_declarant_only'],
    ],
    ['decision without its outcome', { kind: 'value_decision', channel: 'electronic', recordedBy: 'customs', now }, ['decision_only_for_value_decision']],
    ['explanation answers the request', { kind: 'explanation', channel: 'electronic', recordedBy: 'customs', answersKind: 'explanation_request', now }, []],
    [
      'a request answers customs’ own request',
      { kind: 'documents_request', channel: 'electronic', recordedBy: 'customs', answersKind: 'value_decision', now },
      ['answers_own_side'],
    ],
  ];
  for (const [name, draft, expected] of table)
    assert.deepEqual(
      communicationFaults(draft).map((f) => f.code),
      expected,
      name,
    );
  assert.deepEqual(
    deliveryFaults(now, earlier, later).map((f) => f.code),
    ['delivered_before_sent'],
  );
  assert.deepEqual(
    deliveryFaults(earlier, later, now).map((f) => f.code),
    ['delivered_in_future'],
  );
  assert.deepEqual(deliveryFaults(earlier, now, now), []);
});
