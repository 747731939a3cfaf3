/**
 * Reading and locking declarations, who may act on one, registration numbers, and the answer shape
 * shared by every declaration use case.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import type { IsoDate } from '../../../platform/calendar/index.ts';
import { type Db, rows } from '../../../platform/db.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { DeclarationErrorCode } from '../domain/declaration-errors.ts';
import type { Assessment } from '../domain/declaration-payments.ts';
import {
  controlEvents,
  type DeclarationRow,
  declarationRequests,
  declarations,
  declarationVersions,
  originalRequests,
} from '../infrastructure/declaration.schema.ts';

export type Refusal = Failure<DeclarationErrorCode>;

/** Parameters the Code leaves to the authorised body or to articles not in the draft (AMB-18), with their readings. */
export type DeclarationSettings = {
  /** Art.152: release within this many working days of acceptance (the base Code's 3 working days; AMB-18). */
  readonly releaseWorkingDays: number;
  /** Art.130 p.4, AMB-01, AMB-02: calendar days from registration of a preliminary declaration to present the goods. */
  readonly preliminaryDays: number;
  /** Art.135 p.2, AMB-01: calendar days from acceptance of an incomplete declaration to complete it. */
  readonly incompleteDays: number;
  /** The largest electronic copy accepted (bytes). */
  readonly maxDocumentBytes: number;
};

export const DEFAULT_DECLARATION_SETTINGS: DeclarationSettings = {
  releaseWorkingDays: 3,
  preliminaryDays: 15,
  incompleteDays: 45,
  maxDocumentBytes: 5 * 1024 * 1024,
};

export const CUSTOMS_STAFF = ['customs_officer', 'risk_analyst'] as const;
export const isStaff = (p: AccountPrincipal): boolean => (CUSTOMS_STAFF as readonly string[]).includes(p.role);

/** The declarant and the broker filing for it see and act on the declaration; customs staff see all. */
export function mayRead(p: AccountPrincipal, row: DeclarationRow): boolean {
  if (isStaff(p)) return true;
  return p.tin !== null && (p.tin === row.declarantCode || p.tin === row.filerTin || p.tin === row.brokerTin);
}
/** Only the filer (the declarant itself or its broker) changes or files it. */
export const mayFile = (p: AccountPrincipal, row: DeclarationRow): boolean => p.role === 'declarant' && p.tin !== null && p.tin === row.filerTin;

/** Reads the declaration without locking it (views, the signing payload); not found and not visible answer alike. */
export async function readDeclaration(db: Db, p: AccountPrincipal, id: string): Promise<Result<DeclarationRow, Refusal>> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return fail('DECLARATION_NOT_FOUND', 'params.id');
  const [row] = await db.select().from(declarations).where(eq(declarations.id, id));
  if (!row || !mayRead(p, row)) return fail('DECLARATION_NOT_FOUND', 'params.id');
  return ok(row);
}

/** The assessment as the declaration's columns. */
export const assessmentColumns = (a: Assessment) => ({
  customsValueDirams: a.customsValueDirams,
  dutyDirams: a.dutyDirams,
  exciseDirams: a.exciseDirams,
  vatDirams: a.vatDirams,
  payableDirams: a.payableDirams,
  toSecureDirams: a.toSecureDirams,
});

/** Loads and locks the declaration for a change; not found and not visible answer alike. */
export async function lockDeclaration(tx: Db, p: AccountPrincipal, id: string): Promise<Result<DeclarationRow, Refusal>> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return fail('DECLARATION_NOT_FOUND', 'params.id');
  const [row] = await tx.select().from(declarations).where(eq(declarations.id, id)).for('update');
  if (!row || !mayRead(p, row)) return fail('DECLARATION_NOT_FOUND', 'params.id');
  return ok(row);
}

/**
 * Art.132 p.2, IMP-03: office / DDMMYY of registration / a 7-digit serial. The serial comes from one
 * sequence (no lock, so it may skip a value when a registration rolls back; docs/decisions.md).
 */
export async function nextNumber(tx: Db, officeCode: string, day: IsoDate): Promise<string> {
  const [row] = await rows<{ serial: string }>(tx, sql`SELECT nextval('customs.declaration_serial')::text AS serial`);
  const [y, m, d] = day.split('-');
  return `${officeCode}/${d}${m}${y?.slice(2)}/${String(row?.serial ?? '0').padStart(7, '0')}`;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;
const money = (v: bigint | null) => (v === null ? null : v.toString());

export function declarationSummary(row: DeclarationRow) {
  return {
    id: row.id,
    number: row.number,
    state: row.state,
    form: row.form,
    channel: row.channel,
    direction: row.direction,
    regime: row.regime,
    officeCode: row.officeCode,
    declarantCode: row.declarantCode,
    brokerTin: row.brokerTin,
    itemCount: row.data.items.length,
    createdAt: row.createdAt.toISOString(),
    registeredAt: iso(row.registeredAt),
    releaseDueAt: iso(row.releaseDueAt),
    releasedAt: iso(row.releasedAt),
    payableDirams: money(row.payableDirams),
    riskLane: row.riskLane as 'green' | 'blue' | 'yellow' | 'red' | null,
  };
}

/** The whole declaration with its versions, requests, control events (visible ones) and originals asked. */
export async function declarationDetail(db: Db, _p: AccountPrincipal, row: DeclarationRow) {
  const [versions, requests, events, originals] = await Promise.all([
    db
      .select({
        version: declarationVersions.version,
        sha256: declarationVersions.sha256,
        signerTin: declarationVersions.signerTin,
        reason: declarationVersions.reason,
        actor: declarationVersions.actor,
        createdAt: declarationVersions.createdAt,
      })
      .from(declarationVersions)
      .where(eq(declarationVersions.declarationId, row.id))
      .orderBy(asc(declarationVersions.version)),
    db.select().from(declarationRequests).where(eq(declarationRequests.declarationId, row.id)).orderBy(asc(declarationRequests.requestedAt)),
    db.select().from(controlEvents).where(eq(controlEvents.declarationId, row.id)).orderBy(asc(controlEvents.at)),
    db
      .select()
      .from(originalRequests)
      .where(and(eq(originalRequests.declarationId, row.id))),
  ]);
  return {
    ...declarationSummary(row),
    resumeState: row.resumeState,
    filerTin: row.filerTin,
    // The stored data are readonly in the domain; the response schema types them as plain arrays.
    data: row.data as never,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    acceptedOn: row.acceptedOn,
    filingDueAt: iso(row.filingDueAt),
    isFiledLate: row.isFiledLate,
    assessment:
      row.customsValueDirams === null
        ? null
        : {
            customsValueDirams: money(row.customsValueDirams),
            dutyDirams: money(row.dutyDirams),
            exciseDirams: money(row.exciseDirams),
            vatDirams: money(row.vatDirams),
            payableDirams: money(row.payableDirams),
            toSecureDirams: money(row.toSecureDirams),
          },
    guaranteeReference: row.guaranteeReference,
    // Art.429(2) p.3 (CUS-RMS-22, IMP-17): the declarant sees the lane and the measures, never why it was selected.
    riskLane: row.riskLane,
    riskMeasures: row.riskMeasures ?? [],
    riskDecidedAt: iso(row.riskDecidedAt),
    riskDecisionId: row.riskDecisionId,
    preliminaryDueAt: iso(row.preliminaryDueAt),
    incompletePermittedAt: iso(row.incompletePermittedAt),
    incompleteDueAt: iso(row.incompleteDueAt),
    incompleteCompletedAt: iso(row.incompleteCompletedAt),
    refusedAt: iso(row.refusedAt),
    refusalGrounds: row.refusalGrounds,
    withdrawnAt: iso(row.withdrawnAt),
    annulledAt: iso(row.annulledAt),
    notAcceptedReasons: row.notAcceptedReasons,
    versions: versions.map((v) => ({ ...v, createdAt: v.createdAt.toISOString() })),
    requests: requests.map((r) => ({
      id: r.id,
      kind: r.kind,
      status: r.status,
      reason: r.reason,
      changes: r.changes,
      requestedAt: r.requestedAt.toISOString(),
      dueAt: iso(r.dueAt),
      decidedAt: iso(r.decidedAt),
      decisionReasons: r.decisionReasons,
    })),
    controlEvents: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      carriesLiability: e.carriesLiability,
      isRemedied: e.isRemedied,
      note: e.note,
      place: e.place,
      scheduledAt: iso(e.scheduledAt),
      at: e.at.toISOString(),
    })),
    originalsRequested: originals.map((o) => ({
      id: o.id,
      documentType: o.documentType,
      kind: o.kind,
      requestedAt: o.requestedAt.toISOString(),
      seenAt: iso(o.seenAt),
    })),
  };
}
