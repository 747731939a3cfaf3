import { asc, eq } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { ok, type Result } from '../../../platform/result.ts';
import { type LabResultRow, labResults } from '../infrastructure/sample.schema.ts';
import type { CustomsDeps } from './deps.ts';
import { readDeclaration } from './declaration-store.ts';
import type { LabResultRefusal } from './lab-result-record.ts';

/**
 * Art.127 p.1 i.4 (CUS-DEC-20): the results of the tests of samples of a declaration, oldest first,
 * for its declarant (and the broker filing for it) and customs; for anyone else the declaration
 * does not exist.
 */
export async function listLabResults(deps: CustomsDeps, viewer: AccountPrincipal, declarationId: string): Promise<Result<LabResultRow[], LabResultRefusal>> {
  const db = deps.database.db;
  const declaration = await readDeclaration(db, viewer, declarationId);
  if (!declaration.ok) return declaration;
  return ok(await db.select().from(labResults).where(eq(labResults.declarationId, declarationId)).orderBy(asc(labResults.recordedAt), asc(labResults.id)));
}
