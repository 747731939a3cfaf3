import { eq, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { AccountPrincipal } from '../../../platform/auth.ts';

/** What part of the registries a caller may see: a business its own TIN, a TSC its own clients. */
export type Scope =
  | { readonly kind: 'all' }
  | { readonly kind: 'business'; readonly tin: string }
  | { readonly kind: 'tsc'; readonly tscId: string }
  | { readonly kind: 'none' };

export function scopeOf(p: AccountPrincipal): Scope {
  switch (p.role) {
    case 'operator_admin':
    case 'tax_officer':
      return { kind: 'all' };
    case 'business':
      return p.tin ? { kind: 'business', tin: p.tin } : { kind: 'none' };
    case 'tsc_specialist':
      return p.orgId ? { kind: 'tsc', tscId: p.orgId } : { kind: 'none' };
    default:
      return { kind: 'none' };
  }
}

/** The SQL condition for a table with a business TIN column and a TSC column; `undefined` means no limit. */
export function scopeCondition(scope: Scope, columns: { readonly tin: PgColumn; readonly tscId: PgColumn }): SQL | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'business':
      return eq(columns.tin, scope.tin);
    case 'tsc':
      return eq(columns.tscId, scope.tscId);
    case 'none':
      return eq(columns.tin, '\u0000');
  }
}

/** Whether a row with this TIN and TSC is visible in the scope. */
export const isVisible = (scope: Scope, row: { readonly tin: string; readonly tscId: string }): boolean =>
  scope.kind === 'all' || (scope.kind === 'business' && scope.tin === row.tin) || (scope.kind === 'tsc' && scope.tscId === row.tscId);
