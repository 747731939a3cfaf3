import { and, eq, sql } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit.ts';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { type Db, rows } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { notify } from '../../../platform/notifications.ts';
import { publish } from '../../../platform/outbox.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { RegisterEventKind } from '../domain/types.ts';
import { applications, businesses, fiscalModules, registers } from '../infrastructure/schema.ts';
import { applicationNotice, type Application } from './application-notices.ts';
import { addRegisterEvent } from './register-events.ts';
import { dueAt, type FiscalDeps, meetDeadlines, openDeadline } from './deps.ts';

type Register = typeof registers.$inferSelect;
export type CompleteError = 'FISCAL_MODULE_WRONG_STATE' | 'DEVICE_ALREADY_REGISTERED' | 'REGISTER_NOT_ACTIVE';

/**
 * Applies a clean (or cleared) application to the registry of registers: enters a register and
 * installs its fiscal module (p.22, p.23), re-registers, moves (p.30) or deregisters it (p.32-33).
 * Runs inside the caller's transaction; a refusal here rolls everything back.
 */
export async function completeApplication(
  tx: Db,
  deps: FiscalDeps,
  a: Application,
  decidedBy: string,
  now: Date,
): Promise<Result<Application, Failure<CompleteError>>> {
  const effect = a.kind === 'registration' ? await enterRegister(tx, deps, a, now) : await changeRegister(tx, deps, a, now);
  if (!effect.ok) return effect;
  const register = effect.value;
  const [done] = await tx
    .update(applications)
    .set({ status: 'completed', decidedAt: now, decidedBy, registerId: register.id })
    .where(eq(applications.id, a.id))
    .returning();
  const completed = done as Application;
  await appendAudit(tx, now, {
    actor: decidedBy,
    action: `application.${a.kind}.completed`,
    entity: 'fiscal.application',
    entityId: a.id,
    before: a,
    after: completed,
  });
  await notify(tx, now, ...applicationNotice(completed, 'completed', register.registryNumber));
  await publish(
    tx,
    `fiscal.Register${a.kind === 'deregistration' ? 'Deregistered' : 'Changed'}`,
    { registerId: register.id, businessTin: a.businessTin, applicationId: a.id, kind: a.kind },
    now,
  );
  return ok(completed);
}

/** FIS-FMR: the module must be with this TSC and not yet in a register (one module, one register: p.65, p.68). */
async function installModule(tx: Db, a: Application, registerId: string, now: Date): Promise<Result<void, Failure<'FISCAL_MODULE_WRONG_STATE'>>> {
  const [fm] = await tx.select().from(fiscalModules).where(eq(fiscalModules.number, a.form.fiscalModuleNumber)).for('update');
  if (!fm || fm.tscId !== a.tscId || (fm.status !== 'supplied' && fm.status !== 'registered'))
    return fail('FISCAL_MODULE_WRONG_STATE', 'body.fiscalModuleNumber');
  await tx.update(fiscalModules).set({ status: 'installed', registerId, updatedAt: now }).where(eq(fiscalModules.number, fm.number));
  await appendAudit(tx, now, {
    actor: 'system',
    action: 'fiscal_module.installed',
    entity: 'fiscal.fiscal_module',
    entityId: fm.number,
    before: fm,
    after: { ...fm, status: 'installed', registerId },
  });
  return ok(undefined);
}

/** p.98: a module back with the TSC is returned to the operator within one month. */
async function releaseModule(tx: Db, deps: FiscalDeps, number: string, tscId: string, reason: string, now: Date): Promise<void> {
  const due = dueAt(deps.calendar(), 'FISCAL_MODULE_RETURN', now);
  const [before] = await tx.select().from(fiscalModules).where(eq(fiscalModules.number, number)).for('update');
  if (!before) return;
  await tx
    .update(fiscalModules)
    .set({ status: 'awaiting_return', registerId: null, returnReason: reason, returnDueAt: due, updatedAt: now })
    .where(eq(fiscalModules.number, number));
  await openDeadline(tx, {
    kind: 'FISCAL_MODULE_RETURN',
    subject: { type: 'fiscal_module', id: number },
    responsible: { kind: 'org', id: tscId },
    startsAt: now,
    dueAt: due,
  });
  await appendAudit(tx, now, {
    actor: 'system',
    action: 'fiscal_module.awaiting_return',
    entity: 'fiscal.fiscal_module',
    entityId: number,
    before,
    after: { ...before, status: 'awaiting_return', registerId: null, returnDueAt: due },
  });
}

async function enterRegister(tx: Db, deps: FiscalDeps, a: Application, now: Date): Promise<Result<Register, Failure<CompleteError>>> {
  const [twin] = await tx
    .select({ id: registers.id })
    .from(registers)
    .where(and(eq(registers.modelId, a.modelId ?? ''), eq(registers.manufacturerNumber, a.form.manufacturerNumber), eq(registers.status, 'registered')));
  if (twin) return fail('DEVICE_ALREADY_REGISTERED', 'body.manufacturerNumber');
  const [business] = await tx.select().from(businesses).where(eq(businesses.tin, a.businessTin));
  const [seq] = await rows<{ n: string | number }>(tx, sql`SELECT nextval('fiscal.registry_number_seq') AS n`);
  const registryNumber = `${a.form.inspectorateCode}-${dushanbeDate(now).slice(0, 4)}-${String(seq?.n).padStart(6, '0')}`;
  const id = uuidv7(now.getTime());
  const nextInspection = dueAt(deps.calendar(), 'ANNUAL_INSPECTION', now);
  const register: Register = {
    id,
    registryNumber,
    kind: a.form.registerKind,
    modelId: a.modelId ?? '',
    manufacturerNumber: a.form.manufacturerNumber,
    softwareVersion: a.form.softwareVersion,
    fiscalModuleNumber: a.form.fiscalModuleNumber,
    businessTin: a.businessTin,
    businessDataVersion: business?.dataVersion ?? 1,
    placeOfActivity: a.form.placeOfActivity,
    inspectorateCode: a.form.inspectorateCode,
    tscId: a.tscId,
    branchId: a.branchId,
    status: 'registered',
    isLost: false,
    registeredAt: now,
    deregisteredAt: null,
    nextInspectionDueAt: nextInspection,
    updatedAt: now,
  };
  await tx.insert(registers).values(register);
  const installed = await installModule(tx, a, id, now);
  if (!installed.ok) return installed;
  await addRegisterEvent(tx, register, 'registered', now, { applicationId: a.id });
  // p.89: the TSC inspects every installed register once a year (catalog ambiguity 29).
  await openDeadline(tx, {
    kind: 'ANNUAL_INSPECTION',
    subject: { type: 'register', id },
    responsible: { kind: 'org', id: a.tscId },
    startsAt: now,
    dueAt: nextInspection,
  });
  await appendAudit(tx, now, { actor: 'system', action: 'register.registered', entity: 'fiscal.register', entityId: id, after: register });
  return ok(register);
}

async function changeRegister(tx: Db, deps: FiscalDeps, a: Application, now: Date): Promise<Result<Register, Failure<CompleteError>>> {
  const [before] = await tx
    .select()
    .from(registers)
    .where(eq(registers.id, a.registerId ?? ''))
    .for('update');
  if (before?.status !== 'registered') return fail('REGISTER_NOT_ACTIVE', 'body.registerId');
  let after: Register;
  let event: RegisterEventKind;
  if (a.kind === 'deregistration') {
    after = { ...before, status: 'deregistered', deregisteredAt: now, updatedAt: now };
    event = 'deregistered';
    await releaseModule(tx, deps, before.fiscalModuleNumber, before.tscId, a.form.reason ?? 'deregistration', now);
    await meetDeadlines(tx, { type: 'register', id: before.id }, ['ANNUAL_INSPECTION'], now);
  } else if (a.kind === 'address_change') {
    after = { ...before, placeOfActivity: a.form.placeOfActivity, updatedAt: now };
    event = 'address_changed';
  } else {
    const [business] = await tx.select().from(businesses).where(eq(businesses.tin, a.businessTin));
    after = {
      ...before,
      modelId: a.modelId ?? before.modelId,
      kind: a.form.registerKind,
      manufacturerNumber: a.form.manufacturerNumber,
      softwareVersion: a.form.softwareVersion,
      fiscalModuleNumber: a.form.fiscalModuleNumber,
      placeOfActivity: a.form.placeOfActivity,
      businessDataVersion: business?.dataVersion ?? before.businessDataVersion,
      tscId: a.tscId,
      updatedAt: now,
    };
    event = 're_registered';
    if (after.manufacturerNumber !== before.manufacturerNumber || after.modelId !== before.modelId) {
      const [twin] = await tx
        .select({ id: registers.id })
        .from(registers)
        .where(and(eq(registers.modelId, after.modelId), eq(registers.manufacturerNumber, after.manufacturerNumber), eq(registers.status, 'registered')));
      if (twin) return fail('DEVICE_ALREADY_REGISTERED', 'body.manufacturerNumber');
    }
    if (after.fiscalModuleNumber !== before.fiscalModuleNumber) {
      await releaseModule(tx, deps, before.fiscalModuleNumber, before.tscId, a.form.reRegistrationReason ?? 're_registration', now);
      // The old module is released first, so the unique index of one module per register holds.
      const installed = await installModule(tx, a, before.id, now);
      if (!installed.ok) return installed;
    }
  }
  await tx.update(registers).set(after).where(eq(registers.id, before.id));
  await addRegisterEvent(tx, after, event, now, { applicationId: a.id, note: a.form.reason });
  await appendAudit(tx, now, { actor: 'system', action: `register.${event}`, entity: 'fiscal.register', entityId: before.id, before, after });
  return ok(after);
}
