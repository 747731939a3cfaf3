import { randomBytes, timingSafeEqual } from 'node:crypto';
import { and, desc, eq, inArray, isNotNull, isNull, lte, type SQL, sql } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { type Db, rows, transact } from '../../../platform/db.ts';
import type { Localised } from '../../../platform/i18n.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import {
  type ComplaintChannel,
  type ComplaintOutcome,
  type ComplaintService,
  decideComplaint,
  formatSecret,
  normaliseSecret,
  OUTCOME_NAMES,
} from '../domain/complaint.ts';
import type { ComplaintErrorCode } from '../domain/complaint-errors.ts';
import type { RequestErrorCode } from '../domain/errors.ts';
import { slaState } from '../domain/sla.ts';
import { type ComplaintRow, complaints } from '../infrastructure/complaints.schema.ts';
import { type ComplaintDocument, complaintCopyPdf, complaintReplyPdf } from '../infrastructure/quality-documents.ts';
import { type RequestRow, requests, results, units } from '../infrastructure/schema.ts';
import { actorOf, type TaxServicesDeps } from './deps.ts';
import { completeRequest, openRequest } from './requests.ts';
import { sha256Hex } from '../../../platform/bytes.ts';

type ComplaintFailure = Failure<ComplaintErrorCode | RequestErrorCode>;

export type RegisterComplaintInput = {
  readonly serviceKey: ComplaintService;
  readonly channel: ComplaintChannel;
  readonly complainant: {
    readonly tin?: string | null;
    readonly name?: string | null;
    readonly email?: string | null;
    readonly phone?: string | null;
    readonly address?: string | null;
  };
  /** The official and unit complained of, and whether of an action or an inaction (TS-15). */
  readonly about?: { readonly unitCode?: string; readonly officialName?: string; readonly conduct?: 'action' | 'inaction' };
  readonly decisionRef?: string;
  readonly declarationRef?: string;
  readonly text: string;
  /** The unit that reviews it; by default the one the catalogue names. */
  readonly unitCode?: string;
  readonly receipt?: {
    readonly receiverName?: string;
    readonly receiverSigned?: boolean;
    readonly stamp?: string;
    readonly incomingNumber?: string;
    readonly stampedAt?: Date;
    readonly receivedAt?: Date;
  };
};

export type RegisteredComplaint = {
  readonly id: string;
  readonly registrationNumber: string;
  /** Shown once: the complainant's key to the public status page (TS-40). Only its hash is kept. */
  readonly secret: string;
  readonly receivedAt: Date;
  readonly dueAt: Date | null;
  readonly receiptCopyResultId: string | null;
};

const hashSecret = (secret: string) => sha256Hex(normaliseSecret(secret));

function aboutText(c: Pick<ComplaintRow, 'conduct' | 'officialName' | 'decisionRef' | 'declarationRef'>, unitName: Localised | null): string | null {
  const conduct = c.conduct === 'action' ? 'амал / действие / action' : c.conduct === 'inaction' ? 'беамалӣ / бездействие / inaction' : null;
  const parts = [conduct, c.officialName, unitName?.tg ?? null, c.decisionRef, c.declarationRef].filter((p): p is string => Boolean(p));
  return parts.length > 0 ? parts.join('; ') : null;
}

async function unitByCode(tx: Db, code: string) {
  const [unit] = await tx.select().from(units).where(eq(units.code, code));
  return unit;
}

const unitName = (u: { nameTg: string; nameRu: string; nameEn: string } | undefined): Localised | null =>
  u ? { tg: u.nameTg, ru: u.nameRu, en: u.nameEn } : null;

async function documentOf(
  tx: Db,
  deps: TaxServicesDeps,
  row: RequestRow,
  c: Pick<ComplaintRow, 'conduct' | 'officialName' | 'decisionRef' | 'declarationRef' | 'body' | 'complainantAddress' | 'aboutUnitId'>,
): Promise<ComplaintDocument> {
  const [handling] = await tx.select().from(units).where(eq(units.id, row.unitId));
  const [about] = c.aboutUnitId ? await tx.select().from(units).where(eq(units.id, c.aboutUnitId)) : [];
  const line = deps.catalogue
    .versions()
    .find((v) => v.id === row.catalogueVersionId)
    ?.lines.get(row.serviceKey);
  return {
    number: row.number,
    receivedAt: row.receivedAt,
    serviceKey: row.serviceKey,
    serviceName: line?.name ?? { tg: row.serviceKey, ru: row.serviceKey, en: row.serviceKey },
    complainant: { name: row.applicantName, tin: row.applicantTin, address: c.complainantAddress },
    about: aboutText(c, unitName(about)),
    text: c.body,
    unitName: unitName(handling) ?? { tg: '', ru: '', en: '' },
  };
}

/**
 * Registers a complaint or appeal from any of the six channels (TS-15, TS-39): a request of its
 * service (group 11) whose clock starts at the date of receipt the channel proves (TS-16), with
 * the second copy for the complainant when it was handed in person, and a secret for the status page.
 */
export async function registerComplaint(
  deps: TaxServicesDeps,
  actor: string,
  input: RegisterComplaintInput,
): Promise<Result<RegisteredComplaint, ComplaintFailure>> {
  const now = deps.clock.now();
  const decided = decideComplaint(
    {
      serviceKey: input.serviceKey,
      channel: input.channel,
      complainant: input.complainant,
      decisionRef: input.decisionRef,
      declarationRef: input.declarationRef,
      receipt: input.receipt,
    },
    now,
  );
  if (!decided.ok) return decided;
  const receipt = decided.value;
  return transact(deps.database.db, async (tx): Promise<Result<RegisteredComplaint, ComplaintFailure>> => {
    const about = input.about?.unitCode ? await unitByCode(tx, input.about.unitCode) : undefined;
    if (input.about?.unitCode && !about) return fail('UNIT_NOT_FOUND', 'body.about.unitCode');
    const { tin, name, email, phone } = input.complainant;
    const opened = await openRequest(tx, deps, actor, {
      serviceKey: input.serviceKey,
      channel: input.channel,
      applicant: { tin: tin ?? null, name: name ?? null, email: email ?? null, phone: phone ?? null },
      receivedAt: receipt.receivedAt,
      ...(input.unitCode ? { unitCode: input.unitCode } : {}),
      subject: { complaint: true, receiptMode: receipt.mode },
    });
    if (!opened.ok) return opened;
    const secret = formatSecret(randomBytes(10));
    const complaint = {
      requestId: opened.value.id,
      conduct: input.about?.conduct ?? null,
      officialName: input.about?.officialName ?? null,
      aboutUnitId: about?.id ?? null,
      decisionRef: input.decisionRef ?? null,
      declarationRef: input.declarationRef ?? null,
      body: input.text,
      complainantAddress: input.complainant.address ?? null,
      receiptMode: receipt.mode,
      receiverName: receipt.receiverName,
      receiverSigned: receipt.receiverSigned,
      receiptStamp: receipt.stamp,
      incomingNumber: receipt.incomingNumber,
      secretHash: hashSecret(secret),
    };
    let receiptCopyResultId: string | null = null;
    if (receipt.mode === 'in_person' && receipt.receiverName && receipt.stamp) {
      const [row] = await tx.select().from(requests).where(eq(requests.id, opened.value.id));
      if (!row) throw new Error('the request just opened is missing');
      const pdf = await complaintCopyPdf(await documentOf(tx, deps, row, complaint), { receiverName: receipt.receiverName, stamp: receipt.stamp });
      receiptCopyResultId = uuidv7(now.getTime());
      await tx.insert(results).values({
        id: receiptCopyResultId,
        requestId: row.id,
        kind: 'receipt',
        fileName: `complaint-${row.number}-second-copy.pdf`,
        mediaType: 'application/pdf',
        contentBase64: pdf.toString('base64'),
        sha256: sha256Hex(pdf),
        createdAt: now,
      });
    }
    await tx.insert(complaints).values({ ...complaint, receiptResultId: receiptCopyResultId });
    await appendAudit(tx, now, {
      actor,
      action: 'tax-services.complaint.registered',
      entity: 'service_request',
      entityId: opened.value.id,
      after: { serviceKey: input.serviceKey, channel: input.channel, receiptMode: receipt.mode, receivedAt: receipt.receivedAt.toISOString() },
    });
    return ok({
      id: opened.value.id,
      registrationNumber: opened.value.number,
      secret,
      receivedAt: receipt.receivedAt,
      dueAt: opened.value.clock?.dueAt ?? null,
      receiptCopyResultId,
    });
  });
}

/** Who may read a complaint: its complainant (by TIN), an officer of the unit reviewing it, the TSD (TS-52). */
function canRead(p: AccountPrincipal, row: RequestRow): boolean {
  if (p.role === 'business' || p.role === 'taxpayer') return row.applicantTin !== null && row.applicantTin === p.tin;
  if (p.role === 'service_officer') return true;
  if (p.role === 'tax_officer') return p.unitId === null || p.unitId === row.unitId;
  return false;
}

/**
 * The written reply (TS-17): the letter is kept as the request's result, the request is completed
 * (on time or late against its clock) and the complainant is told.
 */
export async function answerComplaint(
  deps: TaxServicesDeps,
  p: AccountPrincipal,
  id: string,
  input: { readonly outcome: ComplaintOutcome; readonly text: string },
): Promise<Result<{ id: string; isLate: boolean; replyResultId: string }, ComplaintFailure>> {
  return transact(deps.database.db, async (tx): Promise<Result<{ id: string; isLate: boolean; replyResultId: string }, ComplaintFailure>> => {
    const [found] = await tx
      .select()
      .from(complaints)
      .innerJoin(requests, eq(requests.id, complaints.requestId))
      .where(eq(complaints.requestId, id))
      .for('update');
    if (!found || !canRead(p, found.requests) || p.role === 'business' || p.role === 'taxpayer') return fail('COMPLAINT_NOT_FOUND');
    if (found.complaints.answeredAt || found.requests.completedAt) return fail('COMPLAINT_ALREADY_ANSWERED');
    const at = deps.clock.now();
    const actor = actorOf(p);
    const pdf = await complaintReplyPdf(await documentOf(tx, deps, found.requests, found.complaints), { ...input, answeredAt: at, answeredBy: p.displayName });
    const completed = await completeRequest(
      tx,
      deps,
      actor,
      id,
      [{ kind: 'letter', fileName: `complaint-${found.requests.number}-reply.pdf`, mediaType: 'application/pdf', content: pdf }],
      `${OUTCOME_NAMES[input.outcome].tg}. ${input.text}`.slice(0, 2000),
    );
    if (!completed.ok) return completed;
    const replyResultId = completed.value.resultIds[0] as string;
    await tx
      .update(complaints)
      .set({ outcome: input.outcome, replyText: input.text, answeredAt: at, answeredBy: actor, replyResultId })
      .where(eq(complaints.requestId, id));
    await appendAudit(tx, at, {
      actor,
      action: 'tax-services.complaint.answered',
      entity: 'service_request',
      entityId: id,
      before: { answeredAt: null },
      after: { outcome: input.outcome, isLate: completed.value.isLate },
    });
    return ok({ id, isLate: completed.value.isLate, replyResultId });
  });
}

export type ComplaintView = ReturnType<typeof viewOf>;

function viewOf(row: RequestRow, c: ComplaintRow, unit: { code: string } | undefined, about: { code: string } | undefined, now: Date) {
  const clock = { dueAt: row.dueAt, warnAt: row.warnAt, targetAt: row.targetAt, opensAt: row.opensAt, stageDueAt: row.stageDueAt };
  return {
    id: row.id,
    registrationNumber: row.number,
    serviceKey: row.serviceKey,
    channel: row.channel,
    status: c.answeredAt ? ('answered' as const) : ('under_review' as const),
    slaState: slaState(clock, now, row.completedAt),
    receivedAt: row.receivedAt.toISOString(),
    dueAt: row.dueAt?.toISOString() ?? null,
    escalatedAt: row.escalatedAt?.toISOString() ?? null,
    unitCode: unit?.code ?? '',
    complainant: { tin: row.applicantTin, name: row.applicantName, email: row.applicantEmail, phone: row.applicantPhone, address: c.complainantAddress },
    about: { unitCode: about?.code ?? null, officialName: c.officialName, conduct: c.conduct },
    decisionRef: c.decisionRef,
    declarationRef: c.declarationRef,
    text: c.body,
    receipt: {
      mode: c.receiptMode,
      receivedAt: row.receivedAt.toISOString(),
      receiverName: c.receiverName,
      receiverSigned: c.receiverSigned,
      stamp: c.receiptStamp,
      incomingNumber: c.incomingNumber,
      copyResultId: c.receiptResultId,
    },
    reply: c.answeredAt
      ? {
          outcome: c.outcome,
          text: c.replyText,
          answeredAt: c.answeredAt.toISOString(),
          answeredBy: c.answeredBy,
          resultId: c.replyResultId,
          isLate: row.isLate,
        }
      : null,
  };
}

async function loadViews(deps: TaxServicesDeps, where: SQL | undefined, limit: number, offset: number) {
  const db = deps.database.db;
  const found = await db
    .select()
    .from(complaints)
    .innerJoin(requests, eq(requests.id, complaints.requestId))
    .innerJoin(units, eq(units.id, requests.unitId))
    .where(where)
    .orderBy(desc(requests.receivedAt), desc(requests.id))
    .limit(limit)
    .offset(offset);
  const aboutIds = [...new Set(found.map((f) => f.complaints.aboutUnitId).filter((x): x is string => x !== null))];
  const abouts = aboutIds.length > 0 ? await db.select().from(units).where(inArray(units.id, aboutIds)) : [];
  const now = deps.clock.now();
  return found.map((f) =>
    viewOf(
      f.requests,
      f.complaints,
      f.units,
      abouts.find((u) => u.id === f.complaints.aboutUnitId),
      now,
    ),
  );
}

export async function getComplaint(deps: TaxServicesDeps, p: AccountPrincipal, id: string): Promise<Result<ComplaintView, ComplaintFailure>> {
  const [row] = await deps.database.db.select().from(requests).where(eq(requests.id, id));
  if (!row || !canRead(p, row)) return fail('COMPLAINT_NOT_FOUND');
  const [view] = await loadViews(deps, eq(complaints.requestId, id), 1, 0);
  if (!view) return fail('COMPLAINT_NOT_FOUND');
  if (p.role !== 'business' && p.role !== 'taxpayer') {
    await appendAudit(deps.database.db, deps.clock.now(), {
      actor: actorOf(p),
      action: 'tax-services.complaint.read',
      entity: 'service_request',
      entityId: id,
    });
  }
  return ok(view);
}

export type ComplaintFilter = {
  readonly state?: 'under_review' | 'answered' | 'breached';
  readonly serviceKey?: string;
  readonly channel?: string;
  readonly limit?: number;
  readonly offset?: number;
};

/** The complaints register (TS-39): a complainant's own, a unit's, or all for the TSD; newest first. */
export async function listComplaints(deps: TaxServicesDeps, p: AccountPrincipal, filter: ComplaintFilter = {}): Promise<ComplaintView[]> {
  const conditions: (SQL | undefined)[] = [];
  if (p.role === 'business' || p.role === 'taxpayer') conditions.push(eq(requests.applicantTin, p.tin ?? ''));
  else if (p.role === 'tax_officer' && p.unitId) conditions.push(eq(requests.unitId, p.unitId));
  else if (p.role !== 'service_officer' && p.role !== 'tax_officer') return [];
  if (filter.state === 'under_review') conditions.push(isNull(complaints.answeredAt));
  if (filter.state === 'answered') conditions.push(isNotNull(complaints.answeredAt));
  if (filter.state === 'breached') conditions.push(isNull(complaints.answeredAt), lte(requests.dueAt, deps.clock.now()));
  if (filter.serviceKey) conditions.push(eq(requests.serviceKey, filter.serviceKey));
  if (filter.channel) conditions.push(eq(requests.channel, filter.channel));
  return loadViews(deps, and(...conditions), Math.min(filter.limit ?? 50, 500), filter.offset ?? 0);
}

/** The complaint with this registration number, if the secret is its own (TS-40); constant-time comparison. */
export async function complaintBySecret(
  db: Db,
  registrationNumber: string,
  secret: string,
): Promise<{ request: RequestRow; complaint: ComplaintRow } | undefined> {
  const [found] = await db.select().from(complaints).innerJoin(requests, eq(requests.id, complaints.requestId)).where(eq(requests.number, registrationNumber));
  const given = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(found?.complaints.secretHash ?? '0'.repeat(64), 'hex');
  const isMatch = given.length === stored.length && timingSafeEqual(given, stored);
  return found && isMatch ? { request: found.requests, complaint: found.complaints } : undefined;
}

/** What the complainant sees on the public status page of the Book of complaints (TS-40, TS-17). */
export async function complaintStatus(deps: TaxServicesDeps, registrationNumber: string, secret: string) {
  const found = await complaintBySecret(deps.database.db, registrationNumber, secret);
  if (!found) return fail('COMPLAINT_NOT_FOUND');
  const { request: r, complaint: c } = found;
  const line = deps.catalogue
    .versions()
    .find((v) => v.id === r.catalogueVersionId)
    ?.lines.get(r.serviceKey);
  const rated = await rows<{ one: number }>(deps.database.db, sql`SELECT 1 AS one FROM tax_services.ratings WHERE request_id = ${r.id}`);
  return ok({
    registrationNumber: r.number,
    serviceKey: r.serviceKey,
    serviceName: line?.name ?? { tg: r.serviceKey, ru: r.serviceKey, en: r.serviceKey },
    channel: r.channel,
    status: c.answeredAt ? ('answered' as const) : ('under_review' as const),
    receivedAt: r.receivedAt.toISOString(),
    dueAt: r.dueAt?.toISOString() ?? null,
    answeredAt: c.answeredAt?.toISOString() ?? null,
    isLate: r.isLate,
    outcome: c.outcome,
    outcomeName: c.outcome ? OUTCOME_NAMES[c.outcome] : null,
    reply: c.replyText,
    hasReplyLetter: c.replyResultId !== null,
    canRate: c.answeredAt !== null && rated.length === 0,
  });
}

/** The reply letter as a file, for the holder of the secret. */
export async function complaintReplyLetter(deps: TaxServicesDeps, registrationNumber: string, secret: string) {
  const found = await complaintBySecret(deps.database.db, registrationNumber, secret);
  if (!found?.complaint.replyResultId) return fail('COMPLAINT_NOT_FOUND');
  const [file] = await deps.database.db.select().from(results).where(eq(results.id, found.complaint.replyResultId));
  if (!file) return fail('COMPLAINT_NOT_FOUND');
  return ok({ fileName: file.fileName, mediaType: file.mediaType, content: Buffer.from(file.contentBase64, 'base64') });
}
