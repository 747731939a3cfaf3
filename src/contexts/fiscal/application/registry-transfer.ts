import { asc } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import type { Db } from '../../../platform/db.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { branches, businesses, fiscalModules, inspectorates, models, registers, specialists, tscs } from '../infrastructure/schema.ts';
import { addBusiness, type NewBusiness } from './manage-businesses.ts';
import { addModel, type NewModel } from './manage-models.ts';
import type { FiscalDeps } from './deps.ts';

/** The registries that can be exported (CSV or JSON) for publication, backup or another system. */
export const EXPORTABLE = {
  inspectorates,
  businesses,
  models,
  tscs,
  branches,
  specialists,
  'fiscal-modules': fiscalModules,
  registers,
} as const;
export type ExportableRegistry = keyof typeof EXPORTABLE;

/** Every row of a registry, in a stable order. */
export async function exportRegistry(db: Db, registry: ExportableRegistry): Promise<Record<string, unknown>[]> {
  const table = EXPORTABLE[registry];
  const first = Object.values(table)[0] as never;
  return (await db.select().from(table).orderBy(asc(first))) as Record<string, unknown>[];
}

export type InspectorateInput = {
  code: string;
  name_tg: string;
  name_ru: string;
  name_en: string;
  region: string;
  district: string;
  address: string;
  head_name: string;
  registration_inspector_name: string;
  office_code?: string;
};

export type ImportRows =
  | { readonly registry: 'inspectorates'; readonly rows: readonly InspectorateInput[] }
  | { readonly registry: 'businesses'; readonly rows: readonly NewBusiness[] }
  | { readonly registry: 'models'; readonly rows: readonly NewModel[] };

/**
 * Imports already-validated rows in one transaction, through the same use cases as the API:
 * either every row is entered, or none is (the first refusal names its line).
 */
export async function importRegistry(deps: FiscalDeps, actor: AccountPrincipal, input: ImportRows): Promise<Result<number, Failure<'IMPORT_INVALID'>>> {
  const now = deps.clock.now();
  try {
    const count = await deps.database.db.transaction(async (tx) => {
      const scoped: FiscalDeps = { ...deps, database: { ...deps.database, db: tx } };
      for (const [i, row] of input.rows.entries()) {
        const line = i + 2;
        if (input.registry === 'inspectorates') {
          const r = row as InspectorateInput;
          const entry = {
            code: r.code,
            name: { tg: r.name_tg, ru: r.name_ru, en: r.name_en },
            region: r.region,
            district: r.district,
            address: r.address,
            headName: r.head_name,
            registrationInspectorName: r.registration_inspector_name,
            officeCode: r.office_code ?? 'default',
          };
          await tx.insert(inspectorates).values(entry).onConflictDoUpdate({ target: inspectorates.code, set: entry });
          await appendAudit(tx, now, {
            actor: `${actor.role}:${actor.login}`,
            action: 'inspectorate.imported',
            entity: 'fiscal.inspectorate',
            entityId: r.code,
            after: entry,
          });
          continue;
        }
        const result = input.registry === 'businesses' ? await addBusiness(scoped, actor, row as NewBusiness) : await addModel(scoped, actor, row as NewModel);
        if (!result.ok) throw new ImportRefused(line, result.error.code);
      }
      return input.rows.length;
    });
    return ok(count);
  } catch (error) {
    if (error instanceof ImportRefused) return fail('IMPORT_INVALID', undefined, { line: error.line, code: error.code });
    throw error;
  }
}

class ImportRefused extends Error {
  constructor(
    readonly line: number,
    readonly code: string,
  ) {
    super(`line ${line}: ${code}`);
  }
}
