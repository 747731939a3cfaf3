import { and, eq, inArray } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit.ts';
import { type AccountPrincipal, findAccountByLogin } from '../../../platform/auth.ts';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { sqlState, UNIQUE_VIOLATION } from '../../../platform/db.ts';
import { format } from '../../../platform/i18n.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { notify } from '../../../platform/notifications.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { actsForTsc } from '../domain/tsc-registry.ts';
import { branches, specialists, tscs } from '../infrastructure/schema.ts';
import { type AttachmentInput, decodeAttachments, storeAttachments } from './attachments.ts';
import { actorOf, dueAt, type FiscalDeps, openDeadline } from './deps.ts';
import { type Branch, type BranchView, loadBranchView } from './list-branches.ts';
import { OPERATOR } from './remove-tsc.ts';

/** The qualified specialist who will give guaranteed service at the branch (p.112). */
export type SpecialistInput = {
  readonly fullName: string;
  readonly certificateNumber: string;
  readonly certificateIssuer: string;
  /** The login the specialist will use once registered (p.53 item 11). */
  readonly login: string;
};

export type BranchRequestInput = {
  readonly name: string;
  readonly region: string;
  readonly address: string;
  readonly phone: string;
  readonly specialist: SpecialistInput;
  readonly attachments?: readonly AttachmentInput[];
  /** p.116: a new request after a refusal names the refused one. */
  readonly previousBranchId?: string;
};

export type RequestBranchError =
  | 'TSC_NOT_FOUND'
  | 'FORBIDDEN'
  | 'TSC_REMOVED'
  | 'ATTACHMENT_INVALID'
  | 'BRANCH_NOT_FOUND'
  | 'PREVIOUS_APPLICATION_NOT_REFUSED'
  | 'LOGIN_TAKEN';

const TO_OPERATOR = {
  title: { tg: 'Дархости бақайдгирии филиал', ru: 'Заявка на регистрацию филиала', en: 'Branch registration request' },
  body: {
    tg: '«{tsc}» бақайдгирии филиали «{branch}» ({region})-ро дархост кард. Ҷавоб то {due} (б.115).',
    ru: '«{tsc}» просит зарегистрировать филиал «{branch}» ({region}). Ответ до {due} (п.115).',
    en: '"{tsc}" asks to register branch "{branch}" ({region}). Reply due by {due} (p.115).',
  },
};
const TO_TSC = {
  title: { tg: 'Дархости филиал қабул шуд', ru: 'Заявка филиала принята', en: 'Branch request received' },
  body: {
    tg: 'Дархости бақайдгирии филиали «{branch}» қабул шуд. Оператор то {due} ҷавоб медиҳад (б.115). Бақайдгирӣ ройгон аст (б.87).',
    ru: 'Заявка на регистрацию филиала «{branch}» принята. Оператор ответит до {due} (п.115). Регистрация бесплатна (п.87).',
    en: 'The request to register branch "{branch}" was received. The operator replies by {due} (p.115). Registration is free of charge (p.87).',
  },
};

/**
 * p.112 (FIS-BRN-03, FIS-BRN-04): the TSC asks the authorised body and the operator to enter a
 * regional branch in the registry, giving electronically the qualified specialist who will serve
 * there; the specialist's record waits for the operator (p.53 item 11). The operator replies within
 * 7 working days (p.115). After a refusal the TSC may ask again (p.116).
 */
export async function requestBranch(
  deps: FiscalDeps,
  actor: AccountPrincipal,
  tscId: string,
  input: BranchRequestInput,
): Promise<Result<BranchView, Failure<RequestBranchError>>> {
  const acting = actsForTsc(actor, tscId, 'head_office');
  if (acting === 'not_found') return fail('TSC_NOT_FOUND');
  if (acting === 'forbidden') return fail('FORBIDDEN');
  const files = decodeAttachments(input.attachments ?? []);
  if (!files.ok) return files;
  const now = deps.clock.now();
  const replyDueAt = dueAt(deps.calendar(), 'BRANCH_REPLY', now);
  try {
    return await deps.database.db.transaction(async (tx) => {
      const [tsc] = await tx.select().from(tscs).where(eq(tscs.id, tscId)).for('share');
      if (!tsc) return fail('TSC_NOT_FOUND');
      if (tsc.status === 'removed') return fail('TSC_REMOVED');
      if (input.previousBranchId) {
        const [previous] = await tx.select().from(branches).where(eq(branches.id, input.previousBranchId));
        if (!previous || previous.tscId !== tscId) return fail('BRANCH_NOT_FOUND', 'body.previousBranchId');
        if (previous.status !== 'refused') return fail('PREVIOUS_APPLICATION_NOT_REFUSED', 'body.previousBranchId');
      }
      if (await isLoginTaken(tx, input.specialist.login)) return fail('LOGIN_TAKEN', 'body.specialist.login');

      const branch: Branch = {
        id: uuidv7(now.getTime()),
        tscId,
        name: input.name,
        region: input.region,
        address: input.address,
        phone: input.phone,
        status: 'applied',
        receivedAt: now,
        replyDueAt,
        decidedAt: null,
        decidedBy: null,
        refusalGrounds: null,
        deregisteredAt: null,
        deregistrationGround: null,
        previousBranchId: input.previousBranchId ?? null,
      };
      const specialist = {
        id: uuidv7(now.getTime()),
        tscId,
        branchId: branch.id,
        ...input.specialist,
        status: 'applied' as const,
        accountId: null,
        appliedAt: now,
        decidedAt: null,
        refusalReason: null,
      };
      await tx.insert(branches).values(branch);
      await tx.insert(specialists).values(specialist);
      await storeAttachments(tx, { type: 'branch', id: branch.id }, files.value, now);
      await openDeadline(tx, {
        kind: 'BRANCH_REPLY',
        subject: { type: 'branch', id: branch.id },
        responsible: { kind: 'operator', id: OPERATOR },
        startsAt: now,
        dueAt: replyDueAt,
      });
      await appendAudit(
        tx,
        now,
        {
          actor: actorOf(actor),
          action: 'branch.applied',
          entity: 'fiscal.branch',
          entityId: branch.id,
          after: { ...branch, attachments: files.value.map(({ contentBase64: _, ...m }) => m) },
        },
        { actor: actorOf(actor), action: 'specialist.applied', entity: 'fiscal.specialist', entityId: specialist.id, after: specialist },
      );
      const values = { tsc: tsc.name, branch: branch.name, region: branch.region, due: dushanbeDate(replyDueAt) };
      await notify(
        tx,
        now,
        // p.112: the request goes to the operator, which replies (p.115), and to the authorised body.
        {
          recipient: { kind: 'role', id: 'operator_admin' },
          kind: 'branch.to_decide',
          title: TO_OPERATOR.title,
          body: format(TO_OPERATOR.body, values),
          subject: { type: 'branch', id: branch.id },
        },
        {
          recipient: { kind: 'role', id: 'tax_officer' },
          kind: 'branch.applied',
          title: TO_OPERATOR.title,
          body: format(TO_OPERATOR.body, values),
          subject: { type: 'branch', id: branch.id },
        },
        {
          recipient: { kind: 'org', id: tscId },
          kind: 'branch.applied',
          title: TO_TSC.title,
          body: format(TO_TSC.body, values),
          subject: { type: 'branch', id: branch.id },
        },
      );
      return ok((await loadBranchView(tx, branch.id)) as BranchView);
    });
  } catch (error) {
    // The login was reserved by a concurrent request (specialists_open_login_idx).
    if (sqlState(error) === UNIQUE_VIOLATION) return fail('LOGIN_TAKEN', 'body.specialist.login');
    throw error;
  }
}

/** A login belongs to an account or is reserved by a pending or registered specialist record. */
export async function isLoginTaken(tx: Parameters<typeof findAccountByLogin>[0], login: string): Promise<boolean> {
  if (await findAccountByLogin(tx, login)) return true;
  const [reserved] = await tx
    .select({ id: specialists.id })
    .from(specialists)
    .where(and(eq(specialists.login, login), inArray(specialists.status, ['applied', 'registered'])));
  return reserved !== undefined;
}
