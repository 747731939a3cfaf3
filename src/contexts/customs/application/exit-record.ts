import { and, eq } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { transact } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { ExitErrorCode } from '../domain/exit-errors.ts';
import { declarations } from '../infrastructure/declaration.schema.ts';
import { type ExitRecordRow, exitRecords } from '../infrastructure/exit-statistics.schema.ts';
import { offices } from '../infrastructure/schema.ts';
import { actorOf, type CustomsDeps } from './deps.ts';
import { inForceOn } from './exit-queries.ts';

export type ExitInput = {
  readonly officeCode: string;
  /** ISO instant the goods crossed (at most now). */
  readonly exitedAt: string;
  readonly transport: { readonly mode: string; readonly vehicles: readonly string[] };
  readonly declarationNumber?: string;
  readonly transportDocument?: { readonly typeCode: string; readonly number: string };
  readonly goods?: { readonly exporterCode: string; readonly commodityCodes: readonly string[]; readonly description?: string };
};

const RELEASED = ['RELEASED', 'CONDITIONALLY_RELEASED'];

/**
 * Art.129 p.3, art.134 p.3 (CUS-DEC-29, CUS-DEC-53): an officer of a border customs office records
 * that goods actually left the customs territory: the office, the time, the vehicles, and what
 * left — a released export declaration (whose exit is then set, closing its withdrawal), the
 * transport document the goods travelled under, or the exporter and the commodity codes.
 */
export async function recordExitData(deps: CustomsDeps, actor: AccountPrincipal, input: ExitInput): Promise<Result<ExitRecordRow, Failure<ExitErrorCode>>> {
  const now = deps.clock.now();
  const exitedAt = new Date(input.exitedAt);
  if (Number.isNaN(exitedAt.getTime()) || exitedAt.getTime() > now.getTime()) return fail('EXIT_TIME_INVALID', 'body.exitedAt');
  if (!input.declarationNumber && !input.transportDocument && !input.goods) return fail('EXIT_REFERENCE_REQUIRED', 'body');
  return transact(deps.database.db, async (tx) => {
    const [office] = await tx
      .select({ kind: offices.kind })
      .from(offices)
      .where(and(eq(offices.code, input.officeCode), inForceOn(offices, dushanbeDate(exitedAt))));
    if (office?.kind !== 'border') return fail('EXIT_OFFICE_NOT_BORDER', 'body.officeCode', { officeCode: input.officeCode });
    if (input.declarationNumber) {
      const [d] = await tx.select().from(declarations).where(eq(declarations.number, input.declarationNumber)).for('update');
      if (!d) return fail('EXIT_DECLARATION_NOT_FOUND', 'body.declarationNumber');
      if (d.direction !== 'export' || !RELEASED.includes(d.state))
        return fail('EXIT_DECLARATION_NOT_RELEASED_EXPORT', 'body.declarationNumber', { state: d.state });
      // The first exit recorded is the actual exit: a withdrawal under art.134 p.3 ends here.
      if (d.exitedAt === null) {
        await tx.update(declarations).set({ exitedAt, updatedAt: now }).where(eq(declarations.id, d.id));
        await appendAudit(tx, now, { actor: actorOf(actor), action: 'customs.goods_exited', entity: 'customs.declaration', entityId: d.id });
      }
    }
    const [row] = await tx
      .insert(exitRecords)
      .values({
        id: uuidv7(now.getTime()),
        officeCode: input.officeCode,
        exitedAt,
        transportMode: input.transport.mode,
        vehicles: [...input.transport.vehicles],
        declarationNumber: input.declarationNumber ?? null,
        transportDocumentType: input.transportDocument?.typeCode ?? null,
        transportDocumentNumber: input.transportDocument?.number ?? null,
        exporterCode: input.goods?.exporterCode ?? null,
        commodityCodes: [...(input.goods?.commodityCodes ?? [])],
        description: input.goods?.description ?? '',
        recordedAt: now,
        recordedBy: actorOf(actor),
      })
      .returning();
    if (!row) throw new Error('exit not recorded');
    await appendAudit(tx, now, {
      actor: actorOf(actor),
      action: 'customs.exit_recorded',
      entity: 'customs.exit_record',
      entityId: row.id,
      after: { officeCode: row.officeCode, exitedAt: row.exitedAt.toISOString(), declarationNumber: row.declarationNumber },
    });
    return ok(row);
  });
}
