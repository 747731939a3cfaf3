import { and, asc, eq, type SQL } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db.ts';
import { format } from '../../../platform/i18n.ts';
import { notify } from '../../../platform/notifications.ts';
import type { EventHandler } from '../../../platform/outbox.ts';
import { registers } from '../infrastructure/schema.ts';
import { BRANCH_DEREGISTERED, type BranchDeregisteredEvent } from './deregister-branch.ts';
import { type FiscalDeps, meetDeadlines } from './deps.ts';
import { TSC_REMOVED, type TscRemovedEvent } from './remove-tsc.ts';

const TSC_NOTICE = {
  title: {
    tg: 'МХТ-и шумо аз феҳристи давлатӣ хориҷ шуд',
    ru: 'Ваш ЦТО исключён из государственного реестра',
    en: 'Your TSC has been removed from the state registry',
  },
  body: {
    tg: '«{tsc}», ки МНХ-и шуморо ({registers}) хизмат мерасонад, бо қарори № {decision} аз феҳристи давлатии МХТ хориҷ карда шуд (б.106-108). Барои хизматрасонӣ МХТ-и дигарро аз феҳристи интишоршуда интихоб намоед.',
    ru: '«{tsc}», обслуживающий вашу ККМ ({registers}), исключён из государственного реестра ЦТО решением № {decision} (п.106-108). Выберите для обслуживания другой ЦТО из опубликованного реестра.',
    en: '"{tsc}", which services your cash registers ({registers}), was removed from the state registry of TSCs by decision No {decision} (p.106-108). Choose another TSC from the published registry.',
  },
};
const BRANCH_NOTICE = {
  title: { tg: 'Филиали МХТ аз қайд бароварда шуд', ru: 'Филиал ЦТО снят с учёта', en: 'The TSC branch has been deregistered' },
  body: {
    tg: 'Филиали «{branch}», ки МНХ-и шуморо ({registers}) хизмат мерасонад, аз қайд бароварда шуд (б.117, б.120). Барои хизматрасонӣ ба МХТ ё филиали дигари бақайдгирифташуда муроҷиат намоед.',
    ru: 'Филиал «{branch}», обслуживающий вашу ККМ ({registers}), снят с учёта (п.117, п.120). Обратитесь в другой зарегистрированный ЦТО или филиал.',
    en: 'Branch "{branch}", which services your cash registers ({registers}), has been deregistered (p.117, p.120). Turn to another registered TSC or branch.',
  },
};

/** Registry numbers of the registered registers matching `where`, grouped by business. */
async function servedBusinesses(tx: Db, where: SQL): Promise<Map<string, string[]>> {
  const rows = await tx
    .select({ tin: registers.businessTin, number: registers.registryNumber })
    .from(registers)
    .where(and(where, eq(registers.status, 'registered')))
    .orderBy(asc(registers.businessTin), asc(registers.registryNumber));
  const byTin = new Map<string, string[]>();
  for (const r of rows) byTin.set(r.tin, [...(byTin.get(r.tin) ?? []), r.number]);
  return byTin;
}

/**
 * The operator's notices to the personal cabinets of the businesses a TSC or branch served: after
 * the TSC's removal (p.108, FIS-TSC-22; its branches' businesses are told in the same notice) and
 * after a branch's deregistration (p.120, FIS-BRN-12), each within 3 days. Sending meets the
 * deadline stored when the event was published. A factory, because the notice time is the
 * worker's clock. Repeats are dropped by the worker's processed-event ledger.
 */
export function tscNoticeHandlers(deps: FiscalDeps): EventHandler[] {
  return [
    {
      name: 'fiscal.notifyBusinessesOfTscRemoval',
      topic: TSC_REMOVED,
      handle: async (tx, event) => {
        const e = event.payload as TscRemovedEvent;
        const now = deps.clock.now();
        const served = await servedBusinesses(tx, eq(registers.tscId, e.tscId));
        await notify(
          tx,
          now,
          ...[...served].map(([tin, numbers]) => ({
            recipient: { kind: 'business' as const, id: tin },
            kind: 'tsc.removed_business_notice',
            title: TSC_NOTICE.title,
            body: format(TSC_NOTICE.body, { tsc: e.tscName, decision: e.decisionNumber, registers: numbers.join(', ') }),
            subject: { type: 'tsc', id: e.tscId },
          })),
        );
        await meetDeadlines(tx, { type: 'tsc', id: e.tscId }, ['TSC_REMOVAL_BUSINESS_NOTICE'], now);
        for (const branchId of e.branchIds) await meetDeadlines(tx, { type: 'branch', id: branchId }, ['BRANCH_DEREGISTRATION_BUSINESS_NOTICE'], now);
        await appendAudit(tx, now, {
          actor: 'system',
          action: 'tsc.businesses_notified',
          entity: 'fiscal.tsc',
          entityId: e.tscId,
          after: { eventId: event.id, businesses: [...served.keys()] },
        });
      },
    },
    {
      name: 'fiscal.notifyBusinessesOfBranchDeregistration',
      topic: BRANCH_DEREGISTERED,
      handle: async (tx, event) => {
        const e = event.payload as BranchDeregisteredEvent;
        const now = deps.clock.now();
        const served = await servedBusinesses(tx, eq(registers.branchId, e.branchId));
        await notify(
          tx,
          now,
          ...[...served].map(([tin, numbers]) => ({
            recipient: { kind: 'business' as const, id: tin },
            kind: 'branch.deregistered_business_notice',
            title: BRANCH_NOTICE.title,
            body: format(BRANCH_NOTICE.body, { branch: e.branchName, registers: numbers.join(', ') }),
            subject: { type: 'branch', id: e.branchId },
          })),
        );
        await meetDeadlines(tx, { type: 'branch', id: e.branchId }, ['BRANCH_DEREGISTRATION_BUSINESS_NOTICE'], now);
        await appendAudit(tx, now, {
          actor: 'system',
          action: 'branch.businesses_notified',
          entity: 'fiscal.branch',
          entityId: e.branchId,
          after: { eventId: event.id, businesses: [...served.keys()] },
        });
      },
    },
  ];
}
