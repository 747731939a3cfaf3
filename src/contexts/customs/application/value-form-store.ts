/** Reading value forms and the electronic copies they and the value communications name (art.361 p.2). */
import { and, asc, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import type { IsoDate } from '../../../platform/calendar/index.ts';
import type { Db } from '../../../platform/db.ts';
import type { Failure } from '../../../platform/result.ts';
import type { DeclarationErrorCode } from '../domain/declaration-errors.ts';
import type { ValueFormErrorCode } from '../domain/value-form-errors.ts';
import { documentFiles } from '../infrastructure/declaration.schema.ts';
import { valueCommunications, valueForms } from '../infrastructure/form-definition.schema.ts';
import { documentTypes } from '../infrastructure/schema.ts';

export type ValueRefusal = Failure<ValueFormErrorCode | DeclarationErrorCode>;

/** Which of these SHA-256 name an uploaded electronic copy. */
export async function uploadedAmong(db: Db, hashes: readonly string[]): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const found = await db
    .select({ sha256: documentFiles.sha256 })
    .from(documentFiles)
    .where(inArray(documentFiles.sha256, [...new Set(hashes)]));
  return new Set(found.map((f) => f.sha256));
}

/** The document types of the reference list in force on a day. */
export async function documentTypesOn(db: Db, day: IsoDate): Promise<Set<string>> {
  const rows = await db
    .select({ code: documentTypes.code })
    .from(documentTypes)
    .where(and(lte(documentTypes.validFrom, day), or(isNull(documentTypes.validTo), gte(documentTypes.validTo, day))));
  return new Set(rows.map((r) => r.code));
}

/** Every version of the declaration's value form, oldest first. */
export function valueFormVersions(db: Db, declarationId: string) {
  return db.select().from(valueForms).where(eq(valueForms.declarationId, declarationId)).orderBy(asc(valueForms.version));
}

/** The file of an electronic copy named by the declaration's value form (any version) or one of its value communications. */
export async function valueDocumentFile(db: Db, declarationId: string, sha256: string) {
  const forms = await valueFormVersions(db, declarationId);
  const sent = await db
    .select({ documents: valueCommunications.documents })
    .from(valueCommunications)
    .where(eq(valueCommunications.declarationId, declarationId));
  const isNamed = forms.some((f) => f.data.documents.some((d) => d.sha256 === sha256)) || sent.some((c) => c.documents.includes(sha256));
  if (!isNamed) return undefined;
  const [file] = await db.select().from(documentFiles).where(eq(documentFiles.sha256, sha256));
  return file;
}
