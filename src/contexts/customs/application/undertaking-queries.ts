/** Reading undertakings of art.150 (CUS-REL-08) and the period limit in force (AMB-18). */
import { and, desc, eq, inArray, lte } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import type { IsoDate } from '../../../platform/calendar/index.ts';
import type { Db } from '../../../platform/db.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { DeclarationData } from '../domain/declaration.ts';
import type { ExitErrorCode } from '../domain/exit-errors.ts';
import { type UndertakingState, undertakingCovers } from '../domain/undertaking.ts';
import { type UndertakingParameterRow, type UndertakingRow, undertakingParameters, undertakings } from '../infrastructure/exit-statistics.schema.ts';
import type { CustomsDeps } from './deps.ts';

export const CUSTOMS_ROLES = ['customs_officer', 'customs_head', 'risk_analyst'] as const;
export const isCustoms = (p: AccountPrincipal): boolean => (CUSTOMS_ROLES as readonly string[]).includes(p.role);

/** The limit of art.150 p.2 in force on a day: the latest row from that day or before. */
export async function limitOn(db: Db, day: IsoDate): Promise<UndertakingParameterRow | undefined> {
  const [row] = await db
    .select()
    .from(undertakingParameters)
    .where(lte(undertakingParameters.validFrom, day))
    .orderBy(desc(undertakingParameters.validFrom))
    .limit(1);
  return row;
}

export const listUndertakingParameters = (deps: CustomsDeps) =>
  deps.database.db.select().from(undertakingParameters).orderBy(desc(undertakingParameters.validFrom));

/**
 * Whether goods of an export declaration were released before it on an undertaking of the same
 * declarant still waiting for the declaration (accepted or overdue): the case of art.150 among
 * the exceptions of art.129 p.3.
 */
export async function coversFiling(tx: Db, data: DeclarationData): Promise<boolean> {
  const open = await tx
    .select()
    .from(undertakings)
    .where(
      and(eq(undertakings.declarantCode, data.declarantCode), eq(undertakings.direction, data.direction), inArray(undertakings.state, ['ACCEPTED', 'OVERDUE'])),
    );
  const goods = { documents: data.documents, commodityCodes: data.items.map((i) => i.commodityCode) };
  return open.some((u) => undertakingCovers(undertakingDocument(u), goods));
}

export const undertakingDocument = (u: UndertakingRow) => ({
  transportDocument: u.transportDocumentType && u.transportDocumentNumber ? { typeCode: u.transportDocumentType, number: u.transportDocumentNumber } : null,
  commodityCodes: u.commodityCodes,
});

/** Customs sees every undertaking; a declarant its own. */
export async function listUndertakings(
  deps: CustomsDeps,
  viewer: AccountPrincipal,
  q: { readonly state?: UndertakingState; readonly declarantCode?: string; readonly limit?: number; readonly offset?: number },
): Promise<UndertakingRow[]> {
  const who = isCustoms(viewer) ? q.declarantCode : (viewer.tin ?? '');
  return deps.database.db
    .select()
    .from(undertakings)
    .where(and(q.state ? eq(undertakings.state, q.state) : undefined, who !== undefined ? eq(undertakings.declarantCode, who) : undefined))
    .orderBy(desc(undertakings.givenAt), desc(undertakings.id))
    .limit(q.limit ?? 50)
    .offset(q.offset ?? 0);
}

export async function getUndertaking(deps: CustomsDeps, viewer: AccountPrincipal, number: string): Promise<Result<UndertakingRow, Failure<ExitErrorCode>>> {
  const [u] = await deps.database.db.select().from(undertakings).where(eq(undertakings.number, number));
  if (!u || (!isCustoms(viewer) && u.declarantCode !== viewer.tin)) return fail('UNDERTAKING_NOT_FOUND', 'params.number');
  return ok(u);
}

/** Loads and locks an undertaking for a step; a declarant reaches only its own (others answer as missing). */
export async function lockUndertaking(tx: Db, viewer: AccountPrincipal, number: string): Promise<Result<UndertakingRow, Failure<ExitErrorCode>>> {
  const [u] = await tx.select().from(undertakings).where(eq(undertakings.number, number)).for('update');
  if (!u || (!isCustoms(viewer) && u.declarantCode !== viewer.tin)) return fail('UNDERTAKING_NOT_FOUND', 'params.number');
  return ok(u);
}
