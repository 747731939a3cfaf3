import { and, asc, desc, eq } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import type { Db } from '../../../platform/db.ts';
import { fail, ok, type Result } from '../../../platform/result.ts';
import type { SamplePermissionState } from '../domain/sample-permissions.ts';
import { type SamplePermissionRow, samplePermissions } from '../infrastructure/sample.schema.ts';
import type { CustomsDeps } from './deps.ts';
import { readDeclaration } from './declaration-store.ts';
import type { SampleRefusal } from './sample-request.ts';

/** The permissions asked for a declaration, oldest first; whoever may read the declaration may read them. */
export async function listSamplePermissions(
  deps: CustomsDeps,
  viewer: AccountPrincipal,
  declarationId: string,
): Promise<Result<SamplePermissionRow[], SampleRefusal>> {
  const db = deps.database.db;
  const declaration = await readDeclaration(db, viewer, declarationId);
  if (!declaration.ok) return declaration;
  return ok(await db.select().from(samplePermissions).where(eq(samplePermissions.declarationId, declarationId)).orderBy(asc(samplePermissions.requestedAt)));
}

/** One permission; another declarant's reads as not found. */
export async function getSamplePermission(deps: CustomsDeps, viewer: AccountPrincipal, number: string): Promise<Result<SamplePermissionRow, SampleRefusal>> {
  const db = deps.database.db;
  const [row] = await db.select().from(samplePermissions).where(eq(samplePermissions.number, number));
  if (!row || !(await readDeclaration(db, viewer, row.declarationId)).ok) return fail('SAMPLE_PERMISSION_NOT_FOUND', 'params.number');
  return ok(row);
}

/** Customs' work queue: permissions by state and office, newest first. */
export async function samplePermissionQueue(deps: CustomsDeps, q: { readonly state?: SamplePermissionState; readonly officeCode?: string }) {
  return deps.database.db
    .select()
    .from(samplePermissions)
    .where(and(q.state ? eq(samplePermissions.state, q.state) : undefined, q.officeCode ? eq(samplePermissions.officeCode, q.officeCode) : undefined))
    .orderBy(desc(samplePermissions.requestedAt))
    .limit(500);
}

/** The lines of every granted permission of a declaration (in the caller's transaction). */
export async function grantedSampleLines(tx: Db, declarationId: string) {
  const granted = await tx
    .select({ lines: samplePermissions.lines })
    .from(samplePermissions)
    .where(and(eq(samplePermissions.declarationId, declarationId), eq(samplePermissions.state, 'GRANTED')));
  return granted.flatMap((g) => g.lines);
}
