import { and, asc, desc, eq } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import type { Db } from '../../../platform/db.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { missingTscAttachments } from '../domain/tsc-registry.ts';
import type { TscApplicationStatus } from '../domain/types.ts';
import { attachments, tscApplications } from '../infrastructure/schema.ts';
import type { FiscalDeps } from './deps.ts';
import { DEFAULT_PAGE_SIZE, type DeadlineView, deadlinesOf, type Page } from './list-tscs.ts';

export type TscApplication = typeof tscApplications.$inferSelect;
export type AttachmentMeta = Omit<typeof attachments.$inferSelect, 'ownerType' | 'ownerId' | 'contentBase64'>;
export type Attachment = typeof attachments.$inferSelect;

/** An application with its documents (without their content), what p.100 still lacks, and its deadlines. */
export type TscApplicationView = TscApplication & {
  readonly attachments: readonly AttachmentMeta[];
  readonly missingAttachments: readonly string[];
  readonly deadlines: readonly DeadlineView[];
};

/** The files of one owner, without their content. */
export async function attachmentsOf(db: Db, ownerType: Attachment['ownerType'], ownerId: string): Promise<AttachmentMeta[]> {
  return db
    .select({
      id: attachments.id,
      kind: attachments.kind,
      fileName: attachments.fileName,
      mediaType: attachments.mediaType,
      sizeBytes: attachments.sizeBytes,
      sha256: attachments.sha256,
      sheets: attachments.sheets,
      createdAt: attachments.createdAt,
    })
    .from(attachments)
    .where(and(eq(attachments.ownerType, ownerType), eq(attachments.ownerId, ownerId)))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
}

export async function loadTscApplicationView(db: Db, id: string): Promise<TscApplicationView | undefined> {
  const [row] = await db.select().from(tscApplications).where(eq(tscApplications.id, id));
  if (!row) return undefined;
  const files = await attachmentsOf(db, 'tsc_application', id);
  return {
    ...row,
    attachments: files,
    missingAttachments: missingTscAttachments(files.map((f) => f.kind)),
    deadlines: await deadlinesOf(db, { type: 'tsc_application', id }),
  };
}

/** Staff of the authorised body and the operator see every application; a business only its own. */
function maySee(actor: AccountPrincipal, application: { readonly applicantTin: string }): boolean {
  if (actor.role === 'tax_officer' || actor.role === 'operator_admin') return true;
  return actor.role === 'business' && actor.tin === application.applicantTin;
}

export async function getTscApplication(
  deps: FiscalDeps,
  actor: AccountPrincipal,
  id: string,
): Promise<Result<TscApplicationView, Failure<'TSC_APPLICATION_NOT_FOUND'>>> {
  const view = await loadTscApplicationView(deps.database.db, id);
  return view && maySee(actor, view) ? ok(view) : fail('TSC_APPLICATION_NOT_FOUND');
}

/** One document of an application, with its content (for the officer who decides, or the applicant). */
export async function getTscApplicationAttachment(
  deps: FiscalDeps,
  actor: AccountPrincipal,
  id: string,
  attachmentId: string,
): Promise<Result<AttachmentMeta & { readonly contentBase64: string }, Failure<'TSC_APPLICATION_NOT_FOUND' | 'NOT_FOUND'>>> {
  const db = deps.database.db;
  const [application] = await db.select({ applicantTin: tscApplications.applicantTin }).from(tscApplications).where(eq(tscApplications.id, id));
  if (!application || !maySee(actor, application)) return fail('TSC_APPLICATION_NOT_FOUND');
  const [file] = await db
    .select()
    .from(attachments)
    .where(and(eq(attachments.id, attachmentId), eq(attachments.ownerType, 'tsc_application'), eq(attachments.ownerId, id)));
  if (!file) return fail('NOT_FOUND');
  const { ownerType: _t, ownerId: _o, ...rest } = file;
  return ok(rest);
}

/** Applications for inclusion, newest first: all of them for staff, its own for a business. */
export async function listTscApplications(
  deps: FiscalDeps,
  actor: AccountPrincipal,
  filter: { readonly status?: TscApplicationStatus; readonly applicantTin?: string } & Page,
): Promise<TscApplication[]> {
  const tin = actor.role === 'business' ? actor.tin : filter.applicantTin;
  if (actor.role === 'business' && (!actor.tin || (filter.applicantTin && filter.applicantTin !== actor.tin))) return [];
  if (actor.role !== 'business' && actor.role !== 'tax_officer' && actor.role !== 'operator_admin') return [];
  return deps.database.db
    .select()
    .from(tscApplications)
    .where(and(tin ? eq(tscApplications.applicantTin, tin) : undefined, filter.status ? eq(tscApplications.status, filter.status) : undefined))
    .orderBy(desc(tscApplications.receivedAt), desc(tscApplications.id))
    .limit(filter.limit ?? DEFAULT_PAGE_SIZE)
    .offset(filter.offset ?? 0);
}
