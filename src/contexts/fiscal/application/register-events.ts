import type { Db } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import type { RegisterEventKind } from '../domain/types.ts';
import { registerEvents, type registers } from '../infrastructure/schema.ts';

/** Adds a line to the register's card (FIS-AX2-09): what happened, with the register as it then stood. */
export async function addRegisterEvent(
  tx: Db,
  r: Pick<typeof registers.$inferSelect, 'id' | 'placeOfActivity' | 'softwareVersion' | 'fiscalModuleNumber'>,
  kind: RegisterEventKind,
  at: Date,
  details: { readonly applicationId?: string | null; readonly note?: string | null } = {},
): Promise<void> {
  await tx.insert(registerEvents).values({
    id: uuidv7(at.getTime()),
    registerId: r.id,
    kind,
    at,
    applicationId: details.applicationId ?? null,
    placeOfActivity: r.placeOfActivity,
    softwareVersion: r.softwareVersion,
    fiscalModuleNumber: r.fiscalModuleNumber,
    note: details.note ?? null,
  });
}
