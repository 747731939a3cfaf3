import { and, desc, eq } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit.ts';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { transact } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { notify } from '../../../platform/notifications.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { IncidentChannel, IncidentKind } from '../domain/types.ts';
import { incidents, inspectorates, registers } from '../infrastructure/schema.ts';
import { addRegisterEvent } from './register-events.ts';
import { actorOf, dueAt, type FiscalDeps, meetDeadlines, openDeadline } from './deps.ts';
import { isVisible, scopeCondition, scopeOf } from './scope.ts';

export type Incident = typeof incidents.$inferSelect;
export type IncidentInput = { readonly occurredAt: string; readonly description: string; readonly channel: IncidentChannel };

/**
 * A loss (p.16) or a breakdown (p.37) of a register, reported by the business in its cabinet or
 * entered by its TSC from a call or a visit. A loss goes to the tax authority and the TSC and
 * must come within 1 working day; a breakdown starts the TSC's 1-hour clock to tell the tax
 * authority the address of the trading point.
 */
export async function reportIncident(
  deps: FiscalDeps,
  actor: AccountPrincipal,
  registerId: string,
  kind: IncidentKind,
  input: IncidentInput,
): Promise<Result<Incident, Failure<'REGISTER_NOT_FOUND' | 'REGISTER_NOT_ACTIVE' | 'DATE_IN_FUTURE'>>> {
  const now = deps.clock.now();
  const occurredAt = new Date(input.occurredAt);
  if (occurredAt > now) return fail('DATE_IN_FUTURE', 'body.occurredAt');
  return transact(deps.database.db, async (tx) => {
    const [r] = await tx.select().from(registers).where(eq(registers.id, registerId)).for('update');
    if (!r || !isVisible(scopeOf(actor), { tin: r.businessTin, tscId: r.tscId })) return fail('REGISTER_NOT_FOUND');
    if (r.status !== 'registered') return fail('REGISTER_NOT_ACTIVE');
    const [inspectorate] = await tx.select().from(inspectorates).where(eq(inspectorates.code, r.inspectorateCode));
    const office = inspectorate?.officeCode ?? 'default';
    const calendar = deps.calendar();
    const reportDue = kind === 'loss' ? dueAt(calendar, 'LOSS_REPORT', occurredAt, office) : occurredAt;
    const incident: Incident = {
      id: uuidv7(now.getTime()),
      kind,
      registerId,
      businessTin: r.businessTin,
      tscId: r.tscId,
      channel: input.channel,
      description: input.description,
      occurredAt,
      reportedAt: now,
      reportedBy: actorOf(actor),
      reportDueAt: reportDue,
      isLate: kind === 'loss' && now > reportDue,
      taxNoticeDueAt: kind === 'breakdown' ? dueAt(calendar, 'BREAKDOWN_TAX_NOTICE', now) : null,
      taxNotifiedAt: null,
    };
    await tx.insert(incidents).values(incident);
    const subject = { type: 'incident', id: incident.id };
    const where = `${r.registryNumber}, ${r.placeOfActivity}`;
    if (kind === 'loss') {
      await openDeadline(tx, {
        kind: 'LOSS_REPORT',
        subject,
        responsible: { kind: 'business', id: r.businessTin },
        startsAt: occurredAt,
        dueAt: reportDue,
        metAt: now,
      });
      await tx.update(registers).set({ isLost: true, updatedAt: now }).where(eq(registers.id, registerId));
      await addRegisterEvent(tx, r, 'lost', now, { note: input.description });
      const title = { tg: 'Гум шудани МНХ', ru: 'Утеря ККМ', en: 'Loss of a cash register' };
      const body = {
        tg: `МНХ ${where} (РМА ${r.businessTin}) гум шудааст: ${input.description}`,
        ru: `ККМ ${where} (ИНН ${r.businessTin}) утеряна: ${input.description}`,
        en: `Register ${where} (TIN ${r.businessTin}) was lost: ${input.description}`,
      };
      await notify(
        tx,
        now,
        { recipient: { kind: 'inspectorate', id: r.inspectorateCode }, kind: 'register.lost', title, body, subject },
        { recipient: { kind: 'org', id: r.tscId }, kind: 'register.lost', title, body, subject },
      );
    } else {
      await openDeadline(tx, {
        kind: 'BREAKDOWN_TAX_NOTICE',
        subject,
        responsible: { kind: 'org', id: r.tscId },
        startsAt: now,
        dueAt: incident.taxNoticeDueAt as Date,
      });
      await notify(tx, now, {
        recipient: { kind: 'org', id: r.tscId },
        kind: 'register.breakdown',
        title: { tg: 'Вайроншавии МНХ', ru: 'Поломка ККМ', en: 'Register breakdown' },
        body: {
          tg: `МНХ ${where} (РМА ${r.businessTin}) вайрон шуд: ${input.description}. Дар давоми 1 соат мақомоти андозро огоҳ кунед (б.37).`,
          ru: `ККМ ${where} (ИНН ${r.businessTin}) сломалась: ${input.description}. Уведомите налоговый орган в течение 1 часа (п.37).`,
          en: `Register ${where} (TIN ${r.businessTin}) broke down: ${input.description}. Tell the tax authority within 1 hour (p.37).`,
        },
        subject,
      });
    }
    await appendAudit(tx, now, {
      actor: actorOf(actor),
      action: `register.${kind}_reported`,
      entity: 'fiscal.incident',
      entityId: incident.id,
      after: incident,
    });
    return ok(incident);
  });
}

/** p.37: the TSC tells the tax authority of a breakdown, with the address of the trading point. */
export async function notifyTaxAuthority(
  deps: FiscalDeps,
  actor: AccountPrincipal,
  incidentId: string,
): Promise<Result<Incident, Failure<'INCIDENT_NOT_FOUND' | 'TAX_AUTHORITY_ALREADY_NOTIFIED'>>> {
  const now = deps.clock.now();
  return transact(deps.database.db, async (tx) => {
    const [before] = await tx
      .select()
      .from(incidents)
      .where(and(eq(incidents.id, incidentId), eq(incidents.kind, 'breakdown')))
      .for('update');
    if (!before || !isVisible(scopeOf(actor), { tin: before.businessTin, tscId: before.tscId }) || actor.role === 'business') return fail('INCIDENT_NOT_FOUND');
    if (before.taxNotifiedAt) return fail('TAX_AUTHORITY_ALREADY_NOTIFIED');
    const [r] = await tx.select().from(registers).where(eq(registers.id, before.registerId));
    const [after] = await tx.update(incidents).set({ taxNotifiedAt: now }).where(eq(incidents.id, incidentId)).returning();
    await meetDeadlines(tx, { type: 'incident', id: incidentId }, ['BREAKDOWN_TAX_NOTICE'], now);
    const place = r?.placeOfActivity ?? '';
    await notify(tx, now, {
      recipient: { kind: 'inspectorate', id: r?.inspectorateCode ?? '' },
      kind: 'register.breakdown_notice',
      title: { tg: 'Огоҳинома дар бораи вайроншавии МНХ', ru: 'Уведомление о поломке ККМ', en: 'Notice of a register breakdown' },
      body: {
        tg: `РМА ${before.businessTin}, МНХ ${r?.registryNumber}, нуқтаи савдо: ${place}. Вақти вайроншавӣ: ${before.occurredAt.toISOString()}. ${before.description}`,
        ru: `ИНН ${before.businessTin}, ККМ ${r?.registryNumber}, торговая точка: ${place}. Время поломки: ${before.occurredAt.toISOString()}. ${before.description}`,
        en: `TIN ${before.businessTin}, register ${r?.registryNumber}, trading point: ${place}. Broke down at ${before.occurredAt.toISOString()}. ${before.description}`,
      },
      subject: { type: 'incident', id: incidentId },
    });
    await appendAudit(tx, now, {
      actor: actorOf(actor),
      action: 'incident.tax_authority_notified',
      entity: 'fiscal.incident',
      entityId: incidentId,
      before,
      after,
    });
    return ok(after as Incident);
  });
}

export async function listIncidents(
  deps: FiscalDeps,
  actor: AccountPrincipal,
  f: { readonly kind?: IncidentKind; readonly registerId?: string; readonly limit?: number },
) {
  return deps.database.db
    .select()
    .from(incidents)
    .where(
      and(
        scopeCondition(scopeOf(actor), { tin: incidents.businessTin, tscId: incidents.tscId }),
        f.kind ? eq(incidents.kind, f.kind) : undefined,
        f.registerId ? eq(incidents.registerId, f.registerId) : undefined,
      ),
    )
    .orderBy(desc(incidents.reportedAt))
    .limit(f.limit ?? 50);
}
