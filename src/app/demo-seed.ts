import { eq } from 'drizzle-orm';
import { seedFiscalDemo } from '../contexts/fiscal/index.ts';
import { seedTaxServicesDemo } from '../contexts/tax-services/index.ts';
import { seedCustomsArrivalDemo, seedCustomsFinanceDemo } from '../contexts/customs/index.ts';
import { seedRiskDemo } from '../contexts/risk/index.ts';
import { type AccountPrincipal, accounts, createAccount } from '../platform/auth.ts';
import type { Container } from './container.ts';

const principal = (id: string, role: AccountPrincipal['role'], login: string, displayName: string): AccountPrincipal => ({
  kind: 'account',
  accountId: id,
  role,
  login,
  displayName,
  tin: null,
  orgId: null,
  unitId: null,
});

/** Loads the demo data once; returns false when the database already has it. */
export async function seedDemo(c: Container): Promise<boolean> {
  const db = c.database.db;
  const [existing] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.login, 'admin'));
  if (existing) return false;
  const now = c.clock.now();
  const adminId = await createAccount(db, { role: 'operator_admin', login: 'admin', secret: 'admin-demo-1', displayName: 'Администратори оператор' }, now);
  const officerId = await createAccount(db, { role: 'tax_officer', login: 'officer', secret: 'officer-demo-1', displayName: 'Нозири андоз Саидова М.' }, now);
  await seedFiscalDemo(c.fiscal.deps, principal(adminId, 'operator_admin', 'admin', 'Operator'), principal(officerId, 'tax_officer', 'officer', 'Tax officer'));
  await seedTaxServicesDemo(c.taxServices.deps);
  await seedCustomsFinanceDemo(db, now);
  await seedCustomsArrivalDemo(db, now);
  // Customs and risk management: an officer, the head, two risk analysts (four eyes), the demo declarant and warehouse owner.
  await createAccount(db, { role: 'customs_officer', login: 'customs', secret: 'customs-demo-1', displayName: 'Корманди гумрук Раҳимов А.' }, now);
  await createAccount(db, { role: 'customs_head', login: 'head', secret: 'head-demo-1', displayName: 'Сардори гумрук Назаров Б.' }, now);
  const analystId = await createAccount(
    db,
    { role: 'risk_analyst', login: 'analyst', secret: 'analyst-demo-1', displayName: 'Таҳлилгари хавф Каримова Д.' },
    now,
  );
  const reviewerId = await createAccount(
    db,
    { role: 'risk_analyst', login: 'analyst2', secret: 'analyst2-demo-1', displayName: 'Таҳлилгари хавф Юсупов Ф.' },
    now,
  );
  await createAccount(db, { role: 'declarant', login: 'declarant', secret: 'declarant-demo-1', displayName: 'Декларант (намуна)', tin: '010000101' }, now);
  await createAccount(
    db,
    { role: 'warehouse_owner', login: 'warehouse', secret: 'warehouse-demo-1', displayName: 'Соҳиби анбор (намуна)', tin: '020000202' },
    now,
  );
  await seedRiskDemo(
    c.risk.deps,
    principal(analystId, 'risk_analyst', 'analyst', 'Risk analyst'),
    principal(reviewerId, 'risk_analyst', 'analyst2', 'Risk analyst'),
  );
  return true;
}
