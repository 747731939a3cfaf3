import { eq } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit.ts';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { transact } from '../../../platform/db.ts';
import { notify } from '../../../platform/notifications.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { groundsOf } from '../domain/registration.ts';
import { applications, inspectorates } from '../infrastructure/schema.ts';
import { applicationNotice, type Application } from './application-notices.ts';
import { type CompleteError, completeApplication } from './apply-application.ts';
import { actorOf, dueAt, type FiscalDeps, meetDeadlines, openDeadline } from './deps.ts';

export type StudyResult = { readonly isDiscrepancyConfirmed: boolean; readonly note: string };

/**
 * The local tax authority's study of a discrepancy (p.24) or the check of a deregistration
 * (p.33; a visit if needed). A confirmed discrepancy refuses the application on p.26 (2) with the
 * findings as exact grounds and notifies the TSC and the business (p.27); otherwise the
 * application is completed.
 */
export async function studyApplication(
  deps: FiscalDeps,
  actor: AccountPrincipal,
  id: string,
  study: StudyResult,
): Promise<Result<Application, Failure<'APPLICATION_NOT_FOUND' | 'APPLICATION_NOT_UNDER_STUDY' | CompleteError>>> {
  const now = deps.clock.now();
  return transact(deps.database.db, async (tx) => {
    const [a] = await tx.select().from(applications).where(eq(applications.id, id)).for('update');
    if (!a) return fail('APPLICATION_NOT_FOUND');
    if (a.status !== 'under_study') return fail('APPLICATION_NOT_UNDER_STUDY');
    const subject = { type: 'application', id };
    await meetDeadlines(tx, subject, ['DISCREPANCY_STUDY', 'DEREGISTRATION_SITE_CHECK'], now);
    await tx.update(applications).set({ studyNote: study.note }).where(eq(applications.id, id));
    const studied = { ...a, studyNote: study.note };
    if (!study.isDiscrepancyConfirmed) {
      await appendAudit(tx, now, {
        actor: actorOf(actor),
        action: 'application.discrepancy_cleared',
        entity: 'fiscal.application',
        entityId: id,
        before: a,
        after: studied,
      });
      return completeApplication(tx, deps, studied, actorOf(actor), now);
    }
    const grounds = [...groundsOf(a.findings), { code: 'DATA_DISCREPANCY' as const, ref: 'p.26 (2)', detail: study.note }];
    const [refused] = await tx
      .update(applications)
      .set({ status: 'refused', decidedAt: now, decidedBy: actorOf(actor), refusalGrounds: grounds })
      .where(eq(applications.id, id))
      .returning();
    const [inspectorate] = await tx.select().from(inspectorates).where(eq(inspectorates.code, a.form.inspectorateCode));
    const office = inspectorate?.officeCode ?? 'default';
    await openDeadline(tx, {
      kind: 'REFUSAL_NOTICE',
      subject,
      responsible: { kind: 'inspectorate', id: a.form.inspectorateCode },
      startsAt: now,
      dueAt: dueAt(deps.calendar(), 'REFUSAL_NOTICE', now, office),
      metAt: now,
    });
    await notify(tx, now, ...applicationNotice(refused as Application, 'refused'));
    await appendAudit(tx, now, { actor: actorOf(actor), action: 'application.refused', entity: 'fiscal.application', entityId: id, before: a, after: refused });
    return ok(refused as Application);
  });
}
