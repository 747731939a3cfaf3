import { X509Certificate } from 'node:crypto';
import { and, desc, eq, inArray, or } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { transact } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { fail, ok, type Result } from '../../../platform/result.ts';
import type { DeclarationState } from '../domain/declaration.ts';
import { type DeclarationRow, declarations, documentFiles, trustedIssuers } from '../infrastructure/declaration.schema.ts';
import { actorOf, type CustomsDeps } from './deps.ts';
import { sha256Hex } from './declaration-signature.ts';
import { isStaff, type Refusal } from './declaration-store.ts';

const MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'application/xml', 'text/xml'];

/**
 * Art.63 p.9, art.127 p.1 i.5 (CUS-DOC-10, CUS-DEC-21): an electronic copy of a document, kept by
 * its SHA-256; the declaration names it by that hash and the signature over the declaration
 * covers it. The same file uploaded twice is one file.
 */
export async function uploadDocument(
  deps: CustomsDeps,
  actor: AccountPrincipal,
  input: { readonly fileName: string; readonly mediaType: string; readonly contentBase64: string },
): Promise<Result<{ sha256: string; size: number }, Refusal>> {
  const content = Buffer.from(input.contentBase64, 'base64');
  if (content.length === 0 || content.length > deps.declarations.maxDocumentBytes)
    return fail('DECLARATION_DOCUMENT_INVALID', 'body.contentBase64', { size: content.length });
  if (!MEDIA_TYPES.includes(input.mediaType)) return fail('DECLARATION_DOCUMENT_INVALID', 'body.mediaType', { allowed: MEDIA_TYPES });
  const sha256 = sha256Hex(content);
  const now = deps.clock.now();
  await deps.database.db
    .insert(documentFiles)
    .values({ sha256, content, mediaType: input.mediaType, fileName: input.fileName, uploadedBy: actorOf(actor), uploadedAt: now })
    .onConflictDoNothing();
  return ok({ sha256, size: content.length });
}

/** The file of a document named in a declaration the reader may see. */
export async function documentFile(deps: CustomsDeps, actor: AccountPrincipal, row: DeclarationRow, sha256: string) {
  if (!row.data.documents.some((d) => d.sha256 === sha256)) return undefined;
  const [file] = await deps.database.db.select().from(documentFiles).where(eq(documentFiles.sha256, sha256));
  return file && (isStaff(actor) || row.filerTin === actor.tin || row.declarantCode === actor.tin) ? file : undefined;
}

export type ListFilter = {
  readonly state?: DeclarationState;
  readonly officeCode?: string;
  /** The lane of the risk management system (the officers' queue per lane). */
  readonly lane?: string;
  readonly limit?: number;
  readonly offset?: number;
};

/** The declarant's and broker's own declarations; for customs, the work queue of an office by state (oldest registered first). */
export async function listDeclarations(deps: CustomsDeps, actor: AccountPrincipal, filter: ListFilter): Promise<DeclarationRow[]> {
  const conditions = [];
  if (!isStaff(actor)) {
    const tin = actor.tin ?? '-';
    conditions.push(or(eq(declarations.filerTin, tin), eq(declarations.declarantCode, tin)));
  }
  if (filter.state) conditions.push(eq(declarations.state, filter.state));
  else if (isStaff(actor))
    conditions.push(
      inArray(declarations.state, [
        'REGISTERED',
        'UNDER_CONTROL',
        'AMENDMENT_REQUESTED',
        'AMENDMENT_DEMANDED',
        'WITHDRAWAL_REQUESTED',
        'WITHDRAWAL_DUE',
        'RELEASE_SUSPENDED',
        'PRELIMINARY_REGISTERED',
      ]),
    );
  if (filter.officeCode) conditions.push(eq(declarations.officeCode, filter.officeCode));
  if (filter.lane) conditions.push(eq(declarations.riskLane, filter.lane));
  return deps.database.db
    .select()
    .from(declarations)
    .where(and(...conditions))
    .orderBy(isStaff(actor) ? declarations.releaseDueAt : desc(declarations.createdAt))
    .limit(filter.limit ?? 50)
    .offset(filter.offset ?? 0);
}

/** Art.124 p.8 (CUS-DEC-08): customs adds an issuer whose certificates may sign declarations. */
export async function addTrustedIssuer(
  deps: CustomsDeps,
  actor: AccountPrincipal,
  input: { readonly name: string; readonly certificatePem: string },
): Promise<Result<{ id: string; sha256: string }, Refusal>> {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(input.certificatePem);
  } catch {
    return fail('TRUSTED_ISSUER_INVALID', 'body.certificatePem');
  }
  const now = deps.clock.now();
  if (!cert.ca || now > new Date(cert.validTo)) return fail('TRUSTED_ISSUER_INVALID', 'body.certificatePem', { isCa: cert.ca, validTo: cert.validTo });
  const sha256 = sha256Hex(cert.raw);
  return transact(deps.database.db, async (tx) => {
    const id = uuidv7(now.getTime());
    const [row] = await tx
      .insert(trustedIssuers)
      .values({ id, name: input.name, certificatePem: cert.toString(), sha256, addedBy: actorOf(actor), addedAt: now })
      .onConflictDoNothing()
      .returning();
    if (!row) return ok({ id: (await tx.select().from(trustedIssuers).where(eq(trustedIssuers.sha256, sha256)))[0]?.id ?? id, sha256 });
    await appendAudit(tx, now, {
      actor: actorOf(actor),
      action: 'customs.trusted_issuer_added',
      entity: 'customs.trusted_issuer',
      entityId: id,
      after: { name: input.name, sha256 },
    });
    return ok({ id, sha256 });
  });
}
