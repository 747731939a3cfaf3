/** A registered virtual register with an initialised module double, ready to send documents. */
import assert from 'node:assert/strict';
import type { Client, TestApp } from './app.ts';
import { makeBusiness, makeFiscalModules, makeModel, makeTsc, registrationBody } from './fiscal-factories.ts';
import { ModuleDouble } from './fiscal-module-double.ts';

export type RegisteredModule = {
  readonly module: ModuleDouble;
  readonly registerId: string;
  readonly business: { tin: string; name: string; inspectorateCode: string; legalAddress: string };
  readonly tsc: Awaited<ReturnType<typeof makeTsc>>;
  readonly modelId: string;
};

export async function registeredModule(t: TestApp, officer: Client, tsc?: Awaited<ReturnType<typeof makeTsc>>): Promise<RegisteredModule> {
  const centre = tsc ?? (await makeTsc(t));
  const [fm] = await makeFiscalModules(t, centre.id, 1);
  const model = await makeModel(t);
  const business = await makeBusiness(t, officer);
  const body = registrationBody(business, model.id, fm as string) as { manufacturerNumber: string; placeOfActivity: string };
  const reg = await centre.specialist.post('/api/fiscal/applications', body);
  assert.equal(reg.body.status, 'completed', reg.text);
  const module = new ModuleDouble(fm as string, body.manufacturerNumber, { tin: business.tin, name: business.name }, body.placeOfActivity);
  const init = await centre.specialist.post(`/api/fiscal/fiscal-modules/${fm}/initialise`, { publicKey: module.publicKeyHex });
  assert.equal(init.status, 200, init.text);
  module.initialise(init.body.operatorPublicKey);
  return { module, registerId: reg.body.registerId, business, tsc: centre, modelId: model.id };
}

/** Sends one document as a module does (no session). */
export async function send(t: TestApp, doc: unknown) {
  const r = await t.app.inject({ method: 'POST', url: '/api/fiscal/intake/documents', payload: doc as object });
  return {
    status: r.statusCode,
    text: r.body,
    body: (() => {
      try {
        return r.json();
      } catch {
        return undefined;
      }
    })(),
  };
}
