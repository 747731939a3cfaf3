import { and, asc, desc, eq } from 'drizzle-orm';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import type { Db } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import type { Localised } from '../../../platform/i18n.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { RequestErrorCode } from '../domain/errors.ts';
import { type Period, parsePeriod } from '../domain/ledger.ts';
import type { LedgerErrorCode } from '../domain/ledger-errors.ts';
import { filingSms, smsText } from '../domain/ledger-notices.ts';
import { declarationForms, type FilingChannel, filings } from '../infrastructure/ledger.schema.ts';
import type { TaxServicesDeps } from './deps.ts';
import { todayOf } from './ledger.ts';
import { queueMessage } from './outgoing-messages.ts';
import { completeRequest, type DeliveredResult, openRequest } from './requests.ts';

export type DeclarationForm = { readonly code: string; readonly taxType: string; readonly periodicity: 'month' | 'quarter' | 'year'; readonly name: Localised };

export async function listDeclarationForms(db: Db): Promise<DeclarationForm[]> {
  const found = await db.select().from(declarationForms).orderBy(asc(declarationForms.code));
  return found.map((f) => ({ code: f.code, taxType: f.taxType, periodicity: f.periodicity, name: { tg: f.nameTg, ru: f.nameRu, en: f.nameEn } }));
}

/** A form and a period that fit each other (the field names are those of the API body). */
export async function checkFormPeriod(
  db: Db,
  formCode: string,
  periodText: string,
  field = 'body',
  forms?: readonly DeclarationForm[],
): Promise<Result<{ form: DeclarationForm; period: Period }, Failure<LedgerErrorCode>>> {
  const form = (forms ?? (await listDeclarationForms(db))).find((f) => f.code === formCode);
  if (!form) return fail('DECLARATION_FORM_NOT_FOUND', `${field}.formCode`);
  const period = parsePeriod(periodText);
  if (!period) return fail('LEDGER_PERIOD_INVALID', `${field}.period`);
  if (period.kind !== form.periodicity) return fail('FILING_PERIOD_MISMATCH', `${field}.period`, { periodicity: form.periodicity });
  return ok({ form, period });
}

/** 05.05.01 a, b, c by channel: the cabinet (electronic), the counter (paper), a service terminal. */
const SERVICE_BY_CHANNEL: Readonly<Record<FilingChannel, string>> = { cabinet: '05.05.01a', office: '05.05.01b', terminal: '05.05.01c' };

export type FilingInput = {
  readonly tin: string;
  readonly formCode: string;
  readonly period: string;
  readonly channel: FilingChannel;
  /** The taxpayer's mobile number: the SMS of TS-35 (required for the cabinet; optional at a counter or terminal, A-7). */
  readonly phone?: string | null;
  /** Counter and terminal (TS-31): when the service began, whether there was a queue, how long the taxpayer waited. */
  readonly serviceStartedAt?: Date;
  readonly hadQueue?: boolean;
  readonly queueWaitSeconds?: number;
};

export type FiledDeclaration = {
  readonly id: string;
  readonly receiptNumber: string;
  readonly requestId: string;
  readonly requestNumber: string;
  readonly serviceKey: string;
  readonly isLate: boolean;
  /** The SMS as queued, when one was. */
  readonly sms: string | null;
};

/**
 * Records a declaration in the filing register and completes its 05.05.01 request in the same
 * transaction. (a) From the cabinet, in real time: the result is the SMS confirming receipt (TS-35),
 * queued to the taxpayer's phone. (b) At a counter and (c) at a terminal, entered by the officer
 * when the service ends: the request starts at the start of service, after the recorded queue wait,
 * and its service time is measured against 15 minutes (for a terminal only when there was no
 * queue, TS-31); the result is the receipt mark, and an SMS when a phone is given.
 */
export async function fileDeclaration(
  tx: Db,
  deps: TaxServicesDeps,
  actor: string,
  input: FilingInput,
): Promise<Result<FiledDeclaration, Failure<LedgerErrorCode | RequestErrorCode>>> {
  const checked = await checkFormPeriod(tx, input.formCode, input.period);
  if (!checked.ok) return checked;
  const { form, period } = checked.value;
  if (period.lastDay >= todayOf(deps)) return fail('FILING_PERIOD_NOT_ENDED', 'body.period', { periodEnds: period.lastDay });
  const at = deps.clock.now();
  const isCounter = input.channel !== 'cabinet';
  const startedAt = isCounter ? (input.serviceStartedAt ?? at) : at;
  if (startedAt > at) return fail('DATE_IN_FUTURE', 'body.serviceStartedAt');
  const wait = isCounter ? (input.queueWaitSeconds ?? 0) : 0;
  const serviceKey = SERVICE_BY_CHANNEL[input.channel];
  const opened = await openRequest(tx, deps, actor, {
    serviceKey,
    channel: input.channel,
    applicant: { tin: input.tin, phone: input.phone ?? null },
    ...(isCounter ? { receivedAt: new Date(startedAt.getTime() - wait * 1000), startedAt, hadQueue: input.hadQueue ?? wait > 0, queueWaitSeconds: wait } : {}),
    subject: { formCode: form.code, period: period.text },
  });
  if (!opened.ok) return opened;
  const request = opened.value;
  const receiptNumber = `F-${request.number}`;
  const id = uuidv7(at.getTime());
  await tx.insert(filings).values({
    id,
    receiptNumber,
    tin: input.tin,
    formCode: form.code,
    period: period.text,
    channel: input.channel,
    filedAt: at,
    requestId: request.id,
    phone: input.phone ?? null,
    filedBy: actor,
  });
  const sms = input.phone ? smsText(filingSms({ receiptNumber, formCode: form.code, period, filedOn: dushanbeDate(at) })) : null;
  if (sms && input.phone)
    await queueMessage(tx, at, { channel: 'sms', address: input.phone, body: sms, kind: 'declaration_filed', tin: input.tin, requestId: request.id });
  const results: DeliveredResult[] = [];
  if (sms) results.push({ kind: 'sms', fileName: `${receiptNumber}-sms.txt`, mediaType: 'text/plain; charset=utf-8', content: Buffer.from(sms, 'utf8') });
  if (isCounter) {
    const mark =
      `${receiptNumber}\n${form.name.tg} (${form.code}), ${period.text}\nРМА / ИНН / TIN ${input.tin}\n` +
      `Қабул шуд / Принято / Received: ${at.toISOString()}\n${actor}`;
    results.push({ kind: 'receipt', fileName: `${receiptNumber}.txt`, mediaType: 'text/plain; charset=utf-8', content: Buffer.from(mark, 'utf8') });
  }
  const done = await completeRequest(tx, deps, actor, request.id, results);
  if (!done.ok) return done;
  return ok({ id, receiptNumber, requestId: request.id, requestNumber: request.number, serviceKey, isLate: done.value.isLate, sms });
}

/** The filing register of one TIN, or of everyone for an officer, newest first. */
export async function listFilings(db: Db, filter: { readonly tin?: string; readonly formCode?: string; readonly limit?: number; readonly offset?: number }) {
  const found = await db
    .select()
    .from(filings)
    .where(and(filter.tin ? eq(filings.tin, filter.tin) : undefined, filter.formCode ? eq(filings.formCode, filter.formCode) : undefined))
    .orderBy(desc(filings.filedAt))
    .limit(filter.limit ?? 100)
    .offset(filter.offset ?? 0);
  return found.map((f) => ({ ...f, filedAt: f.filedAt.toISOString() }));
}
