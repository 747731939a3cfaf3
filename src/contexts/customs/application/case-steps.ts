/**
 * What the customs case files share: an audit (art.417) and an escort (art.402(1)) are each a
 * numbered row with a state, a history table of its own and entries in the hash-chained audit log.
 * A step locks the row, checks that the state allows it, stores the change with its history entry
 * and audit-log entry, tells whom it concerns and answers the card, all in one transaction (nothing
 * half-written). A `CaseKind` names one kind's table accessors and stable codes; the steps are
 * written once here (docs/customs-audits.md "Shared case helpers").
 */
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAuditLater } from '../../../platform/audit.ts';
import { type Db, transact } from '../../../platform/db.ts';
import type { Localised } from '../../../platform/i18n.ts';
import { type NewNotification, notify } from '../../../platform/notifications.ts';
import { type Err, type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { actorOf, type CustomsDeps } from './deps.ts';

/** The columns every case row has. */
export type CaseRow = { readonly id: string; readonly number: string; readonly state: string };

/** One entry of a case's history table. */
export type CaseEvent<S extends string> = {
  readonly caseId: string;
  readonly at: Date;
  readonly actor: string;
  readonly action: string;
  readonly fromState: S | null;
  readonly toState: S;
  readonly details?: Record<string, unknown>;
};

/** One kind of case: where its rows and history live, how the audit log and the inboxes name it, its codes and its card. */
export type CaseKind<Row extends CaseRow, Code extends string, View> = {
  /** The audit log's entity (`customs.audits`); its actions are `actionPrefix` + the step (`customs.audit_extended`). */
  readonly entity: string;
  readonly actionPrefix: string;
  /** The subject of its notifications (`customs_audit`). */
  readonly subjectType: string;
  /** Unknown number (404) and a step the state does not allow (409). */
  readonly notFound: Code;
  readonly conflict: Code;
  readonly byNumber: (db: Db, number: string, isForUpdate: boolean) => Promise<Row | undefined>;
  readonly update: (db: Db, row: Row, change: Partial<Row>, at: Date) => Promise<Row>;
  readonly addEvent: (db: Db, e: CaseEvent<Row['state']>) => Promise<void>;
  /** The officers' card with its history, read in the caller's transaction. */
  readonly card: (tx: Db, row: Row, now: Date) => Promise<View>;
};

/** Officials of the customs authority; everyone else reads only the cases of its own TIN. */
export const isCustoms = (p: AccountPrincipal) => p.role === 'customs_officer' || p.role === 'customs_head';

/** A page of a list (the routes allow up to 200; 50 from 0 when not given). */
export type ListPage = { readonly limit?: number; readonly offset?: number };

/** The case, locked for the rest of the transaction; unknown → the kind's NOT_FOUND on `params.number`. */
export async function lockCase<Row extends CaseRow, Code extends string>(
  kind: CaseKind<Row, Code, unknown>,
  tx: Db,
  number: string,
): Promise<Result<Row, Failure<Code>>> {
  const row = await kind.byNumber(tx, number, true);
  return row ? ok(row) : fail(kind.notFound, 'params.number');
}

/** The kind's STATE_CONFLICT, naming the state the case is in. */
export const caseConflict = <Row extends CaseRow, Code extends string>(kind: CaseKind<Row, Code, unknown>, row: Row): Err<Failure<Code>> =>
  fail(kind.conflict, undefined, { state: row.state });

export type CaseStep<Row> = {
  readonly at: Date;
  readonly actor: string;
  readonly action: string;
  readonly change: Partial<Row>;
  readonly details?: Record<string, unknown>;
};

/** One step of the state machine: the new fields, the case's history and the hash-chained audit log. */
export async function recordCaseStep<Row extends CaseRow>(kind: CaseKind<Row, string, unknown>, tx: Db, row: Row, step: CaseStep<Row>): Promise<Row> {
  const saved = await kind.update(tx, row, step.change, step.at);
  const { at, actor, action, details } = step;
  await logCase(kind, tx, row, { at, actor, action, fromState: row.state, toState: saved.state, details, after: { state: saved.state, ...details } });
  return saved;
}

/** The first step of a new case (no state before): its history entry and its audit-log entry with `after`. */
export async function recordCaseOpened<Row extends CaseRow>(
  kind: CaseKind<Row, string, unknown>,
  tx: Db,
  row: Pick<Row, 'id' | 'number' | 'state'>,
  opened: { readonly at: Date; readonly actor: string; readonly action: string; readonly details: Record<string, unknown>; readonly after: unknown },
): Promise<void> {
  await logCase(kind, tx, row, { ...opened, fromState: null, toState: row.state });
}

/** The history entry and the audit-log entry of a step; the log's `before` is the state left (none for a new case). */
async function logCase<Row extends CaseRow>(
  kind: CaseKind<Row, string, unknown>,
  tx: Db,
  row: Pick<Row, 'id' | 'number'>,
  e: Omit<CaseEvent<Row['state']>, 'caseId'> & { readonly after: unknown },
): Promise<void> {
  await kind.addEvent(tx, { caseId: row.id, at: e.at, actor: e.actor, action: e.action, fromState: e.fromState, toState: e.toState, details: e.details });
  await appendAuditLater(tx, e.at, {
    actor: e.actor,
    action: `${kind.actionPrefix}${e.action}`,
    entity: kind.entity,
    entityId: row.number,
    ...(e.fromState === null ? {} : { before: { state: e.fromState } }),
    after: e.after,
  });
}

/** What a step on a locked case has at hand; `record` stores a step of the acting user at `now`. */
export type CaseStepContext<Row> = {
  readonly tx: Db;
  readonly now: Date;
  /** How the audit log names the acting user. */
  readonly actor: string;
  readonly record: (action: string, change: Partial<Row>, details?: Record<string, unknown>) => Promise<Row>;
};

/**
 * A step by a user on case `number`, in one transaction: the case is locked (NOT_FOUND if unknown),
 * `step` checks the state and the input and records the change (an Err rolls everything back), and
 * the answer is the card of the row it returns.
 */
export async function changeCase<Row extends CaseRow, Code extends string, View>(
  deps: CustomsDeps,
  kind: CaseKind<Row, Code, View>,
  actor: AccountPrincipal,
  number: string,
  step: (row: Row, c: CaseStepContext<Row>) => Promise<Result<Row, Failure<Code>>>,
): Promise<Result<View, Failure<Code>>> {
  const now = deps.clock.now();
  const actorName = actorOf(actor);
  return transact(deps.database.db, async (tx): Promise<Result<View, Failure<Code>>> => {
    const found = await lockCase(kind, tx, number);
    if (!found.ok) return found;
    const row = found.value;
    const record = (action: string, change: Partial<Row>, details?: Record<string, unknown>) =>
      recordCaseStep(kind, tx, row, { at: now, actor: actorName, action, change, details });
    const done = await step(row, { tx, now, actor: actorName, record });
    return done.ok ? ok(await kind.card(tx, done.value, now)) : done;
  });
}

export type CaseMessage = { readonly kind: string; readonly title: Localised; readonly body: Localised };

const subject = (kind: { readonly subjectType: string }, row: CaseRow) => ({ type: kind.subjectType, id: row.number });

/** IMP-22: to a business's cabinet (the inbox of its TIN). */
export const tellBusiness = <Row extends CaseRow>(kind: CaseKind<Row, string, unknown>, tx: Db, at: Date, row: Row, tin: string, m: CaseMessage) =>
  notify(tx, at, { recipient: { kind: 'business', id: tin }, ...m, subject: subject(kind, row) });

/** To the customs officers' and the heads' inboxes. */
export const tellOfficials = <Row extends CaseRow>(kind: CaseKind<Row, string, unknown>, tx: Db, at: Date, row: Row, m: CaseMessage) =>
  notify(
    tx,
    at,
    ...(['customs_officer', 'customs_head'] as const).map((id): NewNotification => ({ recipient: { kind: 'role', id }, ...m, subject: subject(kind, row) })),
  );

/** A case's history as the officers' card shows it: every step, who and when. */
export const historyView = <S extends string>(
  events: readonly {
    readonly at: Date;
    readonly actor: string;
    readonly action: string;
    readonly fromState: S | null;
    readonly toState: S;
    readonly details: Record<string, unknown>;
  }[],
) =>
  events.map((e) => ({
    at: e.at.toISOString(),
    actor: e.actor,
    action: e.action,
    fromState: e.fromState,
    toState: e.toState,
    details: e.details,
  }));

/** Dirams as somoni with two decimals, for notices (1 somoni = 100 dirams). */
export const somoni = (d: bigint) => `${d / 100n}.${String(d % 100n).padStart(2, '0')}`;
