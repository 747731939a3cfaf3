/**
 * Data factories for fiscal tests: each builds one consistent piece of the registries with the
 * same code paths the product uses where they exist, and direct inserts for the reference data.
 */
import { fiscalModules, inspectorates, models, specialists, tscApplications, tscs } from '../src/contexts/fiscal/infrastructure/schema.ts';
import { createAccount } from '../src/platform/auth.ts';
import { uuidv7 } from '../src/platform/ids.ts';
import type { Client, TestApp } from './app.ts';

let seq = 0;
const next = () => {
  seq += 1;
  return `${process.pid % 1000}${String(seq).padStart(4, '0')}`;
};

export const PDF = Buffer.from('%PDF-1.4\n% test document\n').toString('base64');

export async function makeInspectorate(t: TestApp, code = `01${next()}`.slice(0, 6)) {
  await t.db.db
    .insert(inspectorates)
    .values({
      code,
      name: { tg: `Нозироти андози ноҳияи Сино ${code}`, ru: `Налоговая инспекция района Сино ${code}`, en: `Sino district tax inspectorate ${code}` },
      region: 'Душанбе',
      district: 'Сино',
      address: 'ш. Душанбе, к. Бохтар 35',
      headName: 'Раҳимзода Фарҳод Султонович',
      registrationInspectorName: 'Назарова Мавҷуда Алиевна',
      officeCode: 'default',
    })
    .onConflictDoNothing();
  return code;
}

/** A taxpayer entered over the API, with a cabinet PIN. */
export async function makeBusiness(t: TestApp, officer: Client, over: Record<string, unknown> = {}) {
  const inspectorateCode = (over.inspectorateCode as string) ?? (await makeInspectorate(t));
  const tin = (over.tin as string) ?? `1${next()}`.padEnd(9, '7').slice(0, 9);
  const r = await officer.post('/api/fiscal/businesses', {
    tin,
    name: `ҶДММ «Ситора ${tin}»`,
    kind: 'legal_entity',
    legalAddress: 'ш. Душанбе, к. Рӯдакӣ 10',
    phone: '+992 900 11 22 33',
    inspectorateCode,
    taxRegime: 'general',
    isVatPayer: true,
    pin: '123456',
    ...over,
  });
  if (r.status !== 201) throw new Error(`business: ${r.status} ${r.text}`);
  return r.body as { tin: string; name: string; inspectorateCode: string; legalAddress: string };
}

export async function makeModel(t: TestApp, over: Partial<typeof models.$inferInsert> = {}) {
  const row = {
    id: uuidv7(),
    kind: 'virtual' as const,
    name: `Бекоғаз ХВ ${next()}`,
    manufacturer: 'Маркази барномасозии маъмурикунонии андоз',
    version: '1.0.0',
    certificateNumber: `ИБ-${next()}`,
    certificateIssuer: 'Authorised information-security body',
    certificateValidFrom: '2025-01-01',
    certificateValidTo: '2030-12-31',
    status: 'included' as const,
    includedOn: '2025-01-15',
    createdAt: t.clock.now(),
    ...over,
  };
  await t.db.db.insert(models).values(row);
  return row;
}

/** A TSC in the state registry (as the section-10 workflow leaves it) with a logged-in specialist. */
export async function makeTsc(t: TestApp, name = `МХТ «Хизмат ${next()}»`) {
  const now = t.clock.now();
  const applicationId = uuidv7();
  const id = uuidv7();
  const tin = `2${next()}`.padEnd(9, '3').slice(0, 9);
  const base = {
    name,
    headName: 'Шарипов Далер',
    address: 'ш. Душанбе, к. Айнӣ 48',
    phone: '+992 37 221 00 00',
    website: 'https://hizmat.tj',
    callCentrePhone: '+992 37 221 00 01',
  };
  await t.db.db.insert(tscApplications).values({
    id: applicationId,
    applicantTin: tin,
    ...base,
    status: 'included',
    receivedAt: now,
    decisionDueAt: now,
    decidedAt: now,
    decidedBy: 'test',
    decisionNumber: `Q-${next()}`,
    tscId: id,
    createdBy: 'test',
  });
  await t.db.db.insert(tscs).values({ id, tin, ...base, status: 'included', access: 'active', includedAt: now, decisionNumber: 'Q-1', applicationId });
  const specialist = await makeSpecialist(t, id);
  return { id, tin, name, headName: base.headName, specialist };
}

/** A specialist registered by the operator (p.53 item 11) for a TSC or one of its branches, logged in. */
export async function makeSpecialist(t: TestApp, tscId: string, branchId: string | null = null) {
  const login = `specialist-${next()}`;
  const now = t.clock.now();
  const accountId = await createAccount(
    t.db.db,
    { role: 'tsc_specialist', login, secret: 'secret-123456', displayName: login, orgId: tscId, unitId: branchId },
    now,
  );
  await t.db.db.insert(specialists).values({
    id: uuidv7(),
    tscId,
    branchId,
    fullName: `Мутахассис ${login}`,
    certificateNumber: `CERT-${login}`,
    certificateIssuer: 'ҶДММ «Техника-Савдо»',
    login,
    status: 'registered',
    accountId,
    appliedAt: now,
    decidedAt: now,
  });
  return t.login(login, 'secret-123456');
}

export async function makeFiscalModules(t: TestApp, tscId: string, count = 3) {
  const numbers = Array.from({ length: count }, () => `FM${next()}`);
  const now = t.clock.now();
  await t.db.db.insert(fiscalModules).values(
    numbers.map((number) => ({
      number,
      manufacturerNumber: `M-${number}`,
      status: 'registered' as const,
      tscId,
      suppliedAt: now,
      registeredAt: now,
      updatedAt: now,
    })),
  );
  return numbers;
}

export const registrationAttachments = () => [
  { kind: 'place_of_activity_document', fileName: 'ичора.pdf', mediaType: 'application/pdf', contentBase64: PDF },
  { kind: 'service_contract', fileName: 'шартнома.pdf', mediaType: 'application/pdf', contentBase64: PDF },
  { kind: 'address_and_place_of_activity', fileName: 'суроға.pdf', mediaType: 'application/pdf', contentBase64: PDF },
];

/** A complete registration application body for a virtual register. */
export function registrationBody(business: { tin: string }, modelId: string, fiscalModuleNumber: string, over: Record<string, unknown> = {}) {
  return {
    kind: 'registration',
    businessTin: business.tin,
    modelId,
    manufacturerNumber: `VCR-${next()}`,
    softwareVersion: '1.0.0',
    fiscalModuleNumber,
    placeOfActivity: 'ш. Душанбе, к. Айнӣ 5, дӯкони 3',
    signatory: 'Каримов Алишер',
    signedOn: '2026-03-02',
    phone: '+992 900 00 00 01',
    submittedAs: 'paper',
    technicalCheck: { isInWorkingOrder: true, isCorrectProgramInstalled: true },
    attachments: registrationAttachments(),
    ...over,
  };
}
