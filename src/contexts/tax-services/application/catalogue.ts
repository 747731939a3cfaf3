import { and, asc, eq } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { appendAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db.ts';
import { transact } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import type { Localised } from '../../../platform/i18n.ts';
import { notify } from '../../../platform/notifications.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { CATALOGUE_396, CATALOGUE_396_META } from '../domain/catalogue.ts';
import type { RequestErrorCode } from '../domain/errors.ts';
import type { ServiceLine } from '../domain/types.ts';
import { catalogueVersions } from '../infrastructure/schema.ts';
import { actorOf, type TaxServicesDeps } from './deps.ts';

/** An approved version as requests read it. */
export type CatalogueVersion = {
  readonly id: string;
  readonly label: string;
  readonly orderRef: string;
  readonly effectiveFrom: string;
  readonly effectiveTo: string | null;
  readonly lines: ReadonlyMap<string, ServiceLine>;
};

/** The approved versions in memory; `refresh` after a decision. */
export type CatalogueCache = {
  /** The version in force on a Dushanbe date ('YYYY-MM-DD'), if any. */
  readonly at: (date: string) => CatalogueVersion | undefined;
  readonly versions: () => readonly CatalogueVersion[];
  readonly refresh: (db: Db) => Promise<void>;
};

export function createCatalogueCache(): CatalogueCache {
  let versions: CatalogueVersion[] = [];
  return {
    at: (date) => versions.find((v) => v.effectiveFrom <= date && (v.effectiveTo === null || date <= v.effectiveTo)),
    versions: () => versions,
    refresh: async (db) => {
      const rows = await db.select().from(catalogueVersions).where(eq(catalogueVersions.status, 'approved')).orderBy(asc(catalogueVersions.effectiveFrom));
      versions = rows.map((r) => ({
        id: r.id,
        label: r.label,
        orderRef: r.orderRef,
        effectiveFrom: r.effectiveFrom as string,
        effectiveTo: r.effectiveTo,
        lines: new Map(r.lines.map((l) => [l.key, l])),
      }));
    },
  };
}

const ORDER_396_ID = '00000000-0000-7000-8000-000000000396';
const ORDER_250_ID = '00000000-0000-7000-8000-000000000250';

/**
 * Enters the Standard of order 396 as the version in force from the day it was signed, and order
 * 250 of 2024 as the repealed version before it (TS-04; its table is not in the seed, so it holds
 * no lines). Runs at start; does nothing when they exist.
 */
export async function ensureCatalogue(deps: Pick<TaxServicesDeps, 'database' | 'clock' | 'catalogue'>): Promise<void> {
  const db = deps.database.db;
  const at = deps.clock.now();
  await db
    .insert(catalogueVersions)
    .values([
      {
        id: ORDER_250_ID,
        label: 'Order 250 of 22.04.2024',
        orderRef: CATALOGUE_396_META.replaces.order,
        orderDate: CATALOGUE_396_META.replaces.date,
        status: 'repealed',
        effectiveFrom: CATALOGUE_396_META.replaces.date,
        effectiveTo: previousDay(CATALOGUE_396_META.date),
        proposalSource: 'order',
        lines: [],
        proposedBy: 'system',
        proposedAt: at,
        decisionNote: 'Repealed by order 396 of 17.06.2025 (p.4)',
      },
      {
        id: ORDER_396_ID,
        label: 'Order 396 of 17.06.2025',
        orderRef: CATALOGUE_396_META.order,
        orderDate: CATALOGUE_396_META.date,
        status: 'approved',
        effectiveFrom: CATALOGUE_396_META.date,
        proposalSource: 'order',
        lines: [...CATALOGUE_396],
        proposedBy: 'system',
        proposedAt: at,
        decidedBy: 'system',
        decidedAt: at,
      },
    ])
    .onConflictDoNothing();
  await deps.catalogue.refresh(db);
}

const previousDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

export type LineChange = {
  readonly key: string;
  readonly name?: Localised;
  readonly deadline?: ServiceLine['deadline'];
  readonly deadlineText?: Localised;
  readonly responsibleUnit?: Localised;
};

/**
 * A justified proposal to change the list of services (A1 p.8, TS-10, TS-24): from a central
 * department, a territorial body or a taxpayer. It copies the version in force with the changes
 * applied and waits for the Taxpayer Services Department's decision.
 */
export async function proposeCatalogueChange(
  deps: TaxServicesDeps,
  actor: AccountPrincipal,
  input: { readonly source: 'central_office' | 'territorial_body' | 'taxpayer'; readonly justification: string; readonly changes: readonly LineChange[] },
): Promise<Result<{ id: string }, Failure<RequestErrorCode>>> {
  const at = deps.clock.now();
  const current = deps.catalogue.at(dushanbeDate(at));
  if (!current) return fail('SERVICE_NOT_IN_FORCE');
  const lines = new Map(current.lines);
  for (const change of input.changes) {
    const line = lines.get(change.key);
    if (!line) return fail('CATALOGUE_LINES_INVALID', 'changes', { key: change.key });
    lines.set(change.key, {
      ...line,
      ...(change.name ? { name: change.name } : {}),
      ...(change.deadline ? { deadline: change.deadline } : {}),
      ...(change.deadlineText ? { deadlineText: change.deadlineText } : {}),
      ...(change.responsibleUnit ? { responsibleUnit: { value: change.responsibleUnit, inferred: false } } : {}),
    });
  }
  const id = uuidv7(at.getTime());
  return transact(deps.database.db, async (tx) => {
    await tx.insert(catalogueVersions).values({
      id,
      label: `Proposal of ${dushanbeDate(at)}`,
      orderRef: current.orderRef,
      orderDate: dushanbeDate(at),
      status: 'proposed',
      proposalSource: input.source,
      justification: input.justification,
      lines: [...lines.values()],
      proposedBy: actorOf(actor),
      proposedAt: at,
    });
    await appendAudit(tx, at, {
      actor: actorOf(actor),
      action: 'tax-services.catalogue.proposed',
      entity: 'catalogue_version',
      entityId: id,
      after: { changes: input.changes.map((c) => c.key) },
    });
    await notify(tx, at, {
      recipient: { kind: 'role', id: 'service_officer' },
      kind: 'catalogue_proposal',
      title: { tg: 'Пешниҳоди тағйир ба Стандарт', ru: 'Предложение изменить Стандарт', en: 'A proposed change to the Standard' },
      body: { tg: input.justification, ru: input.justification, en: input.justification },
      subject: { type: 'catalogue_version', id },
    });
    return ok({ id });
  });
}

/**
 * The approval step (A1 p.8): the TSD approves a proposal with the order that adopts it and the day
 * it takes effect (the version before it then ends the day before), or rejects it with a note.
 */
export async function decideCatalogueChange(
  deps: TaxServicesDeps,
  actor: AccountPrincipal,
  id: string,
  input: { readonly approve: boolean; readonly note: string; readonly orderRef?: string; readonly effectiveFrom?: string },
): Promise<Result<{ id: string; status: string }, Failure<RequestErrorCode>>> {
  const at = deps.clock.now();
  const result = await transact(deps.database.db, async (tx): Promise<Result<{ id: string; status: string }, Failure<RequestErrorCode>>> => {
    const [row] = await tx.select().from(catalogueVersions).where(eq(catalogueVersions.id, id)).for('update');
    if (!row) return fail('CATALOGUE_VERSION_NOT_FOUND');
    if (row.status !== 'proposed') return fail('CATALOGUE_VERSION_DECIDED');
    if (!input.approve) {
      await tx
        .update(catalogueVersions)
        .set({ status: 'rejected', decidedBy: actorOf(actor), decidedAt: at, decisionNote: input.note })
        .where(eq(catalogueVersions.id, id));
    } else {
      const from = input.effectiveFrom;
      const current = deps.catalogue.versions().at(-1);
      if (!from || from <= dushanbeDate(at) || (current && from <= current.effectiveFrom))
        return fail('CATALOGUE_EFFECTIVE_DATE_INVALID', 'body.effectiveFrom');
      if (current)
        await tx
          .update(catalogueVersions)
          .set({ effectiveTo: previousDay(from) })
          .where(and(eq(catalogueVersions.id, current.id)));
      await tx
        .update(catalogueVersions)
        .set({
          status: 'approved',
          effectiveFrom: from,
          label: `Order ${input.orderRef ?? row.orderRef} from ${from}`,
          orderRef: input.orderRef ?? row.orderRef,
          decidedBy: actorOf(actor),
          decidedAt: at,
          decisionNote: input.note,
        })
        .where(eq(catalogueVersions.id, id));
    }
    await appendAudit(tx, at, {
      actor: actorOf(actor),
      action: input.approve ? 'tax-services.catalogue.approved' : 'tax-services.catalogue.rejected',
      entity: 'catalogue_version',
      entityId: id,
      after: { effectiveFrom: input.effectiveFrom ?? null },
    });
    return ok({ id, status: input.approve ? 'approved' : 'rejected' });
  });
  if (result.ok) await deps.catalogue.refresh(deps.database.db);
  return result;
}

/** Every version, newest first, without the lines (the list of the catalogue page). */
export async function listCatalogueVersions(deps: TaxServicesDeps) {
  const rows = await deps.database.db.select().from(catalogueVersions).orderBy(asc(catalogueVersions.proposedAt));
  return rows.map(({ lines, ...r }) => ({ ...r, lineCount: lines.length })).reverse();
}
