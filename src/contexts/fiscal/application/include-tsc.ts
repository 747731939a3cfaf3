import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit.ts';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { sqlState, UNIQUE_VIOLATION } from '../../../platform/db.ts';
import { format } from '../../../platform/i18n.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { notify } from '../../../platform/notifications.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { checkApplicant, checkInclusion, missingTscAttachments } from '../domain/tsc-registry.ts';
import { attachments, tscApplications, tscs } from '../infrastructure/schema.ts';
import { actorOf, type FiscalDeps, meetDeadlines } from './deps.ts';
import { type TscApplicationView, loadTscApplicationView } from './list-tsc-applications.ts';
import type { Tsc } from './list-tscs.ts';

const DECISION = {
  title: {
    tg: 'Қарор дар бораи ворид намудан ба феҳристи давлатии МХТ',
    ru: 'Решение о включении в государственный реестр ЦТО',
    en: 'Decision to include the TSC in the state registry',
  },
  body: {
    tg: 'Нусхаи қарор № {decision} аз {date}: «{name}» (РМА {tin}) ба Феҳристи давлатии марказҳои хизматрасонии техникӣ ворид карда шуд (б.102, б.104). Дастрасӣ ба низоми иттилооти андоз фаъол аст.',
    ru: 'Копия решения № {decision} от {date}: «{name}» (ИНН {tin}) включён в государственный реестр центров технического обслуживания (п.102, п.104). Доступ к налоговой информационной системе открыт.',
    en: 'Copy of decision No {decision} of {date}: "{name}" (TIN {tin}) is included in the state registry of technical service centres (p.102, p.104). Access to the tax information system is open.',
  },
};

/**
 * p.102, p.104 (FIS-TSC-12, FIS-TSC-15): the authorised body includes the TSC in the state registry
 * and gives the applicant a copy of the decision (here, in its personal cabinet). The registry entry
 * is published at once (p.84) and its access to the TIS is open (p.54).
 */
export async function includeTsc(
  deps: FiscalDeps,
  actor: AccountPrincipal,
  id: string,
  input: { readonly decisionNumber: string },
): Promise<
  Result<
    TscApplicationView,
    Failure<'TSC_APPLICATION_NOT_FOUND' | 'TSC_APPLICATION_DECIDED' | 'TSC_DOCUMENTS_INCOMPLETE' | 'TSC_BARRED' | 'TSC_ALREADY_INCLUDED'>
  >
> {
  const now = deps.clock.now();
  try {
    return await deps.database.db.transaction(async (tx) => {
      const [before] = await tx.select().from(tscApplications).where(eq(tscApplications.id, id)).for('update');
      if (!before) return fail('TSC_APPLICATION_NOT_FOUND');
      const kinds = await tx
        .select({ kind: attachments.kind })
        .from(attachments)
        .where(and(eq(attachments.ownerType, 'tsc_application'), eq(attachments.ownerId, id)));
      const missing = missingTscAttachments(kinds.map((k) => k.kind));
      const refusal = checkInclusion(before.status, missing);
      if (refusal) return fail(refusal, undefined, refusal === 'TSC_DOCUMENTS_INCOMPLETE' ? { missing } : undefined);
      const registry = await tx.select({ status: tscs.status }).from(tscs).where(eq(tscs.tin, before.applicantTin));
      const standing = checkApplicant({ registryStatuses: registry.map((r) => r.status), hasPendingApplication: false });
      if (standing === 'TSC_BARRED' || standing === 'TSC_ALREADY_INCLUDED') return fail(standing);

      const tsc: Tsc = {
        id: uuidv7(now.getTime()),
        tin: before.applicantTin,
        name: before.name,
        headName: before.headName,
        address: before.address,
        phone: before.phone,
        website: before.website,
        callCentrePhone: before.callCentrePhone,
        status: 'included',
        access: 'active',
        accessDecision: null,
        includedAt: now,
        decisionNumber: input.decisionNumber,
        applicationId: id,
        removedAt: null,
        removalGround: null,
        removalDecision: null,
      };
      await tx.insert(tscs).values(tsc);
      const [after] = await tx
        .update(tscApplications)
        .set({ status: 'included', decidedAt: now, decidedBy: actorOf(actor), decisionNumber: input.decisionNumber, tscId: tsc.id })
        .where(eq(tscApplications.id, id))
        .returning();
      await meetDeadlines(tx, { type: 'tsc_application', id }, ['TSC_DECISION', 'TSC_SITE_CHECK'], now);
      await appendAudit(
        tx,
        now,
        { actor: actorOf(actor), action: 'tsc_application.included', entity: 'fiscal.tsc_application', entityId: id, before, after },
        { actor: actorOf(actor), action: 'tsc.included', entity: 'fiscal.tsc', entityId: tsc.id, after: tsc },
      );
      await notify(tx, now, {
        recipient: { kind: 'business', id: before.applicantTin },
        kind: 'tsc_application.included',
        title: DECISION.title,
        body: format(DECISION.body, { decision: input.decisionNumber, date: dushanbeDate(now), name: tsc.name, tin: tsc.tin }),
        subject: { type: 'tsc', id: tsc.id },
      });
      return ok((await loadTscApplicationView(tx, id)) as TscApplicationView);
    });
  } catch (error) {
    // Another application of the same TIN was included meanwhile (tscs_active_tin_idx).
    if (sqlState(error) === UNIQUE_VIOLATION) return fail('TSC_ALREADY_INCLUDED');
    throw error;
  }
}
