import { eq } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { transact } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { fail, ok, type Result } from '../../../platform/result.ts';
import type { DeclarationData, DeclarationForm } from '../domain/declaration.ts';
import { type DeclarationRow, declarations } from '../infrastructure/declaration.schema.ts';
import type { CustomsDeps } from './deps.ts';
import { lockDeclaration, mayFile, type Refusal } from './declaration-store.ts';

export type DraftInput = { readonly form: DeclarationForm; readonly data: DeclarationData };

/**
 * IMP-01, art.124 p.1-2 (CUS-DEC-02, 03): a declarant, or a customs broker for a named declarant,
 * keeps an electronic draft until it signs and files it. The filer is the session's TIN: the
 * declarant itself, or the broker named in the data.
 */
export async function createDraft(deps: CustomsDeps, actor: AccountPrincipal, input: DraftInput): Promise<Result<DeclarationRow, Refusal>> {
  const filer = filerOf(actor, input.data);
  if (!filer.ok) return filer;
  const now = deps.clock.now();
  const [row] = await deps.database.db
    .insert(declarations)
    .values({
      id: uuidv7(now.getTime()),
      state: 'DRAFT',
      form: input.form,
      channel: 'electronic',
      ...columnsOf(input.data),
      filerTin: filer.value,
      data: input.data,
      version: 0,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return ok(row as DeclarationRow);
}

/** Replaces the draft's data; a filed declaration changes only through art.133 (CUS-DEC-42). */
export async function updateDraft(deps: CustomsDeps, actor: AccountPrincipal, id: string, input: DraftInput): Promise<Result<DeclarationRow, Refusal>> {
  return transact(deps.database.db, async (tx) => {
    const found = await lockDeclaration(tx, actor, id);
    if (!found.ok) return found;
    if (!mayFile(actor, found.value)) return fail('DECLARATION_NOT_YOURS', 'params.id');
    if (found.value.state !== 'DRAFT') return fail('DECLARATION_STATE_INVALID', 'params.id', { state: found.value.state });
    const filer = filerOf(actor, input.data);
    if (!filer.ok) return filer;
    const [row] = await tx
      .update(declarations)
      .set({ form: input.form, ...columnsOf(input.data), data: input.data, updatedAt: deps.clock.now() })
      .where(eq(declarations.id, id))
      .returning();
    return ok(row as DeclarationRow);
  });
}

const columnsOf = (data: DeclarationData) => ({
  direction: data.direction,
  regime: data.regime,
  officeCode: data.officeCode,
  declarantCode: data.declarantCode,
  brokerTin: data.brokerTin ?? null,
});

/** Art.124 p.2: a declarant files its own declarations; a broker files those naming it as broker. */
function filerOf(actor: AccountPrincipal, data: DeclarationData): Result<string, Refusal> {
  if (actor.tin === null) return fail('DECLARATION_NOT_YOURS', 'body.data.declarantCode');
  if (data.brokerTin !== undefined ? actor.tin !== data.brokerTin : actor.tin !== data.declarantCode)
    return fail('DECLARATION_NOT_YOURS', data.brokerTin !== undefined ? 'body.data.brokerTin' : 'body.data.declarantCode');
  return ok(actor.tin);
}
