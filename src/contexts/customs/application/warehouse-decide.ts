import { eq } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { transact } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { notify } from '../../../platform/notifications.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { ArrivalErrorCode } from '../domain/arrival-errors.ts';
import { type WarehouseApplicationRow, warehouseApplications, warehouses } from '../infrastructure/warehouse.schema.ts';
import { actorOf, type CustomsDeps } from './deps.ts';
import { nextNumber, officeOn } from './preliminary-store.ts';

export type WarehouseDecision = { readonly decision: 'approve'; readonly reason?: string } | { readonly decision: 'refuse'; readonly reason: string };

/**
 * Art.111: the customs body approves the application (the warehouse enters the register with a
 * number) or refuses it with reasons; the applicant is told in its cabinet.
 */
export async function decideWarehouseApplication(
  deps: CustomsDeps,
  officer: AccountPrincipal,
  id: string,
  input: WarehouseDecision,
): Promise<Result<WarehouseApplicationRow, Failure<ArrivalErrorCode>>> {
  const now = deps.clock.now();
  return transact(deps.database.db, async (tx) => {
    const [app] = await tx.select().from(warehouseApplications).where(eq(warehouseApplications.id, id)).for('update');
    if (!app) return fail('WAREHOUSE_APPLICATION_NOT_FOUND', 'params.id');
    if (app.status !== 'submitted') return fail('WAREHOUSE_APPLICATION_DECIDED', 'params.id', { status: app.status });
    let warehouseId: string | null = null;
    let registerNumber: string | null = null;
    if (input.decision === 'approve') {
      const office = await officeOn(tx, app.officeCode, now);
      if (!office) return fail('ARRIVAL_OFFICE_UNKNOWN', 'body.officeCode');
      warehouseId = uuidv7(now.getTime());
      registerNumber = await nextNumber(tx, 'warehouse_number_seq', 'TSW', now);
      await tx.insert(warehouses).values({
        id: warehouseId,
        registerNumber,
        applicationId: app.id,
        ownerTin: app.applicantTin,
        name: app.name,
        type: app.type,
        purposes: app.purposes,
        officeCode: app.officeCode,
        region: office.region,
        address: app.address,
        areaSqm: app.areaSqm,
        insurance: app.insurance,
        status: 'active',
        registeredAt: now,
        registeredBy: actorOf(officer),
      });
    }
    const [decided] = await tx
      .update(warehouseApplications)
      .set({
        status: input.decision === 'approve' ? 'approved' : 'refused',
        decidedAt: now,
        decidedBy: actorOf(officer),
        decisionReason: input.reason ?? null,
        warehouseId,
      })
      .where(eq(warehouseApplications.id, app.id))
      .returning();
    await notify(tx, now, {
      recipient: { kind: 'business', id: app.applicantTin },
      kind: `warehouse_application_${input.decision}`,
      title:
        input.decision === 'approve'
          ? {
              tg: `Анбор ба феҳрист дохил шуд: ${registerNumber}`,
              ru: `Склад внесён в реестр: ${registerNumber}`,
              en: `Warehouse entered in the register: ${registerNumber}`,
            }
          : { tg: 'Ариза рад карда шуд', ru: 'Заявление отклонено', en: 'Application refused' },
      body: { tg: input.reason ?? '', ru: input.reason ?? '', en: input.reason ?? '' },
      subject: { type: 'customs_warehouse_application', id: app.id },
    });
    await appendAudit(tx, now, {
      actor: actorOf(officer),
      action: input.decision === 'approve' ? 'customs.warehouse_registered' : 'customs.warehouse_application_refused',
      entity: 'customs.warehouse_applications',
      entityId: app.id,
      before: { status: app.status },
      after: { status: decided?.status, warehouseId, registerNumber, reason: input.reason ?? null },
    });
    return ok(decided as WarehouseApplicationRow);
  });
}
