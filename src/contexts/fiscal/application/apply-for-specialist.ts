import { eq } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit.ts';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { sqlState, UNIQUE_VIOLATION } from '../../../platform/db.ts';
import { format } from '../../../platform/i18n.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { notify } from '../../../platform/notifications.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { actsForTsc, BRANCH_OPEN_FOR_SPECIALISTS } from '../domain/tsc-registry.ts';
import { branches, specialists, tscs } from '../infrastructure/schema.ts';
import { type AttachmentInput, decodeAttachments, storeAttachments } from './attachments.ts';
import { actorOf, type FiscalDeps } from './deps.ts';
import { loadSpecialistView, type Specialist, type SpecialistView } from './list-specialists.ts';
import { isLoginTaken, type SpecialistInput } from './request-branch.ts';

export type SpecialistApplicationInput = SpecialistInput & {
  /** The branch the specialist will serve; none for the TSC's head office. */
  readonly branchId?: string;
  readonly attachments?: readonly AttachmentInput[];
};

export type ApplyForSpecialistError =
  | 'TSC_NOT_FOUND'
  | 'FORBIDDEN'
  | 'TSC_REMOVED'
  | 'ATTACHMENT_INVALID'
  | 'BRANCH_NOT_FOUND'
  | 'BRANCH_NOT_REGISTERED'
  | 'LOGIN_TAKEN';

const TO_OPERATOR = {
  title: { tg: 'Аризаи мутахассис', ru: 'Заявление на специалиста', en: 'Specialist application' },
  body: {
    tg: '«{tsc}» бақайдгирии мутахассиси соҳибтахассус {name} (сертификати № {certificate})-ро дархост кард.',
    ru: '«{tsc}» просит зарегистрировать квалифицированного специалиста {name} (сертификат № {certificate}).',
    en: '"{tsc}" asks to register qualified specialist {name} (certificate No {certificate}).',
  },
};

/**
 * p.53 item 11 (FIS-ACC-02): the TSC applies electronically for a qualified (certified)
 * specialist to work in the TIS. The operator may also enter an application the TSC gave on paper,
 * which is how a newly included TSC gets its first specialist.
 */
export async function applyForSpecialist(
  deps: FiscalDeps,
  actor: AccountPrincipal,
  tscId: string,
  input: SpecialistApplicationInput,
): Promise<Result<SpecialistView, Failure<ApplyForSpecialistError>>> {
  if (actor.role !== 'operator_admin') {
    const acting = actsForTsc(actor, tscId, 'head_office');
    if (acting === 'not_found') return fail('TSC_NOT_FOUND');
    if (acting === 'forbidden') return fail('FORBIDDEN');
  }
  const files = decodeAttachments(input.attachments ?? []);
  if (!files.ok) return files;
  const now = deps.clock.now();
  try {
    return await deps.database.db.transaction(async (tx) => {
      const [tsc] = await tx.select().from(tscs).where(eq(tscs.id, tscId)).for('share');
      if (!tsc) return fail('TSC_NOT_FOUND');
      if (tsc.status === 'removed') return fail('TSC_REMOVED');
      if (input.branchId) {
        const [branch] = await tx.select().from(branches).where(eq(branches.id, input.branchId)).for('share');
        if (!branch || branch.tscId !== tscId) return fail('BRANCH_NOT_FOUND', 'body.branchId');
        if (!BRANCH_OPEN_FOR_SPECIALISTS.includes(branch.status)) return fail('BRANCH_NOT_REGISTERED', 'body.branchId');
      }
      if (await isLoginTaken(tx, input.login)) return fail('LOGIN_TAKEN', 'body.login');
      const row: Specialist = {
        id: uuidv7(now.getTime()),
        tscId,
        branchId: input.branchId ?? null,
        fullName: input.fullName,
        certificateNumber: input.certificateNumber,
        certificateIssuer: input.certificateIssuer,
        login: input.login,
        status: 'applied',
        accountId: null,
        appliedAt: now,
        decidedAt: null,
        refusalReason: null,
      };
      await tx.insert(specialists).values(row);
      await storeAttachments(tx, { type: 'specialist', id: row.id }, files.value, now);
      await appendAudit(tx, now, {
        actor: actorOf(actor),
        action: 'specialist.applied',
        entity: 'fiscal.specialist',
        entityId: row.id,
        after: { ...row, attachments: files.value.map(({ contentBase64: _, ...m }) => m) },
      });
      await notify(tx, now, {
        recipient: { kind: 'role', id: 'operator_admin' },
        kind: 'specialist.to_decide',
        title: TO_OPERATOR.title,
        body: format(TO_OPERATOR.body, { tsc: tsc.name, name: row.fullName, certificate: row.certificateNumber }),
        subject: { type: 'specialist', id: row.id },
      });
      return ok((await loadSpecialistView(tx, row.id)) as SpecialistView);
    });
  } catch (error) {
    if (sqlState(error) === UNIQUE_VIOLATION) return fail('LOGIN_TAKEN', 'body.login');
    throw error;
  }
}
