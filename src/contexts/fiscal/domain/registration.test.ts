import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type ApplicationFacts, checkApplication, decideOnEntry, groundsOf, normaliseName, requiredAttachments } from './registration.ts';
import type { ApplicationForm } from './types.ts';

const form: ApplicationForm = {
  addressee: { tscName: 'МХТ Хизмат', tscHeadName: 'Раҳимов Ф.' },
  registerKind: 'virtual',
  modelName: 'Бекоғаз ХВ',
  manufacturerNumber: 'VCR-0001',
  softwareVersion: '1.0.0',
  fiscalModuleNumber: 'FM-0001',
  inspectorateCode: '0101',
  inspectorateName: 'Нозироти андози ноҳияи Сино',
  tin: '010000001',
  address: 'ш. Душанбе, к. Рӯдакӣ 1',
  businessName: 'ҶДММ «Ситора»',
  placeOfActivity: 'ш. Душанбе, к. Айнӣ 5',
  signatory: 'Каримов А.',
  signedOn: '2026-03-02',
  phone: '+992 900 00 00 01',
  submittedAs: 'electronic',
};

const facts = (over: Partial<ApplicationFacts> = {}): ApplicationFacts => ({
  kind: 'registration',
  form,
  attachmentKinds: ['place_of_activity_document', 'service_contract', 'address_and_place_of_activity'],
  tscId: 'tsc-1',
  today: '2026-03-02',
  business: { name: 'ҶДММ "Ситора"', inspectorateCode: '0101' },
  model: { kind: 'virtual', name: 'Бекоғаз ХВ', status: 'included', certificateValidFrom: '2026-01-01', certificateValidTo: '2028-12-31' },
  fiscalModule: { status: 'registered', tscId: 'tsc-1', registerId: null },
  isDeviceRegistered: false,
  ...over,
});

const codes = (f: ApplicationFacts) => checkApplication(f).map((x) => x.code);

describe('register applications: checks before entry', () => {
  test('FIS-REG-08: a complete, consistent application is entered at once', () => {
    assert.deepEqual(checkApplication(facts()), []);
    assert.deepEqual(decideOnEntry([]), { status: 'completed' });
  });

  test('FIS-REG-03, FIS-REG-04, FIS-REG-05: each missing attachment of p.20 is a ground of p.26 (1)', () => {
    const found = checkApplication(facts({ attachmentKinds: [] }));
    assert.deepEqual(
      found.map((f) => f.field),
      ['attachments.place_of_activity_document', 'attachments.service_contract', 'attachments.address_and_place_of_activity'],
    );
    assert.ok(found.every((f) => f.ground === 'DOCUMENTS_INCOMPLETE'));
    const outcome = decideOnEntry(found);
    assert.equal(outcome.status, 'refused');
    assert.equal(outcome.status === 'refused' && outcome.grounds[0]?.ref, 'p.26 (1)');
  });

  test('FIS-REG-06, FIS-REG-07: the certificate is linked from the registry; without a registry entry it must be attached', () => {
    assert.ok(!codes(facts()).includes('MISSING_ATTACHMENT'));
    const noModel = checkApplication(facts({ model: undefined }));
    assert.ok(noModel.some((f) => f.field === 'attachments.security_certificate'));
    assert.deepEqual(requiredAttachments('registration').length, 4);
  });

  test('FIS-REG-15: a model not in the state registry, excluded, or with an invalid certificate is refused on p.26 (3)', () => {
    assert.ok(codes(facts({ model: undefined })).includes('MODEL_NOT_INCLUDED'));
    const excluded = facts({ model: { kind: 'virtual', name: 'X', status: 'excluded', certificateValidFrom: '2026-01-01', certificateValidTo: '2028-01-01' } });
    assert.ok(codes(excluded).includes('MODEL_NOT_INCLUDED'));
    const expired = facts({ model: { kind: 'virtual', name: 'X', status: 'included', certificateValidFrom: '2020-01-01', certificateValidTo: '2025-12-31' } });
    const found = checkApplication(expired);
    assert.ok(found.some((f) => f.code === 'MODEL_CERTIFICATE_INVALID' && f.ground === 'MODEL_NOT_IN_STATE_REGISTRY'));
    assert.equal(decideOnEntry(found).status, 'refused');
  });

  test('FIS-REG-14, FIS-REG-11: discrepancies with the registries go to study, never straight to refusal', () => {
    const cases: Array<[Partial<ApplicationFacts>, string]> = [
      [{ business: { name: 'ҶДММ «Офтоб»', inspectorateCode: '0101' } }, 'NAME_MISMATCH'],
      [{ business: { name: 'ҶДММ «Ситора»', inspectorateCode: '0202' } }, 'INSPECTORATE_MISMATCH'],
      [{ fiscalModule: null }, 'FISCAL_MODULE_UNKNOWN'],
      [{ fiscalModule: { status: 'registered', tscId: 'other', registerId: null } }, 'FISCAL_MODULE_NOT_WITH_TSC'],
      [{ fiscalModule: { status: 'installed', tscId: 'tsc-1', registerId: 'r-9' } }, 'FISCAL_MODULE_IN_USE'],
      [{ isDeviceRegistered: true }, 'DEVICE_ALREADY_REGISTERED'],
      [{ form: { ...form, registerKind: 'online' } }, 'MODEL_KIND_MISMATCH'],
    ];
    for (const [over, code] of cases) {
      const found = checkApplication(facts(over));
      assert.deepEqual(
        found.map((f) => f.code),
        [code],
        code,
      );
      assert.deepEqual(decideOnEntry(found), { status: 'under_study' }, code);
    }
  });

  test('FIS-REG-16: every finding becomes a ground with its reference and exact detail', () => {
    const found = checkApplication(facts({ attachmentKinds: [], fiscalModule: null }));
    const grounds = groundsOf(found);
    assert.equal(grounds.length, found.length);
    assert.deepEqual([...new Set(grounds.map((g) => g.ref))].sort(), ['p.26 (1)', 'p.26 (2)']);
    assert.ok(grounds.every((g) => g.detail.length > 10));
  });

  test('FIS-DRG-03, FIS-AX3-13: deregistration is checked against the register and needs the module handed over', () => {
    const dereg = facts({
      kind: 'deregistration',
      attachmentKinds: ['deregistration_basis'],
      model: undefined,
      fiscalModule: undefined,
      register: { manufacturerNumber: 'VCR-0001', fiscalModuleNumber: 'FM-0001', businessTin: '010000001' },
      form: { ...form, isFiscalModuleHandedOver: true },
    });
    assert.deepEqual(checkApplication(dereg), []);
    assert.deepEqual(codes({ ...dereg, form: { ...form, isFiscalModuleHandedOver: false } }), ['MISSING_ATTACHMENT']);
    assert.deepEqual(codes({ ...dereg, form: { ...form, isFiscalModuleHandedOver: true, fiscalModuleNumber: 'FM-9' } }), ['REGISTER_MISMATCH']);
  });

  test('names compare without case, quotes and spacing', () => {
    assert.equal(normaliseName('ҶДММ  «Ситора»'), normaliseName('ҷдмм "СИТОРА"'));
  });
});
