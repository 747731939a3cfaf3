import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { transact } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { ArrivalErrorCode } from '../domain/arrival-errors.ts';
import { checkApplication, type Insurance, type WarehousePurpose, type WarehouseType } from '../domain/warehouses.ts';
import { type WarehouseApplicationRow, warehouseApplications } from '../infrastructure/warehouse.schema.ts';
import { actorOf, type CustomsDeps } from './deps.ts';
import { officeOn } from './preliminary-store.ts';

export type WarehouseApplicationInput = {
  readonly name: string;
  readonly type: WarehouseType;
  readonly purposes: readonly WarehousePurpose[];
  readonly officeCode: string;
  readonly address: string;
  readonly areaSqm: number;
  readonly insurance?: Insurance | null;
  readonly insurancePolicyDocument?: string | null;
};

/**
 * CUS-TS-09..12 (art.106 p.3, art.109 p.1, art.110 p.2-3 as amended): a person applies to be
 * entered in the register of temporary storage warehouse owners; the form follows the type.
 */
export async function applyForWarehouse(
  deps: CustomsDeps,
  applicant: AccountPrincipal,
  input: WarehouseApplicationInput,
): Promise<Result<WarehouseApplicationRow, Failure<ArrivalErrorCode | 'FORBIDDEN'>>> {
  if (!applicant.tin) return fail('FORBIDDEN');
  const now = deps.clock.now();
  const checked = checkApplication(input, dushanbeDate(now));
  if (!checked.ok) return checked;
  return transact(deps.database.db, async (tx) => {
    if (!(await officeOn(tx, input.officeCode, now))) return fail('ARRIVAL_OFFICE_UNKNOWN', 'body.officeCode');
    const [row] = await tx
      .insert(warehouseApplications)
      .values({
        id: uuidv7(now.getTime()),
        applicantTin: applicant.tin as string,
        name: input.name,
        type: input.type,
        purposes: [...new Set(input.purposes)],
        officeCode: input.officeCode,
        address: input.address,
        areaSqm: input.areaSqm,
        // A closed-type warehouse states no insurance (art.109 p.1 i.2 as amended).
        insurance: input.type === 'open' ? (input.insurance ?? null) : null,
        insurancePolicyDocument: input.type === 'open' ? (input.insurancePolicyDocument ?? null) : null,
        status: 'submitted',
        submittedAt: now,
        submittedBy: actorOf(applicant),
      })
      .returning();
    if (!row) throw new Error('application not inserted');
    await appendAudit(tx, now, {
      actor: actorOf(applicant),
      action: 'customs.warehouse_application_submitted',
      entity: 'customs.warehouse_applications',
      entityId: row.id,
      after: row,
    });
    return ok(row);
  });
}
