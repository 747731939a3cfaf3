import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit.ts';
import { accounts, type AccountPrincipal } from '../../../platform/auth.ts';
import { dushanbeDate, startOfDushanbeDay } from '../../../platform/calendar/index.ts';
import { canonicalJson } from '../../../platform/canonical-json.ts';
import { transact } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { notify } from '../../../platform/notifications.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { readPublicKey, verifySignature } from '../../../platform/signature.ts';
import { type ApplicationInput, missingFields, signedContent } from '../domain/application-input.ts';
import { checkApplication, decideOnEntry } from '../domain/registration.ts';
import type { ApplicationForm, AttachmentKind, DeadlineKind, SignatureRecord } from '../domain/types.ts';
import { applications, businesses, fiscalModules, inspectorates, models, registers, tscs } from '../infrastructure/schema.ts';
import { type CompleteError, completeApplication } from './apply-application.ts';
import { decodeAttachments, storeAttachments } from './attachments.ts';
import { actorOf, dueAt, type FiscalDeps, openDeadline } from './deps.ts';
import { applicationNotice, type Application } from './application-notices.ts';

export type SubmitError =
  | 'VALIDATION_FAILED'
  | 'FORBIDDEN'
  | 'BUSINESS_NOT_FOUND'
  | 'REGISTER_NOT_FOUND'
  | 'REGISTER_NOT_ACTIVE'
  | 'MODEL_NOT_FOUND'
  | 'TECHNICAL_CHECK_FAILED'
  | 'DATE_IN_FUTURE'
  | 'ATTACHMENT_INVALID'
  | 'SIGNATURE_INVALID'
  | 'APPLICATION_NOT_FOUND'
  | 'PREVIOUS_APPLICATION_NOT_REFUSED'
  | CompleteError;

const ENTRY_DEADLINE: Record<ApplicationInput['kind'], DeadlineKind> = {
  registration: 'REGISTRATION_ENTRY',
  re_registration: 'REGISTRATION_ENTRY',
  address_change: 'ADDRESS_CHANGE_ENTRY',
  deregistration: 'DEREGISTRATION_ENTRY',
};

/**
 * A TSC specialist enters an application a business gave the TSC (p.19-22, p.30-33). The
 * registries are checked at once; a clean application is completed at once (register entered,
 * card in the cabinet), a discrepancy goes to the local tax authority for study (p.24), and an
 * incomplete set or an unregistered model is refused with every ground and notified (p.26, p.27).
 */
export async function submitApplication(
  deps: FiscalDeps,
  actor: AccountPrincipal,
  input: ApplicationInput,
): Promise<Result<Application, Failure<SubmitError>>> {
  const missing = missingFields(input);
  if (missing.length > 0) return fail('VALIDATION_FAILED', `body.${missing[0]}`, { missing });
  if (!actor.orgId) return fail('FORBIDDEN');
  const now = deps.clock.now();
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : now;
  if (receivedAt > now) return fail('DATE_IN_FUTURE', 'body.receivedAt');
  if (input.movedOn && input.movedOn > dushanbeDate(now)) return fail('DATE_IN_FUTURE', 'body.movedOn');
  // p.92: the TSC checks the technical state and the program before registering.
  const check = input.technicalCheck;
  if (check && !(check.isInWorkingOrder && check.isCorrectProgramInstalled)) return fail('TECHNICAL_CHECK_FAILED', 'body.technicalCheck');
  const files = decodeAttachments(input.attachments);
  if (!files.ok) return files;

  const db = deps.database.db;
  const [business] = await db.select().from(businesses).where(eq(businesses.tin, input.businessTin));
  if (!business) return fail('BUSINESS_NOT_FOUND', 'body.businessTin');
  const [tsc] = await db.select().from(tscs).where(eq(tscs.id, actor.orgId));
  if (!tsc) return fail('FORBIDDEN');
  const [inspectorate] = await db.select().from(inspectorates).where(eq(inspectorates.code, business.inspectorateCode));
  if (!inspectorate) throw new Error(`inspectorate ${business.inspectorateCode} of ${business.tin} is missing`);

  let register: typeof registers.$inferSelect | undefined;
  if (input.registerId) {
    [register] = await db
      .select()
      .from(registers)
      .where(and(eq(registers.id, input.registerId), eq(registers.businessTin, business.tin)));
    if (!register) return fail('REGISTER_NOT_FOUND', 'body.registerId');
    if (register.status !== 'registered') return fail('REGISTER_NOT_ACTIVE', 'body.registerId');
  }
  const modelId = input.modelId ?? register?.modelId;
  const [model] = modelId ? await db.select().from(models).where(eq(models.id, modelId)) : [];
  if (input.modelId && !model) return fail('MODEL_NOT_FOUND', 'body.modelId');

  if (input.previousApplicationId) {
    const [previous] = await db
      .select()
      .from(applications)
      .where(and(eq(applications.id, input.previousApplicationId), eq(applications.businessTin, business.tin)));
    if (!previous) return fail('APPLICATION_NOT_FOUND', 'body.previousApplicationId');
    if (previous.status !== 'refused') return fail('PREVIOUS_APPLICATION_NOT_REFUSED', 'body.previousApplicationId');
  }

  const signature = await checkSignature(
    deps,
    input,
    files.value.map((f) => f.sha256),
    now,
  );
  if (!signature.ok) return signature;

  const fmNumber = input.fiscalModuleNumber ?? register?.fiscalModuleNumber ?? '';
  const isNewModule = input.kind !== 'deregistration' && fmNumber !== register?.fiscalModuleNumber && fmNumber !== '';
  const [module] = isNewModule ? await db.select().from(fiscalModules).where(eq(fiscalModules.number, fmNumber)) : [];
  const manufacturerNumber = input.manufacturerNumber ?? register?.manufacturerNumber ?? '';
  const isNewDevice = input.kind === 'registration' || (input.kind === 're_registration' && input.manufacturerNumber !== undefined);
  const [twin] =
    isNewDevice && model
      ? await db
          .select({ id: registers.id })
          .from(registers)
          .where(and(eq(registers.modelId, model.id), eq(registers.manufacturerNumber, manufacturerNumber), eq(registers.status, 'registered')))
      : [];

  const form: ApplicationForm = {
    addressee: { tscName: tsc.name, tscHeadName: tsc.headName },
    registerKind: model?.kind ?? register?.kind ?? 'virtual',
    modelName: model ? `${model.name} ${model.version}` : '',
    manufacturerNumber,
    softwareVersion: input.softwareVersion ?? register?.softwareVersion ?? model?.version ?? '',
    fiscalModuleNumber: fmNumber,
    inspectorateCode: register?.inspectorateCode ?? business.inspectorateCode,
    inspectorateName: inspectorate.name.tg,
    tin: business.tin,
    address: input.address ?? business.legalAddress,
    businessName: input.businessName ?? business.name,
    placeOfActivity: input.placeOfActivity ?? register?.placeOfActivity ?? '',
    ...(input.reason ? { reason: input.reason } : {}),
    ...(input.reRegistrationReason ? { reRegistrationReason: input.reRegistrationReason } : {}),
    ...(input.movedOn ? { movedOn: input.movedOn } : {}),
    ...(input.isFiscalModuleHandedOver !== undefined ? { isFiscalModuleHandedOver: input.isFiscalModuleHandedOver } : {}),
    signatory: input.signatory,
    signedOn: input.signedOn,
    phone: input.phone,
    submittedAs: input.submittedAs,
  };
  const findings = checkApplication({
    kind: input.kind,
    form,
    attachmentKinds: files.value.map((f) => f.kind as AttachmentKind),
    tscId: tsc.id,
    today: dushanbeDate(now),
    business,
    model: input.kind === 'registration' || input.kind === 're_registration' ? model : undefined,
    fiscalModule: isNewModule ? (module ?? null) : undefined,
    isDeviceRegistered: twin !== undefined,
    register,
  });
  const outcome = decideOnEntry(findings);
  const calendar = deps.calendar();
  const office = inspectorate.officeCode;
  const entryKind = ENTRY_DEADLINE[input.kind];
  const entryDue = dueAt(calendar, entryKind, receivedAt, office);
  const id = uuidv7(now.getTime());
  const application: Application = {
    id,
    kind: input.kind,
    status: outcome.status === 'completed' ? 'received' : outcome.status,
    businessTin: business.tin,
    tscId: tsc.id,
    branchId: actor.unitId,
    enteredBy: actorOf(actor),
    registerId: register?.id ?? null,
    modelId: model?.id ?? null,
    form,
    findings,
    signature: signature.value,
    receivedAt,
    dueAt: entryDue,
    studyDueAt: null,
    studyNote: null,
    decidedAt: outcome.status === 'refused' ? now : null,
    decidedBy: outcome.status === 'refused' ? 'system' : null,
    refusalGrounds: outcome.status === 'refused' ? [...outcome.grounds] : null,
    isLate: now > entryDue,
    previousApplicationId: input.previousApplicationId ?? null,
  };

  return transact(deps.database.db, async (tx) => {
    const subject = { type: 'application', id };
    await tx.insert(applications).values(application);
    await storeAttachments(tx, { type: 'application', id }, files.value, now);
    await appendAudit(tx, now, {
      actor: actorOf(actor),
      action: `application.${input.kind}.entered`,
      entity: 'fiscal.application',
      entityId: id,
      after: application,
    });
    // p.22 / p.30 / p.32: the entry into the TIS is the act the clock measures.
    await openDeadline(tx, { kind: entryKind, subject, responsible: { kind: 'org', id: tsc.id }, startsAt: receivedAt, dueAt: entryDue, metAt: now });
    if (input.kind === 'address_change' && input.movedOn) {
      // p.30: the business applies within 7 working days of the move (catalog ambiguity 9).
      const movedAt = startOfDushanbeDay(input.movedOn);
      await openDeadline(tx, {
        kind: 'ADDRESS_CHANGE_APPLICATION',
        subject,
        responsible: { kind: 'business', id: business.tin },
        startsAt: movedAt,
        dueAt: dueAt(calendar, 'ADDRESS_CHANGE_APPLICATION', movedAt, office),
        metAt: receivedAt,
      });
    }
    if (outcome.status === 'refused') {
      await openDeadline(tx, {
        kind: 'REFUSAL_NOTICE',
        subject,
        responsible: { kind: 'inspectorate', id: inspectorate.code },
        startsAt: now,
        dueAt: dueAt(calendar, 'REFUSAL_NOTICE', now, office),
        metAt: now,
      });
      await notify(tx, now, ...applicationNotice(application, 'refused'));
      return ok(application);
    }
    if (outcome.status === 'under_study') {
      const studyKind: DeadlineKind = input.kind === 'deregistration' ? 'DEREGISTRATION_SITE_CHECK' : 'DISCREPANCY_STUDY';
      const studyDue = dueAt(calendar, studyKind, now, office);
      await tx.update(applications).set({ studyDueAt: studyDue }).where(eq(applications.id, id));
      await openDeadline(tx, { kind: studyKind, subject, responsible: { kind: 'inspectorate', id: inspectorate.code }, startsAt: now, dueAt: studyDue });
      await notify(tx, now, ...applicationNotice(application, 'under_study'));
      return ok({ ...application, studyDueAt: studyDue });
    }
    return completeApplication(tx, deps, application, 'system', now);
  });
}

/** AX1-15: an electronic application carries the business's EDS, verified against its registered key. */
async function checkSignature(
  deps: FiscalDeps,
  input: ApplicationInput,
  hashes: readonly string[],
  now: Date,
): Promise<Result<SignatureRecord, Failure<'SIGNATURE_INVALID'>>> {
  if (input.submittedAs === 'paper') return ok({ kind: 'handwritten', note: `Signed on paper by ${input.signatory} on ${input.signedOn}` });
  const [account] = await deps.database.db
    .select()
    .from(accounts)
    .where(and(eq(accounts.login, input.businessTin), eq(accounts.role, 'business')));
  const key = account?.publicKey ? readPublicKey(account.publicKey) : undefined;
  const message = Buffer.from(canonicalJson(signedContent(input, hashes)));
  if (!key || !input.signature || !verifySignature(key, message, input.signature)) return fail('SIGNATURE_INVALID', 'body.signature');
  return ok({ kind: 'electronic', algorithm: key.algorithm, value: input.signature, verifiedAt: now.toISOString(), keyFingerprint: key.fingerprint });
}
