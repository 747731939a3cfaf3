import { and, eq } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { transact } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { notify } from '../../../platform/notifications.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { ExitErrorCode } from '../domain/exit-errors.ts';
import { isAfterRelease, retainUntil } from '../domain/retention.ts';
import { declarations, documentFiles } from '../infrastructure/declaration.schema.ts';
import { type RetentionRow, retentionDocuments } from '../infrastructure/exit-statistics.schema.ts';
import { documentTypes } from '../infrastructure/schema.ts';
import { actorOf, type CustomsDeps } from './deps.ts';
import { inForceOn } from './exit-queries.ts';

export type OriginalInput = {
  readonly declarationNumber: string;
  readonly documentType: string;
  readonly documentNumber: string;
  readonly documentDate?: string;
  readonly issuer: string;
  /** SHA-256 of the electronic copy made on receipt (uploaded through POST /api/customs/documents), kept with the record. */
  readonly copySha256?: string;
};

/**
 * Art.361 p.3 as amended (CUS-REG-09): customs records an original of a document of art.361 it
 * received after release. The record — and the copy made on receipt — is kept for five years from
 * the day the declaration was registered (`retainUntil`); the original itself goes back to the
 * declarant (POST …/return), who is told it was received.
 */
export async function receiveOriginal(
  deps: CustomsDeps,
  officer: AccountPrincipal,
  input: OriginalInput,
): Promise<Result<RetentionRow, Failure<ExitErrorCode>>> {
  const now = deps.clock.now();
  return transact(deps.database.db, async (tx) => {
    const [d] = await tx.select().from(declarations).where(eq(declarations.number, input.declarationNumber));
    if (!d || d.acceptedOn === null) return fail('RETENTION_DECLARATION_NOT_FOUND', 'body.declarationNumber');
    if (!isAfterRelease(d.releasedAt, now)) return fail('RETENTION_NOT_AFTER_RELEASE', 'body.declarationNumber', { state: d.state });
    const [type] = await tx
      .select({ code: documentTypes.code })
      .from(documentTypes)
      .where(and(eq(documentTypes.code, input.documentType), inForceOn(documentTypes, dushanbeDate(now))));
    if (!type) return fail('RETENTION_DOCUMENT_TYPE_UNKNOWN', 'body.documentType');
    if (input.copySha256) {
      const [copy] = await tx.select({ sha256: documentFiles.sha256 }).from(documentFiles).where(eq(documentFiles.sha256, input.copySha256));
      if (!copy) return fail('RETENTION_COPY_NOT_FOUND', 'body.copySha256');
    }
    const [row] = await tx
      .insert(retentionDocuments)
      .values({
        id: uuidv7(now.getTime()),
        declarationId: d.id,
        declarationNumber: input.declarationNumber,
        registeredOn: d.acceptedOn,
        retainUntil: retainUntil(d.acceptedOn),
        documentType: input.documentType,
        documentNumber: input.documentNumber,
        documentDate: input.documentDate ?? null,
        issuer: input.issuer,
        copySha256: input.copySha256 ?? null,
        receivedAt: now,
        receivedBy: actorOf(officer),
      })
      .returning();
    if (!row) throw new Error('original not recorded');
    await appendAudit(tx, now, {
      actor: actorOf(officer),
      action: 'customs.original_received',
      entity: 'customs.retention_document',
      entityId: row.id,
      after: { declarationNumber: row.declarationNumber, documentType: row.documentType, retainUntil: row.retainUntil },
    });
    await notify(tx, now, {
      recipient: { kind: 'business', id: d.declarantCode },
      kind: 'customs_original_received',
      title: {
        tg: `Ҳуҷҷати аслӣ қабул шуд: эъломияи № ${d.number}`,
        ru: `Получен оригинал документа: декларация № ${d.number}`,
        en: `Original received: declaration No ${d.number}`,
      },
      body: {
        tg: `${input.documentType} № ${input.documentNumber} ба шумо баргардонида мешавад (м.361 қ.3).`,
        ru: `${input.documentType} № ${input.documentNumber} будет возвращён вам (ст.361 ч.3).`,
        en: `${input.documentType} No ${input.documentNumber} will be returned to you (art.361 p.3).`,
      },
      subject: { type: 'customs_declaration', id: d.id },
    });
    return ok(row);
  });
}
