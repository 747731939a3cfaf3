/**
 * Test support shared by the customs e2e tests that file declarations (exit data, retained
 * originals, statistics, undertakings, free-zone withdrawals, samples, test results, currency
 * control, simplified export, changes after release): a declarant with a trusted signer, an officer,
 * uploaded copies, and export and import declarations drafted, filed, released and withdrawn over HTTP.
 */
import assert from 'node:assert/strict';
import type { Client, Reply, TestApp } from '../../../../test/app.ts';
import { importDeclaration, type Signer, testAuthority, upload } from '../../../../test/customs-fixtures.ts';
import type { DeclarationData } from '../domain/declaration.ts';

export const DECLARANT = '010000101';

export type Harness = {
  declarant: Client;
  officer: Client;
  /** Logs both in again with new accounts (sessions are dated by the clock the test moves). */
  readonly relogin: () => Promise<void>;
  readonly signer: Signer;
  readonly docs: { invoice: string; contract: string; cmr: string };
  /** An export of domestic goods to Kazakhstan by road whose CMR has this number (the other documents as in the import fixture). */
  readonly exportData: (cmr: string, over?: Partial<DeclarationData>) => DeclarationData;
  readonly importData: (over?: Partial<DeclarationData>) => DeclarationData;
  /** A draft of the form (`standard` unless named); fails the test unless stored. */
  readonly draft: (data: DeclarationData, form?: string) => Promise<string>;
  readonly file: (id: string) => Promise<Reply>;
  /** Drafted and filed; fails the test unless registered. */
  readonly registered: (data: DeclarationData) => Promise<{ id: string; number: string; state: string; assessment: Record<string, string> }>;
  /** Registered, then the risk engine's lane (green: no profiles) releases what has nothing to pay. */
  readonly released: (data: DeclarationData) => Promise<{ id: string; number: string }>;
  readonly withdrawal: (id: string) => Promise<Reply>;
  readonly detail: (id: string) => Promise<Record<string, unknown>>;
};

export async function harness(t: TestApp, suffix: string): Promise<Harness> {
  let logins = 0;
  const login = async () => {
    logins += 1;
    return {
      declarant: await t.as('declarant', { tin: DECLARANT, login: `declarant-${suffix}-${logins}` }),
      officer: await t.as('customs_officer', { login: `officer-${suffix}-${logins}` }),
    };
  };
  const { declarant, officer } = await login();
  const ca = await testAuthority();
  const trusted = await officer.post('/api/customs/trusted-issuers', { name: `Test CA ${suffix}`, certificatePem: ca.certificatePem });
  assert.equal(trusted.status, 201, trusted.text);
  const signer = await ca.signer(DECLARANT);
  const docs = { invoice: await upload(declarant, 'invoice'), contract: await upload(declarant, 'contract'), cmr: await upload(declarant, 'cmr') };
  const base = importDeclaration(docs);
  const exportData = (cmr: string, over: Partial<DeclarationData> = {}): DeclarationData =>
    importDeclaration(docs, {
      direction: 'export',
      regime: 'export',
      consignor: { name: 'ҶДММ «Брокери намунавӣ»', country: 'TJ', address: 'Душанбе', tin: DECLARANT },
      consignee: { name: 'Almaty Foods', country: 'KZ', address: 'Almaty' },
      countryOfDispatch: 'TJ',
      countryOfDestination: 'KZ',
      preliminaryExemption: undefined,
      documents: base.documents.map((d) => (d.typeCode === 'CMR' ? { ...d, number: cmr } : d)),
      ...over,
    });
  const draft = async (data: DeclarationData, form = 'standard') => {
    const r = await h.declarant.post('/api/customs/declarations', { form, data });
    assert.equal(r.status, 201, r.text);
    return r.body.id as string;
  };
  const file = async (id: string) => {
    const payload = await h.declarant.get(`/api/customs/declarations/${id}/signing-payload`);
    assert.equal(payload.status, 200, payload.text);
    return h.declarant.post(`/api/customs/declarations/${id}/filing`, {
      signature: await signer.sign(payload.body.payload),
      certificatePem: signer.certificatePem,
    });
  };
  const registered = async (data: DeclarationData) => {
    const r = await file(await draft(data));
    assert.equal(r.status, 200, r.text);
    return r.body;
  };
  const detail = async (id: string) => (await h.officer.get(`/api/customs/declarations/${id}`)).body;
  const released = async (data: DeclarationData) => {
    const body = await registered(data);
    await t.c.worker.runOnce();
    assert.equal((await detail(body.id)).state, 'RELEASED');
    return body;
  };
  const withdrawal = async (id: string) => {
    const payload = await h.declarant.post(`/api/customs/declarations/${id}/request-payload`, { kind: 'withdrawal', reason: 'r' });
    assert.equal(payload.status, 200, payload.text);
    return h.declarant.post(`/api/customs/declarations/${id}/withdrawals`, {
      signature: await signer.sign(payload.body.payload),
      certificatePem: signer.certificatePem,
      reason: 'r',
    });
  };
  const h: Harness = {
    declarant,
    officer,
    relogin: async () => {
      Object.assign(h, await login());
    },
    signer,
    docs,
    exportData,
    importData: (over = {}) => importDeclaration(docs, over),
    draft,
    file,
    registered,
    released,
    withdrawal,
    detail,
  };
  return h;
}
