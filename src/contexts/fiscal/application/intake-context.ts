import { dushanbeDate } from '../../../platform/calendar/index.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db.ts';
import type { FiscalScheme, ModuleKeys } from '../domain/fiscal-scheme.ts';
import { modelUsability } from '../domain/model-registry.ts';
import { sealModuleKeys, unsealModuleKeys } from './module-key-store.ts';
import type { OperatorKeys } from './operator-keys.ts';

/** What intake needs to know about a module and its register, cached for a short while. */
export type ModuleContext = {
  readonly fiscalModuleNumber: string;
  readonly registerId: string;
  readonly registryNumber: string;
  readonly manufacturerNumber: string;
  readonly registerStatus: 'registered' | 'deregistered';
  readonly isLost: boolean;
  readonly businessTin: string;
  readonly businessName: string;
  readonly inspectorateCode: string;
  /** p.67 item 7, p.70 item 6: the business's data changed since the register was (re-)registered. */
  readonly isBusinessDataCurrent: boolean;
  /** p.3, p.67 items 1 and 8, p.70 items 1 and 6: the model is in the state registry with a valid certificate. */
  readonly isModelUsable: boolean;
  /** p.67 item 5, p.70 item 4: a TSC in the registry services the register. */
  readonly isTscActive: boolean;
  readonly keys: ModuleKeys;
};

/** Why a module cannot send documents at all. */
export type ContextRefusal = 'MODULE_UNKNOWN' | 'MODULE_NOT_INITIALISED' | 'MODULE_NOT_INSTALLED';

type Row = {
  status: string;
  public_key: string | null;
  sealed_keys: string | null;
  register_id: string | null;
  registry_number: string | null;
  manufacturer_number: string | null;
  register_status: 'registered' | 'deregistered' | null;
  is_lost: boolean | null;
  inspectorate_code: string | null;
  register_data_version: number | null;
  tin: string | null;
  business_name: string | null;
  data_version: number | null;
  model_status: 'included' | 'excluded' | null;
  kind: 'online' | 'virtual' | null;
  valid_from: string | null;
  valid_to: string | null;
  tsc_status: string | null;
};

const SQL = `SELECT fm.status, fm.public_key, fm.sealed_keys, r.id AS register_id, r.registry_number, r.manufacturer_number, r.status AS register_status, r.is_lost,
       r.inspectorate_code, r.business_data_version AS register_data_version, b.tin, b.name AS business_name, b.data_version, m.status AS model_status, m.kind,
       m.certificate_valid_from::text AS valid_from, m.certificate_valid_to::text AS valid_to, t.status AS tsc_status
  FROM fiscal.fiscal_modules fm
  LEFT JOIN fiscal.registers r ON r.id = fm.register_id
  LEFT JOIN fiscal.businesses b ON b.tin = r.business_tin
  LEFT JOIN fiscal.models m ON m.id = r.model_id
  LEFT JOIN fiscal.tscs t ON t.id = r.tsc_id
 WHERE fm.number = $1`;

type Cached = { readonly at: number; readonly value: ModuleContext | ContextRefusal };

/**
 * Module contexts from the registries, kept `ttlMs` (default 5 s). An expired context is served
 * once more while a fresh one loads (stale-while-revalidate), so a change in the registries (a
 * register deregistered, a TSC removed) reaches intake within two TTLs without a query per
 * document. The module keys come sealed from the database; only a module never seen before costs
 * a key agreement (VKO), whose result is then sealed and stored.
 */
export function createModuleContexts(database: Database, clock: Clock, scheme: FiscalScheme, operator: () => Promise<OperatorKeys>, ttlMs = 5000) {
  const cache = new Map<string, Cached>();
  const keyCache = new Map<string, { readonly publicKey: string; readonly keys: ModuleKeys }>();
  const loading = new Map<string, Promise<ModuleContext | ContextRefusal>>();

  async function keysOf(number: string, row: Row): Promise<ModuleKeys> {
    const cached = keyCache.get(number);
    if (cached && cached.publicKey === row.public_key) return cached.keys;
    const op = await operator();
    let keys = row.sealed_keys ? unsealModuleKeys(op.privateKey, number, row.sealed_keys) : undefined;
    if (!keys) {
      keys = scheme.deriveModuleKeys(op.privateKey, Buffer.from(row.public_key as string, 'hex'), number);
      await database.query('UPDATE fiscal.fiscal_modules SET sealed_keys = $2 WHERE number = $1', [number, sealModuleKeys(op.privateKey, number, keys)]);
    }
    keyCache.set(number, { publicKey: row.public_key as string, keys });
    return keys;
  }

  async function load(number: string): Promise<ModuleContext | ContextRefusal> {
    const [row] = await database.query<Row>(SQL, [number]);
    if (!row) return 'MODULE_UNKNOWN';
    if (!row.public_key) return 'MODULE_NOT_INITIALISED';
    if (!row.register_id || !row.tin || !row.model_status || row.status !== 'installed') return 'MODULE_NOT_INSTALLED';
    const model = { kind: row.kind ?? 'virtual', status: row.model_status, certificateValidFrom: row.valid_from ?? '', certificateValidTo: row.valid_to ?? '' };
    return {
      fiscalModuleNumber: number,
      registerId: row.register_id,
      registryNumber: row.registry_number ?? '',
      manufacturerNumber: row.manufacturer_number ?? '',
      registerStatus: row.register_status ?? 'deregistered',
      isLost: row.is_lost === true,
      businessTin: row.tin,
      businessName: row.business_name ?? '',
      inspectorateCode: row.inspectorate_code ?? '',
      isBusinessDataCurrent: Number(row.data_version) === Number(row.register_data_version),
      isModelUsable: modelUsability(model, dushanbeDate(clock.now())).isUsable,
      isTscActive: row.tsc_status === 'included',
      keys: await keysOf(number, row),
    };
  }

  function refresh(number: string): Promise<ModuleContext | ContextRefusal> {
    const pending = loading.get(number);
    if (pending) return pending;
    const p = load(number).then(
      (value) => {
        cache.set(number, { at: Date.now(), value });
        loading.delete(number);
        return value;
      },
      (error: unknown) => {
        loading.delete(number);
        throw error;
      },
    );
    loading.set(number, p);
    return p;
  }

  return {
    async get(number: string): Promise<ModuleContext | ContextRefusal> {
      const hit = cache.get(number);
      if (!hit) return refresh(number);
      if (Date.now() - hit.at >= ttlMs) {
        const fresh = refresh(number);
        // A refusal is not served stale: a module that may now send should not wait a TTL.
        if (typeof hit.value === 'string') return fresh;
        fresh.catch(() => {});
      }
      return hit.value;
    },
    /** Forget every module (tests; after a bulk change of the registries). */
    clear: () => cache.clear(),
  };
}
