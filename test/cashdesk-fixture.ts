/**
 * A hosted virtual cash register ready to work: a virtual register registered through a TSC
 * (p.16-19), set up by its business, its module commissioned with the operator (p.81), a product
 * list imported, and the register unlocked with its program password.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { openSoftwareFiscalModule } from '../src/contexts/cashdesk/infrastructure/fiscal-module/software-fiscal-module.ts';
import type { Client, TestApp } from './app.ts';
import { makeBusiness, makeFiscalModules, makeModel, makeTsc, registrationBody } from './fiscal-factories.ts';

export const PASSWORD = 'Парол-2026';

/** Bread (VAT 14 %, EAN-13), milk (VAT), sugar by weight (simplified 6 %), a service without tax. */
export const PRODUCTS_CSV = [
  'code,gtin,name_tg,name_ru,name_en,unit,price,tax_kind,tax_rate,marking',
  'NON,4600000000008,Нон,Хлеб,Bread,piece,3.50,vat,14,no',
  'SHIR,,Шир 1 л,Молоко 1 л,Milk 1 l,piece,12.00,vat,14,no',
  'QAND,,Қанд,Сахар,Sugar,kg,9.00,simplified,6,no',
  'XIZ,,Хизмати борбардорӣ,Услуга носильщика,Porter service,service,5.00,none,0,no',
].join('\n');

export type Vcr = {
  readonly id: string;
  readonly fiscalRegisterId: string;
  readonly fm: string;
  readonly serialNumber: string;
  readonly business: { tin: string; name: string };
  /** The business's session (replaced by `resume` when the clock jumps past its lifetime). */
  shop: Client;
  readonly tsc: Awaited<ReturnType<typeof makeTsc>>;
  readonly path: (suffix?: string) => string;
};

/** The business sets up its VCR; the TSC hands the module's key to the operator; the register is unlocked. */
export async function readyRegister(
  t: TestApp,
  officer: Client,
  o: { readonly isCommissioned?: boolean; readonly isUnlocked?: boolean; readonly moduleCapacity?: number } = {},
): Promise<Vcr> {
  const tsc = await makeTsc(t);
  const [fm] = (await makeFiscalModules(t, tsc.id, 1)) as [string];
  if (o.moduleCapacity) {
    // A module delivered with a small memory (p.76-77): the register opens it as it finds it.
    const small = await openSoftwareFiscalModule({ directory: join(t.dataDir, 'cashdesk', 'modules', fm), capacity: o.moduleCapacity });
    await small.close();
  }
  const model = await makeModel(t);
  const business = await makeBusiness(t, officer);
  const body = registrationBody(business, model.id, fm) as { manufacturerNumber: string };
  const reg = await tsc.specialist.post('/api/fiscal/applications', body);
  assert.equal(reg.body.status, 'completed', reg.text);
  const shop = await t.login(business.tin, '123456');
  const made = await shop.post('/api/cashdesk/registers', { fiscalRegisterId: reg.body.registerId, password: PASSWORD });
  assert.equal(made.status, 201, made.text);
  assert.equal(made.body.module.state, 'personalised');
  if (o.isCommissioned !== false) {
    // p.81: the TSC specialist hands the public key the register shows to the operator.
    const init = await tsc.specialist.post(`/api/fiscal/fiscal-modules/${fm}/initialise`, { publicKey: made.body.module.publicKey });
    assert.equal(init.status, 200, init.text);
  }
  const id = made.body.id as string;
  const vcr = {
    id,
    fiscalRegisterId: reg.body.registerId as string,
    fm,
    serialNumber: body.manufacturerNumber,
    business,
    shop,
    tsc,
    path: (suffix = '') => `/api/cashdesk/registers/${id}${suffix}`,
  };
  const imported = await shop.post('/api/cashdesk/products/import', { csv: PRODUCTS_CSV });
  assert.equal(imported.status, 200, imported.text);
  if (o.isUnlocked !== false) {
    const unlocked = await shop.post(vcr.path('/unlock'), { password: PASSWORD });
    assert.equal(unlocked.status, 200, unlocked.text);
  }
  return vcr;
}

/** A TCP port nobody listens on: pointing the link there cuts the network (connection refused). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** After the clock jumped past the session's lifetime: the cashier logs in again and unlocks the register. */
export async function resume(t: TestApp, v: Vcr): Promise<void> {
  v.shop = await t.login(v.business.tin, '123456');
  const unlocked = await v.shop.post(v.path('/unlock'), { password: PASSWORD });
  assert.equal(unlocked.status, 200, unlocked.text);
}
