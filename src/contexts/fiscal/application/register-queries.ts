import { and, asc, count, desc, eq, or, type SQL, sql } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { businesses, inspectorates, models, registerEvents, registers } from '../infrastructure/schema.ts';
import type { FiscalDeps } from './deps.ts';
import { isVisible, scopeCondition, scopeOf } from './scope.ts';

export type RegisterFilter = {
  readonly id?: string;
  readonly q?: string;
  readonly tin?: string;
  readonly status?: 'registered' | 'deregistered';
  readonly inspectorateCode?: string;
  readonly limit?: number;
  readonly offset?: number;
};

/** Lists say "1 000+" beyond this many matches: narrow the search. */
export const COUNT_CAP = 1_000;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The registry of registers (p.17, FIS-REG-01); a business sees its own, a TSC its clients'.
 * `q` is first taken as an identifier (registry, manufacturer or fiscal-module number, TIN); when
 * nothing has that identifier it is an address prefix. Each step is one indexed query with a plan
 * of its own, which keeps a search fast however broad the address (bench/registry).
 */
export async function listRegisters(deps: FiscalDeps, actor: AccountPrincipal, f: RegisterFilter) {
  const base = and(
    scopeCondition(scopeOf(actor), { tin: registers.businessTin, tscId: registers.tscId }),
    f.id ? eq(registers.id, f.id) : undefined,
    f.tin ? eq(registers.businessTin, f.tin) : undefined,
    f.status ? eq(registers.status, f.status) : undefined,
    f.inspectorateCode ? eq(registers.inspectorateCode, f.inspectorateCode) : undefined,
  );
  const q = f.q?.trim();
  if (!q) return pageOf(deps, base, f);
  const byIdentifier = await pageOf(
    deps,
    and(base, or(eq(registers.registryNumber, q), eq(registers.manufacturerNumber, q), eq(registers.fiscalModuleNumber, q), eq(registers.businessTin, q))),
    f,
  );
  if (byIdentifier.total > 0) return byIdentifier;
  // Matches the expression index lower(place_of_activity) text_pattern_ops.
  return pageOf(deps, and(base, sql`lower(${registers.placeOfActivity}) LIKE ${`${escapeLike(q.toLowerCase())}%`}`), f);
}

async function pageOf(deps: FiscalDeps, where: SQL | undefined, f: RegisterFilter) {
  const db = deps.database.db;
  const limit = f.limit ?? 50;
  const offset = f.offset ?? 0;
  const items = await db
    .select({
      id: registers.id,
      registryNumber: registers.registryNumber,
      kind: registers.kind,
      modelName: models.name,
      modelVersion: models.version,
      manufacturerNumber: registers.manufacturerNumber,
      softwareVersion: registers.softwareVersion,
      fiscalModuleNumber: registers.fiscalModuleNumber,
      businessTin: registers.businessTin,
      businessName: businesses.name,
      placeOfActivity: registers.placeOfActivity,
      inspectorateCode: registers.inspectorateCode,
      tscId: registers.tscId,
      status: registers.status,
      isLost: registers.isLost,
      registeredAt: registers.registeredAt,
      deregisteredAt: registers.deregisteredAt,
      nextInspectionDueAt: registers.nextInspectionDueAt,
    })
    .from(registers)
    .innerJoin(models, eq(models.id, registers.modelId))
    .innerJoin(businesses, eq(businesses.tin, registers.businessTin))
    .where(where)
    .orderBy(desc(registers.registeredAt), desc(registers.id))
    .limit(limit)
    .offset(offset);
  // A page that is not full tells the total by itself; only a full page needs counting, and the
  // count stops at COUNT_CAP (an exact count of the whole registry would scan it on every page).
  if (items.length < limit && (items.length > 0 || offset === 0)) return { items, total: offset + items.length, isTotalCapped: false };
  const [total] = await db.select({ n: count() }).from(
    db
      .select({ one: sql`1` })
      .from(registers)
      .where(where)
      .limit(COUNT_CAP + 1)
      .as('matching'),
  );
  const n = Number(total?.n ?? 0);
  return { items, total: Math.min(n, COUNT_CAP), isTotalCapped: n > COUNT_CAP };
}

/** One register as the registry lists it, for a caller who may see it. */
export async function getRegister(deps: FiscalDeps, actor: AccountPrincipal, id: string) {
  const { items } = await listRegisters(deps, actor, { id, limit: 1 });
  return items[0] ? ok(items[0]) : fail('REGISTER_NOT_FOUND' as const);
}

/**
 * The registration card of Annex 2 (FIS-REG-10, FIS-AX2-01 to 11): registry number and date,
 * the table of the register, every registration and deregistration line, and the names of the
 * head of the inspectorate and the responsible inspector.
 */
export async function getRegistrationCard(
  deps: FiscalDeps,
  actor: AccountPrincipal,
  id: string,
): Promise<Result<RegistrationCard, Failure<'REGISTER_NOT_FOUND'>>> {
  const db = deps.database.db;
  // The card's lines are read at the same time; they are dropped if the caller may not see the card.
  const [[row], events] = await Promise.all([
    db
      .select({ r: registers, m: models, b: businesses, i: inspectorates })
      .from(registers)
      .innerJoin(models, eq(models.id, registers.modelId))
      .innerJoin(businesses, eq(businesses.tin, registers.businessTin))
      .innerJoin(inspectorates, eq(inspectorates.code, registers.inspectorateCode))
      .where(eq(registers.id, id)),
    db.select().from(registerEvents).where(eq(registerEvents.registerId, id)).orderBy(asc(registerEvents.at), asc(registerEvents.id)),
  ]);
  if (!row || !isVisible(scopeOf(actor), { tin: row.r.businessTin, tscId: row.r.tscId })) return fail('REGISTER_NOT_FOUND');
  const { r, m, b, i } = row;
  return ok({
    registerId: r.id,
    registryNumber: r.registryNumber,
    registeredOn: dushanbeDate(r.registeredAt),
    status: r.status,
    isLost: r.isLost,
    kind: r.kind,
    modelName: m.name,
    modelVersion: m.version,
    manufacturer: m.manufacturer,
    manufacturerNumber: r.manufacturerNumber,
    softwareVersion: r.softwareVersion,
    fiscalModuleNumber: r.fiscalModuleNumber,
    placeOfActivity: r.placeOfActivity,
    business: { tin: b.tin, name: b.name, address: b.legalAddress },
    inspectorate: { code: i.code, name: i.name, headName: i.headName, registrationInspectorName: i.registrationInspectorName },
    certificate: { number: m.certificateNumber, issuer: m.certificateIssuer, validTo: m.certificateValidTo },
    isFreeOfCharge: true,
    history: events.map((e) => ({
      kind: e.kind,
      at: e.at,
      on: dushanbeDate(e.at),
      placeOfActivity: e.placeOfActivity,
      softwareVersion: e.softwareVersion,
      fiscalModuleNumber: e.fiscalModuleNumber,
      note: e.note,
    })),
  });
}

export type RegistrationCard = {
  readonly registerId: string;
  readonly registryNumber: string;
  readonly registeredOn: string;
  readonly status: 'registered' | 'deregistered';
  readonly isLost: boolean;
  readonly kind: 'online' | 'virtual';
  readonly modelName: string;
  readonly modelVersion: string;
  readonly manufacturer: string;
  readonly manufacturerNumber: string;
  readonly softwareVersion: string;
  readonly fiscalModuleNumber: string;
  readonly placeOfActivity: string;
  readonly business: { readonly tin: string; readonly name: string; readonly address: string };
  readonly inspectorate: {
    readonly code: string;
    readonly name: { tg: string; ru: string; en: string };
    readonly headName: string;
    readonly registrationInspectorName: string;
  };
  readonly certificate: { readonly number: string; readonly issuer: string; readonly validTo: string };
  /** p.25: registration is free of charge. */
  readonly isFreeOfCharge: true;
  readonly history: readonly {
    readonly kind: string;
    readonly at: Date;
    readonly on: string;
    readonly placeOfActivity: string;
    readonly softwareVersion: string;
    readonly fiscalModuleNumber: string;
    readonly note: string | null;
  }[];
};
