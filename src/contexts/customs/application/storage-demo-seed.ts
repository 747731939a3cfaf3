import { addHours, loadCalendar } from '../../../platform/calendar/index.ts';
import type { Db } from '../../../platform/db.ts';
import type { CustomsDeps } from './deps.ts';
import { submitPreliminaryInformation } from './preliminary-submit.ts';
import { presentGoods } from './storage-present.ts';
import { submitShortDeclaration } from './storage-short-declare.ts';
import { applyForWarehouse } from './warehouse-apply.ts';
import { decideWarehouseApplication } from './warehouse-decide.ts';

const DEMO_DECLARANT = '010000101';
const DEMO_OWNER = '020000202';

const principal = (role: 'declarant' | 'customs_officer' | 'warehouse_owner', tin: string | null) => ({
  kind: 'account' as const,
  accountId: '00000000-0000-7000-8000-000000000000',
  role,
  login: `demo-${role}`,
  displayName: `Demo ${role}`,
  tin,
  orgId: null,
  unitId: null,
});

/**
 * Demo data of the arrival slice: a warehouse in the register at Dushanbe, one registered
 * preliminary information for a truck of flour, and a second one whose goods were presented and
 * short-declared into that warehouse. Small on purpose.
 */
export async function seedCustomsArrivalDemo(db: Db, now: Date): Promise<{ preliminaryNumber: string; storageNumber: string; warehouseId: string }> {
  const calendar = await loadCalendar(db);
  const deps = { database: { db }, clock: { now: () => now }, calendar: () => calendar } as unknown as CustomsDeps;
  const fail = (what: string, r: { ok: boolean; error?: unknown }) => {
    if (!r.ok) throw new Error(`arrival demo: ${what}: ${JSON.stringify(r.error)}`);
  };
  const officer = principal('customs_officer', null);
  const app = await applyForWarehouse(deps, principal('warehouse_owner', DEMO_OWNER), {
    name: 'СВХ «Намуна»',
    type: 'open',
    purposes: ['any_persons_goods'],
    officeCode: 'DUSHANBE',
    address: 'ш. Душанбе, кӯчаи Намуна 1',
    areaSqm: 2400,
    insurance: { insurer: 'Demo Insurance', policyNumber: 'DEMO-POL-1', validFrom: '2025-01-01', validTo: '2030-12-31', sumDirams: '50000000' },
    insurancePolicyDocument: 'demo://policy/DEMO-POL-1',
  });
  fail('warehouse application', app);
  const approved = await decideWarehouseApplication(deps, officer, app.ok ? app.value.id : '', { decision: 'approve' });
  fail('warehouse decision', approved);
  const warehouseId = approved.ok ? (approved.value.warehouseId as string) : '';

  const pi = (description: string) => ({
    transportMode: 'road' as const,
    arrivalOfficeCode: 'DUSHANBE',
    expectedArrivalAt: addHours(now, 6).toISOString(),
    carrier: { name: 'ТОО «Пример-Транс»', country: 'KZ', code: 'KZ-990140000123' },
    vehicles: [{ kind: 'truck' as const, registrationNumber: '777ABC02', country: 'KZ' }],
    goods: [{ commodityCode: '1101000000', description, quantity: '20000', unit: 'kg', grossMassKg: '20400', valueDirams: '9500000', originCountry: 'KZ' }],
    passengers: [],
  });
  const declarant = principal('declarant', DEMO_DECLARANT);
  const first = await submitPreliminaryInformation(deps, declarant, pi('Орди гандум, 50 кг халтаҳо'));
  fail('preliminary information', first);
  const second = await submitPreliminaryInformation(deps, declarant, pi('Орди гандум, 25 кг халтаҳо'));
  fail('preliminary information', second);
  const stored = await presentGoods(deps, officer, { trigger: 'arrival', preliminaryNumber: second.ok ? second.value.number : '' });
  fail('presentation', stored);
  const storageNumber = stored.ok ? stored.value.number : '';
  const declared = await submitShortDeclaration(deps, declarant, storageNumber, { placeKind: 'warehouse', warehouseId }, async () => false);
  fail('short declaration', declared);
  return { preliminaryNumber: first.ok ? first.value.number : '', storageNumber, warehouseId };
}
