import { eq } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAuditLater as appendAudit } from '../../../platform/audit.ts';
import { dushanbeDate, type IsoDate } from '../../../platform/calendar/index.ts';
import { type Db, transact } from '../../../platform/db.ts';
import { notify } from '../../../platform/notifications.ts';
import { publish } from '../../../platform/outbox.ts';
import { fail, ok, type Result } from '../../../platform/result.ts';
import { type RegistrationFacts, registrationReasons } from '../domain/declaration-checks.ts';
import type { DeclarationData } from '../domain/declaration.ts';
import { type Assessment, assess } from '../domain/declaration-payments.ts';
import { type DeclarationRow, declarations, declarationVersions } from '../infrastructure/declaration.schema.ts';
import { currencyControlFilingReasons } from './currency-control-filing.ts';
import { actorOf, type CustomsDeps } from './deps.ts';
import { goodsExitedReasons } from './exit-filing.ts';
import { type DeclarationFacts, declarationFacts } from './declaration-facts.ts';
import { sha256Hex, signingBytes, verifyFiling } from './declaration-signature.ts';
import { sampleFilingReasons } from './sample-filing.ts';
import { simplifiedFilingReasons } from './simplified-filing.ts';
import { addFormDefinitionReasons } from './form-definition-store.ts';
import { assessmentColumns, lockDeclaration, readDeclaration, mayFile, nextNumber, type Refusal } from './declaration-store.ts';

export const DECLARATION_REGISTERED = 'customs.declaration_registered';
export type DeclarationRegisteredEvent = { readonly declarationId: string; readonly number: string; readonly officeCode: string };

export type FilingInput = {
  /** Base64 signature over `filingMessage` (ECDSA P-256 DER or r‖s, or Ed25519). */
  readonly signature: string;
  readonly certificatePem: string;
  /** A guarantee securing the payments of a regime with relief (art.160, CUS-GUA-03). */
  readonly guaranteeReference?: string;
};

/** What the filer signs: the declaration's id and data, as canonical JSON (the same bytes on every machine). */
export const filingMessage = (row: Pick<DeclarationRow, 'id' | 'data'>): Buffer => signingBytes({ declarationId: row.id, data: row.data });

/** Art.11-1 p.6: whether preliminary information can still be used, recording the use; wired to the arrival slice. */
export type PreliminaryLookup = (tx: Db, number: string, at: Date) => Promise<{ readonly isUsable: boolean } | undefined>;
/** CUS-DEC-85: the payment order for the registration number, issued by the finance slice in this transaction. */
export type IssueOrder = (
  tx: Db,
  order: {
    readonly reference: string;
    readonly payerTin: string;
    readonly lines: readonly { kind: 'duty' | 'excise' | 'vat'; amountDirams: bigint }[];
    readonly at: Date;
  },
) => Promise<void>;
/** The temporary storage record of the goods, from the arrival slice. */
export type StorageLookup = (
  tx: Db,
  number: string,
) => Promise<{ readonly isActive: boolean; readonly periodEndsAt: Date; readonly officeCode: string } | undefined>;
export type RegistrationPorts = { readonly preliminary: PreliminaryLookup; readonly issueOrder: IssueOrder; readonly storage: StorageLookup };

/**
 * Art.129 p.1-2 (CUS-DEC-27, 28): the filing deadline of goods in temporary storage is the end of
 * the storage period; when that day is not a working day of the office, the end of its next one.
 */
export function filingDeadline(deps: CustomsDeps, periodEndsAt: Date, calendarOffice: string): Date {
  return deps.calendar().endOfDay(dushanbeDate(periodEndsAt), { rollToWorkingDay: true, office: calendarOffice });
}

/** What the filing itself says, beyond the data: the day, the form and channel, who files, how it was signed. */
export type FilingCircumstances = Pick<RegistrationFacts, 'day' | 'form' | 'channel' | 'filerTin' | 'signature' | 'isOutageOpen' | 'isIncompletePermitted'>;

/**
 * The one check before registration, electronic or paper (art.132 p.4, AMB-05): the facts of the
 * day, the preliminary information and storage named, and every reason on the six grounds. The
 * facts come back too, for the assessment and the calendar of the office.
 */
export async function checkRegistration(
  tx: Db,
  ports: Pick<RegistrationPorts, 'preliminary' | 'storage'>,
  data: DeclarationData,
  filing: FilingCircumstances,
  at: Date,
) {
  const facts = await declarationFacts(tx, data, filing.day, filing.channel);
  const pi = data.preliminaryNumber === undefined ? undefined : await ports.preliminary(tx, data.preliminaryNumber, at);
  const storage = data.storageNumber === undefined ? undefined : await ports.storage(tx, data.storageNumber);
  // Paper copies are on the customs desk, not uploaded: every required document counts as obtainable.
  const requiredDocuments = filing.channel === 'paper' ? facts.requiredDocuments.map((r) => ({ ...r, isObtainable: true })) : facts.requiredDocuments;
  const reasons = registrationReasons(data, {
    ...filing,
    offices: facts.offices,
    declarant: facts.declarant,
    broker: facts.broker,
    tariffs: facts.tariffs,
    countries: facts.countries,
    rate: facts.rate,
    documentTypes: facts.documentTypes,
    requiredDocuments,
    preliminary: pi,
    storage,
  });
  // CUS-DEC-07 (art.124 p.7, p.10): the filling rules of the form in force on the filing day, for its channel.
  await addFormDefinitionReasons(tx, reasons, filing.channel, data, filing.day);
  // CUS-DEC-29 (art.129 p.3): an export filed after the border office recorded its goods' exit.
  reasons.push(...(await goodsExitedReasons(tx, data, filing.form, at)));
  const office = facts.offices.find((o) => o.code === data.officeCode);
  return { facts, storage, reasons, calendarOffice: office?.calendarOffice ?? 'default' };
}

/** Registration is acceptance (art.132 p.2): the assessment at the rates of the day (art.136 p.13) and the next number of the office. */
export async function acceptance(tx: Db, data: DeclarationData, facts: DeclarationFacts, day: IsoDate) {
  const assessment = assess(data, facts.rate as string, (item) => facts.tariffs.get(item.commodityCode) as never);
  return { assessment, number: await nextNumber(tx, data.officeCode, day) };
}

/** CUS-DEC-70, 85: what is payable goes out as a payment order under the registration number, to the declarant (or its broker when the declarant is foreign). */
export async function issuePaymentOrderFor(
  tx: Db,
  ports: Pick<RegistrationPorts, 'issueOrder'>,
  d: { readonly number: string; readonly declarantCode: string; readonly brokerTin: string | null; readonly assessment: Assessment; readonly at: Date },
): Promise<void> {
  const payer = /^\d{9}$/.test(d.declarantCode) ? d.declarantCode : d.brokerTin;
  const lines = (
    [
      ['duty', d.assessment.dutyDirams],
      ['excise', d.assessment.exciseDirams],
      ['vat', d.assessment.vatDirams],
    ] as const
  )
    .filter(([, amount]) => amount > 0n)
    .map(([kind, amountDirams]) => ({ kind, amountDirams }));
  if (d.assessment.payableDirams > 0n && payer) await ports.issueOrder(tx, { reference: d.number, payerTin: payer, lines, at: d.at });
}

/**
 * Art.124 p.8, art.132 p.1-2, p.7 (CUS-DEC-08, 36, 37, 42; D2, D3, D4): the signed declaration is
 * checked on every ground of art.132 p.4 at once (AMB-05); when it passes it is registered, which is
 * acceptance: number, instant and day, the assessment at the rates of the day (art.136 p.13), the
 * release deadline (art.152), the first immutable version, and the hand-off to risk management
 * through the outbox. When it fails nothing is written and every reason is returned.
 */
export async function registerDeclaration(
  deps: CustomsDeps,
  actor: AccountPrincipal,
  id: string,
  input: FilingInput,
  ports: RegistrationPorts,
): Promise<Result<DeclarationRow, Refusal>> {
  // The signature is checked before the transaction: the national authority's register is read on
  // its own connection (on the embedded database, one connection: it would wait for this one).
  const now = deps.clock.now();
  const seen = await readDeclaration(deps.database.db, actor, id);
  if (!seen.ok) return seen;
  const message = filingMessage(seen.value);
  const signature = await verifyFiling(deps.database.db, deps.verifyNationalSignature, {
    certificatePem: input.certificatePem,
    signatureBase64: input.signature,
    message,
    signedAt: now,
  });
  return transact(deps.database.db, async (tx) => {
    const found = await lockDeclaration(tx, actor, id);
    if (!found.ok) return found;
    const row = found.value;
    if (!mayFile(actor, row)) return fail('DECLARATION_NOT_YOURS', 'params.id');
    if (row.state !== 'DRAFT') return fail('DECLARATION_STATE_INVALID', 'params.id', { state: row.state });
    // The draft changed between the check and now: what was signed is not what would be filed.
    if (row.updatedAt.getTime() !== seen.value.updatedAt.getTime())
      return fail('DECLARATION_STATE_INVALID', 'params.id', { state: row.state, reason: 'changed' });
    const day = dushanbeDate(now);
    const data = row.data;
    const { facts, storage, reasons, calendarOffice } = await checkRegistration(
      tx,
      ports,
      data,
      {
        day,
        form: row.form,
        channel: 'electronic',
        filerTin: row.filerTin,
        signature: { isValid: signature.isValid, tin: signature.signerCode, fault: signature.fault },
        isOutageOpen: false,
        isIncompletePermitted: row.incompletePermittedAt !== null,
      },
      now,
    );
    // CUS-DEC-18 samples, CUS-DEC-11 currency control, CUS-DEC-75 simplified export (docs/customs-declarant-requests.md).
    for (const check of [sampleFilingReasons, currencyControlFilingReasons, simplifiedFilingReasons])
      reasons.push(...(await check(tx, row, { day, tariffs: facts.tariffs, rate: facts.rate })));
    if (reasons.length > 0) return fail('DECLARATION_NOT_REGISTERABLE', `body.${reasons[0]?.field}`, { reasons });

    const calendar = deps.calendar();
    const { assessment, number } = await acceptance(tx, data, facts, day);
    const isPreliminary = row.form === 'preliminary';
    const filingDueAt = storage ? filingDeadline(deps, storage.periodEndsAt, calendarOffice) : null;
    const [registered] = await tx
      .update(declarations)
      .set({
        number,
        state: isPreliminary ? 'PRELIMINARY_REGISTERED' : 'REGISTERED',
        version: 1,
        registeredAt: now,
        acceptedOn: day,
        filingDueAt,
        isFiledLate: filingDueAt !== null && now > filingDueAt,
        updatedAt: now,
        ...assessmentColumns(assessment),
        guaranteeReference: input.guaranteeReference ?? null,
        releaseDueAt: isPreliminary ? null : calendar.addWorkingDays(now, deps.declarations.releaseWorkingDays, calendarOffice),
        preliminaryDueAt: isPreliminary ? calendar.addCalendarDays(now, deps.declarations.preliminaryDays) : null,
        incompleteDueAt: row.form === 'incomplete' ? calendar.addCalendarDays(now, deps.declarations.incompleteDays) : null,
      })
      .where(eq(declarations.id, row.id))
      .returning();
    await tx.insert(declarationVersions).values({
      declarationId: row.id,
      version: 1,
      data,
      sha256: sha256Hex(message),
      signature: input.signature,
      certificatePem: input.certificatePem,
      signerTin: signature.signerCode,
      reason: 'registration',
      actor: actorOf(actor),
      createdAt: now,
    });
    await notify(tx, now, {
      recipient: { kind: 'business', id: row.declarantCode },
      kind: 'customs_declaration_registered',
      title: { tg: `Эъломия № ${number} ба қайд гирифта шуд`, ru: `Декларация № ${number} зарегистрирована`, en: `Declaration No ${number} is registered` },
      body: {
        tg: 'Эъломия қабул шуд (м.132 қ.2). Ҳолати онро дар утоқи шахсӣ пайгирӣ кунед.',
        ru: 'Декларация принята (ст.132 ч.2). Следите за её состоянием в личном кабинете.',
        en: 'The declaration is accepted (art.132 p.2). Follow its status in your cabinet.',
      },
      subject: { type: 'customs_declaration', id: row.id },
    });
    await issuePaymentOrderFor(tx, ports, { number, declarantCode: row.declarantCode, brokerTin: row.brokerTin, assessment, at: now });
    if (!isPreliminary)
      await publish(tx, DECLARATION_REGISTERED, { declarationId: row.id, number, officeCode: data.officeCode } satisfies DeclarationRegisteredEvent, now);
    // Last: the audit chain's tip is locked from here to the commit, so it is held as briefly as possible.
    await appendAudit(tx, now, {
      actor: actorOf(actor),
      action: 'customs.declaration_registered',
      entity: 'customs.declaration',
      entityId: row.id,
      after: { number, state: registered?.state, payableDirams: assessment.payableDirams.toString() },
    });
    return ok(registered as DeclarationRow);
  });
}
