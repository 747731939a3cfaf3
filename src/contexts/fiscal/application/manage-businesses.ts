import { and, asc, eq, ilike, inArray, or } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit.ts';
import { accounts, type AccountPrincipal, createAccount } from '../../../platform/auth.ts';
import { sqlState, transact, UNIQUE_VIOLATION } from '../../../platform/db.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { BusinessKind, Exemption, TaxRegime } from '../domain/types.ts';
import { applications, businesses, inspectorates, registers } from '../infrastructure/schema.ts';
import { actorOf, type FiscalDeps } from './deps.ts';
import { scopeOf } from './scope.ts';

export type Business = typeof businesses.$inferSelect;
export type NewBusiness = {
  readonly tin: string;
  readonly name: string;
  readonly kind: BusinessKind;
  readonly legalAddress: string;
  readonly phone?: string;
  readonly inspectorateCode: string;
  readonly taxRegime: TaxRegime;
  readonly isVatPayer: boolean;
  /** When given, a personal-cabinet account is opened with the TIN as login and this PIN (p.18). */
  readonly pin?: string;
};

/** Who need not use a register: an exempt business (p.4) does not; everyone else does (D.2). */
export const mustUseRegister = (b: { readonly exemption: Exemption | null }) => b.exemption === null;

/** Enters a taxpayer known to the tax authority (FIS-IMP-15) and opens its cabinet. */
export async function addBusiness(
  deps: FiscalDeps,
  actor: AccountPrincipal,
  input: NewBusiness,
): Promise<Result<Business, Failure<'BUSINESS_ALREADY_EXISTS' | 'INSPECTORATE_NOT_FOUND' | 'LOGIN_TAKEN'>>> {
  const now = deps.clock.now();
  const db = deps.database.db;
  const [inspectorate] = await db.select().from(inspectorates).where(eq(inspectorates.code, input.inspectorateCode));
  if (!inspectorate) return fail('INSPECTORATE_NOT_FOUND', 'body.inspectorateCode');
  const { pin, ...data } = input;
  const row: Business = { ...data, phone: data.phone ?? null, exemption: null, exemptionBasis: null, dataVersion: 1, createdAt: now, updatedAt: now };
  try {
    return await transact(db, async (tx) => {
      await tx.insert(businesses).values(row);
      if (pin) {
        const [taken] = await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.login, input.tin));
        if (taken) return fail('LOGIN_TAKEN', 'body.tin');
        await createAccount(tx, { role: 'business', login: input.tin, secret: pin, displayName: input.name, tin: input.tin }, now);
      }
      await appendAudit(tx, now, { actor: actorOf(actor), action: 'business.entered', entity: 'fiscal.business', entityId: row.tin, after: row });
      return ok(row);
    });
  } catch (error) {
    if (sqlState(error) === UNIQUE_VIOLATION) return fail('BUSINESS_ALREADY_EXISTS', 'body.tin');
    throw error;
  }
}

/**
 * Records or clears a p.4 exemption (FIS-GEN-13 to 17), with the document it rests on, so the
 * product knows who need not register a cash register.
 */
export async function setExemption(
  deps: FiscalDeps,
  actor: AccountPrincipal,
  tin: string,
  input: { readonly exemption: Exemption | null; readonly basis: string },
): Promise<Result<Business, Failure<'BUSINESS_NOT_FOUND'>>> {
  const now = deps.clock.now();
  return transact(deps.database.db, async (tx) => {
    const [before] = await tx.select().from(businesses).where(eq(businesses.tin, tin)).for('update');
    if (!before) return fail('BUSINESS_NOT_FOUND');
    const [after] = await tx
      .update(businesses)
      .set({ exemption: input.exemption, exemptionBasis: input.basis, updatedAt: now })
      .where(eq(businesses.tin, tin))
      .returning();
    await appendAudit(tx, now, { actor: actorOf(actor), action: 'business.exemption_set', entity: 'fiscal.business', entityId: tin, before, after });
    return ok(after as Business);
  });
}

/**
 * Records a change of the taxpayer's data (name, address, phone). Registers registered under the
 * old data may not be used until they are re-registered (p.67 item 7, p.70 item 6; catalog
 * ambiguity 20): the data version moves on, and intake compares it with the register's.
 */
export async function changeBusinessData(
  deps: FiscalDeps,
  actor: AccountPrincipal,
  tin: string,
  input: { readonly name?: string; readonly legalAddress?: string; readonly phone?: string },
): Promise<Result<Business, Failure<'BUSINESS_NOT_FOUND'>>> {
  const now = deps.clock.now();
  return transact(deps.database.db, async (tx) => {
    const [before] = await tx.select().from(businesses).where(eq(businesses.tin, tin)).for('update');
    if (!before) return fail('BUSINESS_NOT_FOUND');
    const [after] = await tx
      .update(businesses)
      .set({ ...input, dataVersion: before.dataVersion + 1, updatedAt: now })
      .where(eq(businesses.tin, tin))
      .returning();
    await appendAudit(tx, now, { actor: actorOf(actor), action: 'business.data_changed', entity: 'fiscal.business', entityId: tin, before, after });
    return ok(after as Business);
  });
}

/**
 * A taxpayer by TIN. Officers see any; a business only itself; a TSC any, because entering a new
 * client's application fills the form from the registry (p.21) — but only the form's fields.
 */
export async function getBusiness(
  deps: FiscalDeps,
  actor: AccountPrincipal,
  tin: string,
): Promise<Result<Business & { mustUseRegister: boolean }, Failure<'BUSINESS_NOT_FOUND'>>> {
  const scope = scopeOf(actor);
  if (scope.kind === 'none' || (scope.kind === 'business' && scope.tin !== tin)) return fail('BUSINESS_NOT_FOUND');
  const [b] = await deps.database.db.select().from(businesses).where(eq(businesses.tin, tin));
  if (!b) return fail('BUSINESS_NOT_FOUND');
  return ok({ ...b, mustUseRegister: mustUseRegister(b) });
}

/** Taxpayers: all for officers; a TSC's clients (with a register or an application there) for a TSC. */
export async function listBusinesses(deps: FiscalDeps, actor: AccountPrincipal, f: { readonly q?: string; readonly limit?: number }) {
  const scope = scopeOf(actor);
  const db = deps.database.db;
  let clientTins: string[] | undefined;
  if (scope.kind === 'tsc') {
    const [a, r] = await Promise.all([
      db.selectDistinct({ tin: applications.businessTin }).from(applications).where(eq(applications.tscId, scope.tscId)),
      db.selectDistinct({ tin: registers.businessTin }).from(registers).where(eq(registers.tscId, scope.tscId)),
    ]);
    clientTins = [...new Set([...a, ...r].map((x) => x.tin))];
    if (clientTins.length === 0) return [];
  } else if (scope.kind === 'business') {
    clientTins = [scope.tin];
  } else if (scope.kind === 'none') {
    return [];
  }
  const q = f.q?.trim();
  return db
    .select()
    .from(businesses)
    .where(
      and(
        clientTins ? inArray(businesses.tin, clientTins) : undefined,
        q ? or(eq(businesses.tin, q), ilike(businesses.name, `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)) : undefined,
      ),
    )
    .orderBy(asc(businesses.name))
    .limit(f.limit ?? 50);
}

export async function listInspectorates(deps: FiscalDeps) {
  return deps.database.db.select().from(inspectorates).orderBy(asc(inspectorates.code));
}
