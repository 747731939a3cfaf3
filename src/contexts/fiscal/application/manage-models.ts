import { and, asc, eq, ilike, or } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit.ts';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { sqlState, UNIQUE_VIOLATION } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { modelUsability } from '../domain/model-registry.ts';
import type { RegisterKind } from '../domain/types.ts';
import { models } from '../infrastructure/schema.ts';
import { actorOf, type FiscalDeps } from './deps.ts';

export type Model = typeof models.$inferSelect;
export type NewModel = {
  readonly kind: RegisterKind;
  readonly name: string;
  readonly manufacturer: string;
  readonly version: string;
  readonly certificateNumber: string;
  readonly certificateIssuer: string;
  readonly certificateValidFrom: string;
  readonly certificateValidTo: string;
  readonly includedOn: string;
};

/** Enters a model or program into the state registry with its certificate (p.57, FIS-OPR-10). */
export async function addModel(
  deps: FiscalDeps,
  actor: AccountPrincipal,
  input: NewModel,
): Promise<Result<Model, Failure<'MODEL_ALREADY_EXISTS' | 'CERTIFICATE_DATES_INVALID'>>> {
  if (input.certificateValidTo < input.certificateValidFrom) return fail('CERTIFICATE_DATES_INVALID', 'body.certificateValidTo');
  const now = deps.clock.now();
  const row: Model = { id: uuidv7(now.getTime()), ...input, status: 'included', excludedOn: null, exclusionReason: null, createdAt: now };
  try {
    await deps.database.db.transaction(async (tx) => {
      await tx.insert(models).values(row);
      await appendAudit(tx, now, { actor: actorOf(actor), action: 'model.included', entity: 'fiscal.model', entityId: row.id, after: row });
    });
  } catch (error) {
    if (sqlState(error) === UNIQUE_VIOLATION) return fail('MODEL_ALREADY_EXISTS', 'body.version');
    throw error;
  }
  return ok(row);
}

/** Excludes a model from the state registry; registers of that model can no longer be registered (p.26 (3)). */
export async function excludeModel(
  deps: FiscalDeps,
  actor: AccountPrincipal,
  id: string,
  input: { readonly on: string; readonly reason: string },
): Promise<Result<Model, Failure<'MODEL_NOT_FOUND' | 'MODEL_ALREADY_EXCLUDED'>>> {
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const [before] = await tx.select().from(models).where(eq(models.id, id)).for('update');
    if (!before) return fail('MODEL_NOT_FOUND');
    if (before.status === 'excluded') return fail('MODEL_ALREADY_EXCLUDED');
    const [after] = await tx
      .update(models)
      .set({ status: 'excluded', excludedOn: input.on, exclusionReason: input.reason })
      .where(eq(models.id, id))
      .returning();
    await appendAudit(tx, now, { actor: actorOf(actor), action: 'model.excluded', entity: 'fiscal.model', entityId: id, before, after });
    return ok(after as Model);
  });
}

export type ModelView = Model & { readonly isUsable: boolean; readonly unusableReason: string | null };

/** The public registry of models and programs, with whether each may be used today (FIS-GEN-07, FIS-GEN-12). */
export async function listModels(
  deps: FiscalDeps,
  filter: { readonly kind?: RegisterKind; readonly q?: string; readonly isUsable?: boolean },
): Promise<ModelView[]> {
  const today = dushanbeDate(deps.clock.now());
  const pattern = filter.q ? `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const rows = await deps.database.db
    .select()
    .from(models)
    .where(
      and(
        filter.kind ? eq(models.kind, filter.kind) : undefined,
        pattern ? or(ilike(models.name, pattern), ilike(models.manufacturer, pattern), ilike(models.certificateNumber, pattern)) : undefined,
      ),
    )
    .orderBy(asc(models.kind), asc(models.name), asc(models.version));
  return rows
    .map((m) => {
      const u = modelUsability(m, today);
      return { ...m, isUsable: u.isUsable, unusableReason: u.isUsable ? null : u.reason };
    })
    .filter((m) => filter.isUsable === undefined || m.isUsable === filter.isUsable);
}

export async function getModel(deps: FiscalDeps, id: string): Promise<Model | undefined> {
  const [row] = await deps.database.db.select().from(models).where(eq(models.id, id));
  return row;
}
