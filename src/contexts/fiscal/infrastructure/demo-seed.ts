import { eq } from 'drizzle-orm';
import { accounts, type AccountPrincipal, hashSecret } from '../../../platform/auth.ts';
import { applyForSpecialist } from '../application/apply-for-specialist.ts';
import type { FiscalDeps } from '../application/deps.ts';
import { includeTsc } from '../application/include-tsc.ts';
import { setExemption } from '../application/manage-businesses.ts';
import { listModels } from '../application/manage-models.ts';
import { importRegistry } from '../application/registry-transfer.ts';
import { registerSpecialist } from '../application/register-specialist.ts';
import { submitApplication } from '../application/submit-application.ts';
import { submitTscApplication } from '../application/submit-tsc-application.ts';
import { supplyFiscalModules } from '../application/supply-fiscal-modules.ts';

const DOC = Buffer.from('%PDF-1.4\n% Bekogaz demo document\n').toString('base64');
const pdf = (kind: string, fileName: string) => ({ kind, fileName, mediaType: 'application/pdf', contentBase64: DOC });

function must<T>(r: { ok: true; value: T } | { ok: false; error: { code: string } }, what: string): T {
  if (!r.ok) throw new Error(`demo seed: ${what} refused with ${r.error.code}`);
  return r.value;
}

/**
 * Demo data that walks the real use cases: inspectorates, taxpayers with cabinets, the state
 * registry of models, a TSC included by the authorised body with a registered specialist, a batch
 * of fiscal modules and one registered virtual register. Logins are printed by `bekogaz demo`.
 */
export async function seedFiscalDemo(deps: FiscalDeps, admin: AccountPrincipal, officer: AccountPrincipal): Promise<void> {
  const inspectorates = [
    [
      '0101',
      'Нозироти андози ноҳияи Сино',
      'Налоговая инспекция района Сино',
      'Sino district tax inspectorate',
      'Душанбе',
      'Сино',
      'ш. Душанбе, к. Бохтар 35',
      'Раҳимзода Фарҳод Султонович',
      'Назарова Мавҷуда Алиевна',
    ],
    [
      '0102',
      'Нозироти андози ноҳияи Исмоили Сомонӣ',
      'Налоговая инспекция района Исмоили Сомони',
      'Ismoili Somoni district tax inspectorate',
      'Душанбе',
      'Исмоили Сомонӣ',
      'ш. Душанбе, к. Рӯдакӣ 98',
      'Саидов Бахтиёр Каримович',
      'Юсуфова Гулнора Раҳимовна',
    ],
    [
      '0301',
      'Нозироти андози шаҳри Хуҷанд',
      'Налоговая инспекция города Худжанд',
      'Khujand city tax inspectorate',
      'Суғд',
      'Хуҷанд',
      'ш. Хуҷанд, к. Ленин 56',
      'Абдуллоев Шуҳрат Ҳакимович',
      'Мирзоева Дилором Саидовна',
    ],
  ].map(([code, tg, ru, en, region, district, address, head, inspector]) => ({
    code: code as string,
    name_tg: tg as string,
    name_ru: ru as string,
    name_en: en as string,
    region: region as string,
    district: district as string,
    address: address as string,
    head_name: head as string,
    registration_inspector_name: inspector as string,
  }));
  must(await importRegistry(deps, admin, { registry: 'inspectorates', rows: inspectorates }), 'inspectorates');
  must(
    await importRegistry(deps, admin, {
      registry: 'models',
      rows: [
        {
          kind: 'virtual',
          name: 'Бекоғаз — хазинаи вертуалии ройгон',
          manufacturer: 'КВД «Маркази барномасозии маъмурикунонии андоз»',
          version: '1.0.0',
          certificateNumber: 'ИБ-2025-0417',
          certificateIssuer: 'Мақоми ваколатдори соҳаи амнияти иттилоотӣ',
          certificateValidFrom: '2025-06-01',
          certificateValidTo: '2030-05-31',
          includedOn: '2025-06-15',
        },
        {
          kind: 'online',
          name: 'Касса-Онлайн ТҶ-55Ф',
          manufacturer: 'ҶДММ «Техника-Савдо»',
          version: '2.3',
          certificateNumber: 'ИБ-2024-0112',
          certificateIssuer: 'Мақоми ваколатдори соҳаи амнияти иттилоотӣ',
          certificateValidFrom: '2024-03-01',
          certificateValidTo: '2029-02-28',
          includedOn: '2024-03-10',
        },
        {
          kind: 'online',
          name: 'Касса-М Старт',
          manufacturer: 'ҶДММ «Касса-М»',
          version: '1.1',
          certificateNumber: 'ИБ-2020-0033',
          certificateIssuer: 'Мақоми ваколатдори соҳаи амнияти иттилоотӣ',
          certificateValidFrom: '2020-01-01',
          certificateValidTo: '2024-12-31',
          includedOn: '2020-02-01',
        },
      ],
    }),
    'models',
  );
  must(
    await importRegistry(deps, officer, {
      registry: 'businesses',
      rows: [
        {
          tin: '010000001',
          name: 'ҶДММ «Ситора»',
          kind: 'legal_entity',
          legalAddress: 'ш. Душанбе, к. Рӯдакӣ 10',
          phone: '+992 900 10 00 01',
          inspectorateCode: '0101',
          taxRegime: 'general',
          isVatPayer: true,
          pin: '123456',
        },
        {
          tin: '010000002',
          name: 'Соҳибкори инфиродӣ Раҳимова Гулчеҳра',
          kind: 'individual_entrepreneur',
          legalAddress: 'ш. Душанбе, к. Айнӣ 21',
          phone: '+992 900 10 00 02',
          inspectorateCode: '0102',
          taxRegime: 'simplified',
          isVatPayer: false,
          pin: '234567',
        },
        {
          tin: '030000003',
          name: 'ҶДММ «Хуҷанд-Савдо»',
          kind: 'legal_entity',
          legalAddress: 'ш. Хуҷанд, к. Камоли Хуҷандӣ 7',
          phone: '+992 927 00 00 03',
          inspectorateCode: '0301',
          taxRegime: 'general',
          isVatPayer: true,
          pin: '345678',
        },
        {
          tin: '010000004',
          name: 'Соҳибкори инфиродӣ Назаров Фирдавс',
          kind: 'individual_entrepreneur',
          legalAddress: 'ш. Душанбе, бозори «Корвон»',
          phone: '+992 900 10 00 04',
          inspectorateCode: '0101',
          taxRegime: 'patent',
          isVatPayer: false,
          pin: '456789',
        },
      ],
    }),
    'businesses',
  );
  must(await setExemption(deps, officer, '010000004', { exemption: 'patent', basis: 'Патенти № 0457 аз 10.01.2026 (б.4)' }), 'exemption');

  const application = must(
    await submitTscApplication(deps, officer, {
      applicantTin: '020000009',
      name: 'ҶДММ «Хизматрасонии техникии Душанбе»',
      headName: 'Шарипов Далер Ҷамшедович',
      address: 'ш. Душанбе, к. Айнӣ 48',
      phone: '+992 37 221 00 00',
      website: 'https://mxt-dushanbe.tj',
      callCentrePhone: '+992 37 221 00 01',
      attachments: [
        pdf('manufacturer_contract', 'шартнома-истеҳсолкунанда.pdf'),
        pdf('premises_document', 'бино.pdf'),
        pdf('call_centre_information', 'call-центр.pdf'),
        pdf('certified_employees', 'кормандон.pdf'),
      ],
    } as never),
    'TSC application',
  ) as { id: string; tscId?: string | null };
  const included = must(await includeTsc(deps, officer, application.id, { decisionNumber: '№ 12/2026' }), 'TSC inclusion') as { tscId?: string | null };
  const tscId = included.tscId as string;
  const specialist = must(
    await applyForSpecialist(deps, admin, tscId, {
      fullName: 'Ҳасанов Рустам Олимович',
      certificateNumber: 'CERT-2026-001',
      certificateIssuer: 'ҶДММ «Техника-Савдо»',
      login: 'specialist',
    }),
    'specialist application',
  ) as { id: string };
  must(await registerSpecialist(deps, admin, specialist.id), 'specialist registration');
  await deps.database.db
    .update(accounts)
    .set({ secretHash: await hashSecret('specialist-demo-1') })
    .where(eq(accounts.login, 'specialist'));
  const numbers = Array.from({ length: 10 }, (_, i) => `FM${String(26000001 + i)}`);
  must(
    await supplyFiscalModules(deps, admin, tscId, { modules: numbers.map((number) => ({ number, manufacturerNumber: `SLE77-${number.slice(2)}` })) }),
    'fiscal modules',
  );

  const [account] = await deps.database.db.select().from(accounts).where(eq(accounts.login, 'specialist'));
  const tscSpecialist: AccountPrincipal = {
    kind: 'account',
    accountId: account!.id,
    role: 'tsc_specialist',
    login: 'specialist',
    displayName: account!.displayName,
    tin: null,
    orgId: tscId,
    unitId: null,
  };
  const [vcr] = await listModels(deps, { kind: 'virtual', isUsable: true });
  must(
    await submitApplication(deps, tscSpecialist, {
      kind: 'registration',
      businessTin: '010000001',
      modelId: vcr!.id,
      manufacturerNumber: 'VCR-000001',
      softwareVersion: '1.0.0',
      fiscalModuleNumber: numbers[0]!,
      placeOfActivity: 'ш. Душанбе, к. Рӯдакӣ 10, мағозаи 1',
      signatory: 'Каримов Алишер, директор',
      signedOn: new Date().toISOString().slice(0, 10),
      phone: '+992 900 10 00 01',
      submittedAs: 'paper',
      technicalCheck: { isInWorkingOrder: true, isCorrectProgramInstalled: true },
      attachments: [
        pdf('place_of_activity_document', 'иҷора.pdf'),
        pdf('service_contract', 'шартнома-МХТ.pdf'),
        pdf('address_and_place_of_activity', 'суроға.pdf'),
      ],
    }),
    'register registration',
  );
}
