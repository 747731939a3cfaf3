import { eq } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { transact } from '../../../platform/db.ts';
import { notify } from '../../../platform/notifications.ts';
import { fail, ok, type Result } from '../../../platform/result.ts';
import { type SamplePermissionRow, samplePermissions } from '../infrastructure/sample.schema.ts';
import { actorOf, type CustomsDeps } from './deps.ts';
import type { SampleRefusal } from './sample-request.ts';

export type SampleDecisionInput = { readonly decision: 'grant' | 'refuse'; readonly reason?: string };

/**
 * Art.127 p.1 i.2 (CUS-DEC-18): customs grants or refuses (with its reason) the permission to take
 * samples, once; the declarant is told either way.
 */
export async function decideSamplePermission(
  deps: CustomsDeps,
  actor: AccountPrincipal,
  number: string,
  input: SampleDecisionInput,
): Promise<Result<SamplePermissionRow, SampleRefusal>> {
  const isGrant = input.decision === 'grant';
  if (!isGrant && !input.reason?.trim()) return fail('SAMPLE_REFUSAL_REASON_REQUIRED', 'body.reason');
  const now = deps.clock.now();
  return transact(deps.database.db, async (tx) => {
    const [found] = await tx.select().from(samplePermissions).where(eq(samplePermissions.number, number)).for('update');
    if (!found) return fail('SAMPLE_PERMISSION_NOT_FOUND', 'params.number');
    if (found.state !== 'REQUESTED') return fail('SAMPLE_PERMISSION_DECIDED', 'params.number', { state: found.state });
    const [row] = await tx
      .update(samplePermissions)
      .set({ state: isGrant ? 'GRANTED' : 'REFUSED', decidedBy: actorOf(actor), decidedAt: now, decisionReason: input.reason ?? null })
      .where(eq(samplePermissions.id, found.id))
      .returning();
    if (!row) throw new Error('sample permission not updated');
    await notify(tx, now, {
      recipient: { kind: 'business', id: row.declarantCode },
      kind: isGrant ? 'customs_sample_permission_granted' : 'customs_sample_permission_refused',
      title: isGrant
        ? {
            tg: `Гирифтани намунаҳо иҷозат дода шуд (№ ${row.number})`,
            ru: `Взятие проб и образцов разрешено (№ ${row.number})`,
            en: `Taking samples is permitted (No ${row.number})`,
          }
        : {
            tg: `Дар гирифтани чошнӣ ва намунаҳо рад карда шуд (№ ${row.number})`,
            ru: `Во взятии проб и образцов отказано (№ ${row.number})`,
            en: `Taking samples is refused (No ${row.number})`,
          },
      body: isGrant
        ? {
            tg: 'Чошнӣ ва намунаҳоро ҳамчун сатрҳои ҳамин эъломия нишон диҳед (м.127 қ.1 б.2).',
            ru: 'Укажите пробы и образцы строками этой же декларации (ст.127 ч.1 п.2).',
            en: 'State the samples as lines of the same declaration (art.127 p.1 i.2).',
          }
        : { tg: input.reason ?? '', ru: input.reason ?? '', en: input.reason ?? '' },
      subject: { type: 'customs_sample_permission', id: row.number },
    });
    await appendAudit(tx, now, {
      actor: actorOf(actor),
      action: isGrant ? 'customs.sample_permission_granted' : 'customs.sample_permission_refused',
      entity: 'customs.sample_permission',
      entityId: row.id,
      after: { state: row.state, reason: row.decisionReason },
    });
    return ok(row);
  });
}
