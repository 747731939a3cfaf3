/** What a new audit is about (planned, unplanned or a follow-up), checked and stored the same way. */
import { dushanbeDate } from '../../../platform/calendar/time.ts';
import type { Db } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { AuditFocus, AuditPlace, AuditState, ControlObject } from '../domain/audit.ts';
import type { AuditErrorCode } from '../domain/audit-errors.ts';
import { auditByNumber, declarationFacts, insertAudit, nextAuditNumber } from '../infrastructure/audit.repository.ts';
import type { AuditRow } from '../infrastructure/audit.schema.ts';
import { AUDIT_CASE } from './audit-view.ts';
import { recordCaseOpened } from './case-steps.ts';
import { officeOn } from './preliminary-store.ts';

export type AuditSubjectInput = {
  readonly place: AuditPlace;
  readonly focus: AuditFocus;
  /** Art.417 p.5: the theme of a thematic audit. */
  readonly theme?: string;
  readonly officeCode: string;
  /** AMB-12: the audited person, with or without declarations. */
  readonly person: { readonly code: string; readonly name: string };
  /** Registration numbers of released declarations the audit covers. */
  readonly declarations?: readonly string[];
  /** CUS-CTL-07: the objects of control targeted; the person's activities when none is named. */
  readonly controlObjects?: readonly ControlObject[];
  readonly coveredFrom?: string;
  readonly coveredTo?: string;
};

type Linked = { readonly id: string; readonly number: string };

/**
 * The office exists, a thematic audit has its theme, the period under audit is in order, and every
 * linked declaration is registered, is the person's (declarant, broker or filer) and its goods were
 * released (art.417 p.1: an audit is control after release).
 */
export async function checkSubject(tx: Db, input: AuditSubjectInput, at: Date): Promise<Result<Linked[], Failure<AuditErrorCode>>> {
  if (!(await officeOn(tx, input.officeCode, at))) return fail('AUDIT_OFFICE_UNKNOWN', 'body.officeCode');
  if (input.focus === 'thematic' && !input.theme?.trim()) return fail('AUDIT_THEME_REQUIRED', 'body.theme');
  if (input.coveredFrom && input.coveredTo && input.coveredTo < input.coveredFrom) return fail('AUDIT_COVERED_PERIOD_INVALID', 'body.coveredTo');
  const numbers = [...new Set(input.declarations ?? [])];
  const found = await declarationFacts(tx, numbers);
  for (const [i, number] of numbers.entries()) {
    const d = found.find((x) => x.number === number);
    const field = `body.declarations[${i}]`;
    if (!d) return fail('AUDIT_DECLARATION_NOT_FOUND', field, { number });
    if (![d.declarantCode, d.brokerTin, d.filerTin].includes(input.person.code)) return fail('AUDIT_DECLARATION_OTHER_PERSON', field, { number });
    if (!d.isReleased) return fail('AUDIT_DECLARATION_NOT_RELEASED', field, { number });
  }
  return ok(numbers.map((n) => found.find((d) => d.number === n) as Linked));
}

export type NewAuditOrigin =
  | { readonly kind: 'plan'; readonly planId: string; readonly plannedOn: string }
  | { readonly kind: 'ground'; readonly ground: string; readonly details: string; readonly originAuditId?: string };

/** A1/A2 (and A7/A8): inserts the audit in PLANNED or GROUND_REGISTERED with its first history entry. */
export async function createAudit(
  tx: Db,
  input: AuditSubjectInput,
  linked: readonly Linked[],
  origin: NewAuditOrigin,
  actor: string,
  at: Date,
): Promise<AuditRow> {
  const state: AuditState = origin.kind === 'plan' ? 'PLANNED' : 'GROUND_REGISTERED';
  const row = {
    id: uuidv7(at.getTime()),
    number: await nextAuditNumber(tx, dushanbeDate(at).slice(0, 4)),
    state,
    place: input.place,
    focus: input.focus,
    theme: input.focus === 'thematic' ? (input.theme?.trim() ?? null) : (input.theme ?? null),
    officeCode: input.officeCode,
    personCode: input.person.code,
    personName: input.person.name,
    planId: origin.kind === 'plan' ? origin.planId : null,
    plannedOn: origin.kind === 'plan' ? origin.plannedOn : null,
    ground: origin.kind === 'ground' ? origin.ground : null,
    groundDetails: origin.kind === 'ground' ? origin.details : null,
    originAuditId: origin.kind === 'ground' ? (origin.originAuditId ?? null) : null,
    controlObjects: input.controlObjects && input.controlObjects.length > 0 ? [...input.controlObjects] : [{ type: 'activities' as const }],
    coveredFrom: input.coveredFrom ?? null,
    coveredTo: input.coveredTo ?? null,
    registeredAt: at,
    registeredBy: actor,
    updatedAt: at,
  };
  await insertAudit(tx, row, linked);
  const details = origin.kind === 'plan' ? { planned: origin.plannedOn } : { ground: origin.ground };
  await recordCaseOpened(AUDIT_CASE, tx, row, {
    at,
    actor,
    action: origin.kind === 'plan' ? 'planned' : 'ground_registered',
    details,
    after: { state, place: row.place, focus: row.focus, person: row.personCode, ...details, declarations: linked.map((d) => d.number) },
  });
  const saved = await auditByNumber(tx, row.number);
  if (!saved) throw new Error(`audit ${row.number} vanished`);
  return saved;
}
