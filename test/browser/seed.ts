/**
 * What the registration story needs, seeded the way the product does it where an API exists
 * (the model by the operator, the taxpayer with its PIN by a tax officer) and by direct inserts
 * for the reference data and the section-10 records (inspectorate, TSC, its specialist, its fiscal modules),
 * so that the story does not depend on the TSC registry routes.
 */
import { randomInt } from 'node:crypto';
import { fiscalModules, inspectorates, specialists, tscApplications, tscs } from '../../src/contexts/fiscal/infrastructure/schema.ts';
import { createAccount } from '../../src/platform/auth.ts';
import { uuidv7 } from '../../src/platform/ids.ts';
import { apiAs, type BrowserServer } from './harness.ts';

export const PASSWORD = 'secret-123456';
export const PIN = '246810';

export type Seeded = {
  readonly specialist: { readonly login: string; readonly password: string };
  readonly business: { readonly tin: string; readonly pin: string; readonly name: string; readonly phone: string };
  readonly model: { readonly id: string; readonly name: string; readonly version: string };
  readonly tsc: { readonly id: string; readonly name: string };
  readonly modules: readonly string[];
  readonly inspectorateCode: string;
};

const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join('');

export async function seedRegistrationStory(s: BrowserServer): Promise<Seeded> {
  const now = new Date();
  const db = s.db.db;
  const suffix = digits(4);

  const inspectorateCode = `07${digits(4)}`;
  await db.insert(inspectorates).values({
    code: inspectorateCode,
    name: { tg: 'Нозироти андози ноҳияи Шоҳмансур', ru: 'Налоговая инспекция района Шохмансур', en: 'Shohmansur district tax inspectorate' },
    region: 'Душанбе',
    district: 'Шоҳмансур',
    address: 'ш. Душанбе, к. Айнӣ 12',
    headName: 'Раҳимзода Фарҳод Султонович',
    registrationInspectorName: 'Назарова Мавҷуда Алиевна',
    officeCode: 'default',
  });

  // A TSC in the state registry, as the section-10 workflow leaves it, with one specialist.
  const tscId = uuidv7();
  const applicationId = uuidv7();
  const tsc = {
    name: `МХТ «Хизматрасон ${suffix}»`,
    headName: 'Шарипов Далер Раҳимович',
    address: 'ш. Душанбе, к. Айнӣ 48',
    phone: '+992 37 221 00 00',
    website: 'https://hizmat.tj',
    callCentrePhone: '+992 37 221 00 01',
  };
  const tscTin = `3${digits(8)}`;
  await db.insert(tscApplications).values({
    id: applicationId,
    applicantTin: tscTin,
    ...tsc,
    status: 'included',
    receivedAt: now,
    decisionDueAt: now,
    decidedAt: now,
    decidedBy: 'browser-test',
    decisionNumber: `Қ-${suffix}`,
    tscId,
    createdBy: 'browser-test',
  });
  await db
    .insert(tscs)
    .values({ id: tscId, tin: tscTin, ...tsc, status: 'included', access: 'active', includedAt: now, decisionNumber: `Қ-${suffix}`, applicationId });
  // The specialist as the operator registers one (p.53): an account bound to the TSC and a registered record;
  // the access gate lets a specialist in only with both (FIS-ACC-02, FIS-ACC-03).
  const specialist = { login: `specialist-${suffix}`, password: PASSWORD };
  const fullName = 'Каримова Нигина Раҷабовна';
  const accountId = await createAccount(db, { role: 'tsc_specialist', login: specialist.login, secret: PASSWORD, displayName: fullName, orgId: tscId }, now);
  await db.insert(specialists).values({
    id: uuidv7(),
    tscId,
    branchId: null,
    fullName,
    certificateNumber: `С-${suffix}`,
    certificateIssuer: 'ҶДММ «Техника-Савдо»',
    login: specialist.login,
    status: 'registered',
    accountId,
    appliedAt: now,
    decidedAt: now,
  });

  // Fiscal modules the operator supplied to the TSC and registered at its request (p.56).
  const modules = [`FM${digits(8)}`, `FM${digits(8)}`];
  await db.insert(fiscalModules).values(
    modules.map((number) => ({
      number,
      manufacturerNumber: `M-${number}`,
      status: 'registered' as const,
      tscId,
      suppliedAt: now,
      registeredAt: now,
      updatedAt: now,
    })),
  );

  await createAccount(db, { role: 'operator_admin', login: `operator-${suffix}`, secret: PASSWORD, displayName: 'Оператор' }, now);
  await createAccount(db, { role: 'tax_officer', login: `officer-${suffix}`, secret: PASSWORD, displayName: 'Нозир' }, now);
  const operator = await apiAs(s.url, `operator-${suffix}`, PASSWORD);
  const officer = await apiAs(s.url, `officer-${suffix}`, PASSWORD);

  const model = await operator<{ id: string; name: string; version: string }>('POST', '/api/fiscal/models', {
    kind: 'virtual',
    name: `Хазинаи Бекоғаз ${suffix}`,
    manufacturer: 'Маркази барномасозии маъмурикунонии андоз',
    version: '2.1.0',
    certificateNumber: `ИБ-${suffix}`,
    certificateIssuer: 'Мақоми ваколатдори соҳаи амнияти иттилоотӣ',
    certificateValidFrom: '2025-01-01',
    certificateValidTo: '2030-12-31',
    includedOn: '2025-01-15',
  });

  const business = { tin: `1${digits(8)}`, pin: PIN, name: `ҶДММ «Ситораи Ҳисор ${suffix}»`, phone: '+992 900 11 22 33' };
  await officer('POST', '/api/fiscal/businesses', {
    tin: business.tin,
    name: business.name,
    kind: 'legal_entity',
    legalAddress: 'ш. Душанбе, к. Рӯдакӣ 10',
    phone: business.phone,
    inspectorateCode,
    taxRegime: 'general',
    isVatPayer: true,
    pin: PIN,
  });

  return { specialist, business, model, tsc: { id: tscId, name: tsc.name }, modules, inspectorateCode };
}
