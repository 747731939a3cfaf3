import { eq } from 'drizzle-orm';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import type { FiscalScheme, ModuleKeys } from '../domain/fiscal-scheme.ts';
import { modelUsability } from '../domain/model-registry.ts';
import { businesses, fiscalModules, models, registers, tscs } from '../infrastructure/schema.ts';
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

type Cached = { readonly at: number; readonly value: ModuleContext | ContextRefusal };

/**
 * Loads module contexts from the registries; keeps each for `ttlMs` (default 2 s), so a register
 * deregistered or a TSC removed stops intake within that time without a query per document.
 * Key derivation (VKO) costs milliseconds, so the derived keys stay cached with the context.
 */
export function createModuleContexts(db: Db, clock: Clock, scheme: FiscalScheme, operator: () => Promise<OperatorKeys>, ttlMs = 2000) {
  const cache = new Map<string, Cached>();
  const keyCache = new Map<string, { readonly publicKey: string; readonly keys: ModuleKeys }>();
  const loading = new Map<string, Promise<ModuleContext | ContextRefusal>>();

  async function load(number: string): Promise<ModuleContext | ContextRefusal> {
    const [row] = await db
      .select({ fm: fiscalModules, r: registers, b: businesses, m: models, t: tscs })
      .from(fiscalModules)
      .leftJoin(registers, eq(registers.id, fiscalModules.registerId))
      .leftJoin(businesses, eq(businesses.tin, registers.businessTin))
      .leftJoin(models, eq(models.id, registers.modelId))
      .leftJoin(tscs, eq(tscs.id, registers.tscId))
      .where(eq(fiscalModules.number, number));
    if (!row) return 'MODULE_UNKNOWN';
    if (!row.fm.publicKey) return 'MODULE_NOT_INITIALISED';
    if (!row.r || !row.b || !row.m || row.fm.status !== 'installed') return 'MODULE_NOT_INSTALLED';
    let derived = keyCache.get(number);
    if (!derived || derived.publicKey !== row.fm.publicKey) {
      const op = await operator();
      derived = { publicKey: row.fm.publicKey, keys: scheme.deriveModuleKeys(op.privateKey, Buffer.from(row.fm.publicKey, 'hex'), number) };
      keyCache.set(number, derived);
    }
    return {
      fiscalModuleNumber: number,
      registerId: row.r.id,
      registryNumber: row.r.registryNumber,
      manufacturerNumber: row.r.manufacturerNumber,
      registerStatus: row.r.status,
      isLost: row.r.isLost,
      businessTin: row.b.tin,
      businessName: row.b.name,
      inspectorateCode: row.r.inspectorateCode,
      isBusinessDataCurrent: row.b.dataVersion === row.r.businessDataVersion,
      isModelUsable: modelUsability(row.m, dushanbeDate(clock.now())).isUsable,
      isTscActive: row.t?.status === 'included',
      keys: derived.keys,
    };
  }

  return {
    async get(number: string): Promise<ModuleContext | ContextRefusal> {
      const now = Date.now();
      const hit = cache.get(number);
      if (hit && now - hit.at < ttlMs) return hit.value;
      const pending = loading.get(number);
      if (pending) return pending;
      const p = load(number).then((value) => {
        cache.set(number, { at: Date.now(), value });
        loading.delete(number);
        return value;
      });
      p.catch(() => loading.delete(number));
      loading.set(number, p);
      return p;
    },
    /** Forget a module (after its register changed). */
    forget: (number: string) => cache.delete(number),
    clear: () => cache.clear(),
  };
}
