import { and, count, desc, eq } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { ApplicationKind, ApplicationStatus } from '../domain/types.ts';
import { applications, attachments } from '../infrastructure/schema.ts';
import type { Application } from './application-notices.ts';
import type { FiscalDeps } from './deps.ts';
import { isVisible, scopeCondition, scopeOf } from './scope.ts';

export type ApplicationFilter = {
  readonly status?: ApplicationStatus;
  readonly kind?: ApplicationKind;
  readonly tin?: string;
  readonly limit?: number;
  readonly offset?: number;
};

/** Applications visible to the caller, newest first: officers see all, a TSC its own, a business its own. */
export async function listApplications(deps: FiscalDeps, actor: AccountPrincipal, f: ApplicationFilter) {
  const where = and(
    scopeCondition(scopeOf(actor), { tin: applications.businessTin, tscId: applications.tscId }),
    f.status ? eq(applications.status, f.status) : undefined,
    f.kind ? eq(applications.kind, f.kind) : undefined,
    f.tin ? eq(applications.businessTin, f.tin) : undefined,
  );
  const db = deps.database.db;
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(applications)
      .where(where)
      .orderBy(desc(applications.receivedAt), desc(applications.id))
      .limit(f.limit ?? 50)
      .offset(f.offset ?? 0),
    db.select({ n: count() }).from(applications).where(where),
  ]);
  return { items, total: Number(total?.n ?? 0) };
}

export type ApplicationDetail = Application & {
  readonly attachments: readonly { id: string; kind: string; fileName: string; mediaType: string; sizeBytes: number; sha256: string; sheets: number | null }[];
};

export async function getApplication(
  deps: FiscalDeps,
  actor: AccountPrincipal,
  id: string,
): Promise<Result<ApplicationDetail, Failure<'APPLICATION_NOT_FOUND'>>> {
  const db = deps.database.db;
  const [a] = await db.select().from(applications).where(eq(applications.id, id));
  if (!a || !isVisible(scopeOf(actor), { tin: a.businessTin, tscId: a.tscId })) return fail('APPLICATION_NOT_FOUND');
  const files = await db
    .select({
      id: attachments.id,
      kind: attachments.kind,
      fileName: attachments.fileName,
      mediaType: attachments.mediaType,
      sizeBytes: attachments.sizeBytes,
      sha256: attachments.sha256,
      sheets: attachments.sheets,
    })
    .from(attachments)
    .where(and(eq(attachments.ownerType, 'application'), eq(attachments.ownerId, id)));
  return ok({ ...a, attachments: files });
}

/** One attachment's bytes, for a caller who may see its application. */
export async function getApplicationAttachment(deps: FiscalDeps, actor: AccountPrincipal, id: string, attachmentId: string) {
  const found = await getApplication(deps, actor, id);
  if (!found.ok) return found;
  const [file] = await deps.database.db
    .select()
    .from(attachments)
    .where(and(eq(attachments.id, attachmentId), eq(attachments.ownerType, 'application'), eq(attachments.ownerId, id)));
  if (!file) return fail('APPLICATION_NOT_FOUND' as const);
  return ok({ fileName: file.fileName, mediaType: file.mediaType, content: Buffer.from(file.contentBase64, 'base64') });
}
