import { and, eq, inArray, sql } from 'drizzle-orm';
import { type AuditEntry, appendAudit } from '../../../platform/audit.ts';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import type { Db } from '../../../platform/db.ts';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { format, type Localised } from '../../../platform/i18n.ts';
import { type NewNotification, notify } from '../../../platform/notifications.ts';
import { publish } from '../../../platform/outbox.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { HELD_BY_TSC, TSC_REMOVAL_REFS } from '../domain/tsc-registry.ts';
import type { DeadlineKind, TscRemovalGround } from '../domain/types.ts';
import { branches, fiscalModules, tscs } from '../infrastructure/schema.ts';
import { actorOf, dueAt, type FiscalDeps, openDeadline } from './deps.ts';
import { loadTscView, type TscView } from './list-tscs.ts';
import { AUTHORISED_BODY } from './submit-tsc-application.ts';

/** The operator, which notifies the businesses served (p.108, p.120). */
export const OPERATOR = 'operator';

/** Topic of the event that makes the operator notify the businesses a removed TSC served. */
export const TSC_REMOVED = 'fiscal.TscRemoved';
export type TscRemovedEvent = {
  readonly tscId: string;
  readonly tscName: string;
  readonly ground: TscRemovalGround;
  readonly decisionNumber: string;
  readonly removedAt: string;
  /** Branches deregistered with the TSC (p.117): their businesses are told in the same notice. */
  readonly branchIds: readonly string[];
};

export const REMOVAL_GROUND_TEXT: { readonly [K in TscRemovalGround]: Localised } = {
  liquidation_or_bankruptcy: { tg: 'барҳамдиҳӣ ё муфлис эълон шудан', ru: 'ликвидация или признание банкротом', en: 'liquidation or bankruptcy' },
  legal_requirements_changed: { tg: 'тағйир ёфтани талаботи қонунгузорӣ', ru: 'изменение требований законодательства', en: 'change of the legal requirements' },
  unauthorised_parameter_change: {
    tg: 'тағйир додани нишондиҳандаҳои корӣ бидуни иҷозати истеҳсолкунанда',
    ru: 'изменение рабочих параметров без разрешения изготовителя',
    en: 'change of operating parameters without the manufacturer’s permission',
  },
};

const TO_TSC = {
  title: {
    tg: 'Огоҳинома дар бораи хориҷ кардан аз феҳристи давлатӣ',
    ru: 'Уведомление об исключении из государственного реестра',
    en: 'Notice of removal from the state registry',
  },
  body: {
    tg: 'Бо қарори № {decision} аз {date} «{name}» аз Феҳристи давлатии МХТ хориҷ карда шуд ({ref}: {ground}). Дастрасӣ ба низоми иттилооти андоз қатъ гардид. Ҳамон рӯз дар сомонаи худ эълон ҷойгир намоед (б.109). Ҳамаи модулҳои фискалии мавҷуда ({modules}) то {due} ба оператор баргардонида шаванд (б.110). Ҳуқуқи бақайдгирии такрорӣ дар феҳрист аз даст рафт (б.111).',
    ru: 'Решением № {decision} от {date} «{name}» исключён из государственного реестра ЦТО ({ref}: {ground}). Доступ к налоговой информационной системе прекращён. В тот же день разместите объявление на своём сайте (п.109). Все имеющиеся фискальные модули ({modules}) верните оператору до {due} (п.110). Право на повторную регистрацию в реестре утрачено (п.111).',
    en: 'By decision No {decision} of {date} "{name}" is removed from the state registry of TSCs ({ref}: {ground}). Access to the tax information system has ended. Post an announcement on your website today (p.109). Return all fiscal modules you hold ({modules}) to the operator by {due} (p.110). The right to be registered again is lost (p.111).',
  },
};
const TO_BRANCH = {
  title: { tg: 'Филиал аз қайд бароварда шуд', ru: 'Филиал снят с учёта', en: 'Branch deregistered' },
  body: {
    tg: 'Филиали «{branch}» бо сабаби хориҷ шудани МХТ аз феҳристи давлатӣ аз қайд бароварда шуд (б.117). Дастрасӣ ба низоми иттилооти андоз қатъ гардид (б.119).',
    ru: 'Филиал «{branch}» снят с учёта в связи с исключением ЦТО из государственного реестра (п.117). Доступ к налоговой информационной системе прекращён (п.119).',
    en: 'Branch "{branch}" is deregistered because the TSC was removed from the state registry (p.117). Access to the tax information system has ended (p.119).',
  },
};

/**
 * p.106-111 (FIS-TSC-17 to 24): the authorised body removes a TSC on a ground of p.106. At once:
 * access to the TIS ends; every registered branch is deregistered with it (p.117, FIS-BRN-10) and
 * told (p.118); the TSC is sent the notice (p.108, sent now, so met now); the businesses served
 * are told by the operator within 3 days (p.108, an outbox event); and every fiscal module the TSC
 * holds is owed to the operator within 5 days (p.110, FIS-FMR-04). The TIN is barred (p.111).
 * Pending branch and specialist applications stay as they are: none can be granted any more.
 */
export async function removeTsc(
  deps: FiscalDeps,
  actor: AccountPrincipal,
  id: string,
  input: { readonly ground: TscRemovalGround; readonly decisionNumber: string },
): Promise<Result<TscView, Failure<'TSC_NOT_FOUND' | 'TSC_REMOVED'>>> {
  const now = deps.clock.now();
  const calendar = deps.calendar();
  const due = (kind: DeadlineKind) => dueAt(calendar, kind, now);
  const by = actorOf(actor);
  return deps.database.db.transaction(async (tx) => {
    const [before] = await tx.select().from(tscs).where(eq(tscs.id, id)).for('update');
    if (!before) return fail('TSC_NOT_FOUND');
    if (before.status === 'removed') return fail('TSC_REMOVED');
    const [after] = await tx
      .update(tscs)
      .set({ status: 'removed', removedAt: now, removalGround: input.ground, removalDecision: input.decisionNumber })
      .where(eq(tscs.id, id))
      .returning();
    const deregistered = await deregisterBranches(tx, id, by, now);
    const owed = await demandModulesBack(tx, id, by, now, due('FISCAL_MODULES_RETURN_AFTER_REMOVAL'));
    await appendAudit(tx, now, { actor: by, action: 'tsc.removed', entity: 'fiscal.tsc', entityId: id, before, after }, ...deregistered.audit, ...owed.audit);

    const subject = { type: 'tsc', id };
    const operator = { kind: 'operator' as const, id: OPERATOR };
    await openDeadline(tx, {
      kind: 'TSC_REMOVAL_NOTICE',
      subject,
      responsible: { kind: 'authorised_body', id: AUTHORISED_BODY },
      startsAt: now,
      dueAt: due('TSC_REMOVAL_NOTICE'),
      metAt: now,
    });
    await openDeadline(tx, { kind: 'TSC_REMOVAL_BUSINESS_NOTICE', subject, responsible: operator, startsAt: now, dueAt: due('TSC_REMOVAL_BUSINESS_NOTICE') });
    if (owed.count > 0) {
      await openDeadline(tx, {
        kind: 'FISCAL_MODULES_RETURN_AFTER_REMOVAL',
        subject,
        responsible: { kind: 'org', id },
        startsAt: now,
        dueAt: due('FISCAL_MODULES_RETURN_AFTER_REMOVAL'),
      });
    }
    for (const b of deregistered.rows) {
      const branch = { type: 'branch', id: b.id };
      await openDeadline(tx, {
        kind: 'BRANCH_DEREGISTRATION_NOTICE',
        subject: branch,
        responsible: operator,
        startsAt: now,
        dueAt: due('BRANCH_DEREGISTRATION_NOTICE'),
        metAt: now,
      });
      await openDeadline(tx, {
        kind: 'BRANCH_DEREGISTRATION_BUSINESS_NOTICE',
        subject: branch,
        responsible: operator,
        startsAt: now,
        dueAt: due('BRANCH_DEREGISTRATION_BUSINESS_NOTICE'),
      });
    }
    await notify(tx, now, ...removalNotices(before, input, now, owed.count, due('FISCAL_MODULES_RETURN_AFTER_REMOVAL'), deregistered.rows));
    const event: TscRemovedEvent = {
      tscId: id,
      tscName: before.name,
      ground: input.ground,
      decisionNumber: input.decisionNumber,
      removedAt: now.toISOString(),
      branchIds: deregistered.rows.map((b) => b.id),
    };
    await publish(tx, TSC_REMOVED, event, now);
    return ok((await loadTscView(tx, id)) as TscView);
  });
}

type Branch = typeof branches.$inferSelect;

/** p.117 (FIS-BRN-10): every registered branch leaves the registry with its TSC. */
async function deregisterBranches(tx: Db, tscId: string, by: string, now: Date): Promise<{ rows: Branch[]; audit: AuditEntry[] }> {
  const before = await tx
    .select()
    .from(branches)
    .where(and(eq(branches.tscId, tscId), eq(branches.status, 'registered')))
    .for('update');
  if (before.length === 0) return { rows: [], audit: [] };
  const rows = await tx
    .update(branches)
    .set({ status: 'deregistered', deregisteredAt: now, deregistrationGround: 'tsc_removed' })
    .where(
      inArray(
        branches.id,
        before.map((b) => b.id),
      ),
    )
    .returning();
  const audit = rows.map((b) => ({
    actor: by,
    action: 'branch.deregistered',
    entity: 'fiscal.branch',
    entityId: b.id,
    before: before.find((x) => x.id === b.id),
    after: b,
  }));
  return { rows, audit };
}

/**
 * p.110 (FIS-FMR-04): every module the TSC holds is owed back. A module already owed under p.98
 * keeps its reason; the earlier of the two limits governs. Installed modules stay with their business.
 */
async function demandModulesBack(tx: Db, tscId: string, by: string, now: Date, dueAt: Date): Promise<{ count: number; audit: AuditEntry[] }> {
  const held = and(eq(fiscalModules.tscId, tscId), inArray(fiscalModules.status, [...HELD_BY_TSC]));
  const before = await tx.select().from(fiscalModules).where(held).for('update');
  if (before.length === 0) return { count: 0, audit: [] };
  const due = sql`${dueAt.toISOString()}::timestamptz`;
  const rows = await tx
    .update(fiscalModules)
    .set({
      status: 'awaiting_return',
      returnReason: sql`CASE WHEN ${fiscalModules.status} = 'awaiting_return' THEN ${fiscalModules.returnReason} ELSE 'tsc_removed' END`,
      returnDueAt: sql`LEAST(COALESCE(${fiscalModules.returnDueAt}, ${due}), ${due})`,
      updatedAt: now,
    })
    .where(held)
    .returning();
  const audit = rows.map((m) => ({
    actor: by,
    action: 'fiscal_module.return_demanded',
    entity: 'fiscal.fiscal_module',
    entityId: m.number,
    before: before.find((x) => x.number === m.number),
    after: m,
  }));
  return { count: rows.length, audit };
}

/**
 * p.108, p.118: the removal notice to the TSC, and the deregistration notice to each branch. The
 * TSC's specialists lose access now, so the notice also goes to the TSC's own taxpayer cabinet.
 */
function removalNotices(
  tsc: { readonly id: string; readonly tin: string; readonly name: string },
  input: { readonly ground: TscRemovalGround; readonly decisionNumber: string },
  now: Date,
  modules: number,
  modulesDue: Date,
  deregistered: readonly Branch[],
): NewNotification[] {
  const ground = REMOVAL_GROUND_TEXT[input.ground];
  const body = format(TO_TSC.body, {
    decision: input.decisionNumber,
    date: dushanbeDate(now),
    name: tsc.name,
    ref: TSC_REMOVAL_REFS[input.ground],
    modules,
    due: dushanbeDate(modulesDue),
  });
  const toTsc = { tg: body.tg.replace('{ground}', ground.tg), ru: body.ru.replace('{ground}', ground.ru), en: body.en.replace('{ground}', ground.en) };
  const subject = { type: 'tsc', id: tsc.id };
  return [
    { recipient: { kind: 'org', id: tsc.id }, kind: 'tsc.removed', title: TO_TSC.title, body: toTsc, subject },
    { recipient: { kind: 'business', id: tsc.tin }, kind: 'tsc.removed', title: TO_TSC.title, body: toTsc, subject },
    ...deregistered.map((b) => ({
      recipient: { kind: 'unit' as const, id: b.id },
      kind: 'branch.deregistered',
      title: TO_BRANCH.title,
      body: format(TO_BRANCH.body, { branch: b.name }),
      subject: { type: 'branch', id: b.id },
    })),
  ];
}
