/** Request bodies and steps shared by the risk context's e2e tests. */
import assert from 'node:assert/strict';
import type { Client, TestApp } from '../../../../test/app.ts';
import { importDeclaration, type Signer } from '../../../../test/customs-fixtures.ts';

export const TRADER = '010000101';
type DeclarationData = ReturnType<typeof importDeclaration>;

/** A profile body: red, 100 % selected, physical examination, valid all of 2026 unless `over` says otherwise. */
export const profileBody = (code: string, indicator: unknown, over: Record<string, unknown> = {}) => ({
  code,
  area: {
    tg: 'Арзиши пасти смартфонҳо аз Чин',
    ru: 'Занижение стоимости смартфонов из Китая',
    en: 'Undervalued smartphones from China',
  },
  categories: ['payment_evasion'],
  kind: 'potential',
  indicator,
  subjects: ['declaration'],
  lane: 'red',
  selectionPercent: 100,
  measures: ['physical_examination'],
  level: 4,
  validFrom: '2026-03-01',
  validTo: '2026-12-31',
  ...over,
});

/** Smartphones (8517) from China on the given vehicle: a vehicle per test keeps its profiles to its own declarations. */
export const phonesOn = (vehicle: string) => ({
  op: 'all',
  of: [
    { op: 'in', field: 'vehicle', values: [vehicle] },
    { op: 'prefix', field: 'item.commodityCode', values: ['8517'] },
    { op: 'in', field: 'item.originCountry', values: ['CN'] },
  ],
});

/** Written by `author`, approved by `reviewer` (four eyes), activated by `author`. */
export async function activeProfile(author: Client, reviewer: Client, body: ReturnType<typeof profileBody>): Promise<{ id: string; versionId: string }> {
  const created = await author.post('/api/risk/profiles', body);
  assert.equal(created.status, 201, created.text);
  const approved = await reviewer.post(`/api/risk/profiles/${created.body.id}/versions/1/approve`);
  assert.equal(approved.status, 200, approved.text);
  const active = await author.post(`/api/risk/profiles/${created.body.id}/versions/1/activate`);
  assert.equal(active.status, 200, active.text);
  return { id: created.body.id, versionId: created.body.versions[0].id };
}

export type Filer = { readonly client: Client; readonly signer: Signer; readonly docs: { invoice: string; contract: string; cmr: string } };

/** Drafts, signs and registers a declaration on `vehicle`; answers the registered declaration. */
export async function register(f: Filer, vehicle: string, over: Partial<DeclarationData> = {}) {
  const data = importDeclaration(f.docs, { transport: { mode: 'road', vehicles: [vehicle], nationality: 'TJ' }, ...over });
  const draft = await f.client.post('/api/customs/declarations', { form: 'standard', data });
  assert.equal(draft.status, 201, draft.text);
  const payload = await f.client.get(`/api/customs/declarations/${draft.body.id}/signing-payload`);
  const filed = await f.client.post(`/api/customs/declarations/${draft.body.id}/filing`, {
    signature: await f.signer.sign(payload.body.payload),
    certificatePem: f.signer.certificatePem,
  });
  assert.equal(filed.status, 200, filed.text);
  return filed.body as { id: string; number: string; state: string };
}

/** An export of the same goods: nothing to pay, so a green lane releases it at once. */
export const exportOver = (): Partial<DeclarationData> => ({
  direction: 'export',
  regime: 'export',
  consignor: { name: 'ҶДММ «Брокери намунавӣ»', country: 'TJ', address: 'Душанбе', tin: TRADER },
  consignee: { name: 'Almaty Foods', country: 'KZ', address: 'Almaty' },
  countryOfDispatch: 'TJ',
  countryOfDestination: 'KZ',
  preliminaryExemption: undefined,
});

/** The decision of a subject as an officer sees it (after the worker ran). */
export async function decisionOf(t: TestApp, reader: Client, subjectId: string) {
  await t.c.worker.runOnce();
  const r = await reader.get(`/api/risk/decisions?subjectId=${subjectId}`);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.length, 1, `one decision for ${subjectId}`);
  return r.body[0];
}
